import { readFile } from 'node:fs/promises';
import type { ApparatusManifest } from '../src/export/manifestSchema';
import { expect, test } from './fixtures';
import { sampleReferences } from './sampleReferences';

const PROMPT = 'a lively jig in D';

test('an export comes with its manifest; read back, it shows its claims, and the hash catches a changed file', async ({
  app,
}) => {
  // Generation, the export's gradient reading and the neighbour index all run in one go on a shared machine.
  test.slow();
  const references = sampleReferences();
  await app.openReady();
  await app.setReferences(references);
  await app.prompt.fill(PROMPT);
  await app.controls.quick(31, 64);
  const tune = await app.generate();

  const { file, manifest } = await app.exports.downloadWithManifest('ABC');
  expect(manifest.suggestedFilename()).toBe(`${file.suggestedFilename()}.c2pa.json`);
  await expect(app.exports.saved).toContainText(`Saved ${file.suggestedFilename()} and its manifest`);
  const filePath = (await file.path())!;
  const manifestPath = (await manifest.path())!;

  // The sidecar holds the C2PA parts and ours, for exactly the saved bytes.
  const written = JSON.parse(await readFile(manifestPath, 'utf8')) as ApparatusManifest;
  const [actions, consent, attribution, asset] = written.assertions;
  expect(actions.data.actions[0].digitalSourceType).toMatch(/trainedAlgorithmicMedia$/);
  expect(actions.data.actions[0].parameters).toMatchObject({
    prompt: PROMPT,
    seed: 31,
    model: { sha256: tune.modelSha256 },
  });
  expect(written.ingredients.map((i) => [i.title, i.relationship])).toEqual(
    references.map((r) => [r.source.title, 'inputTo']),
  );
  expect(Object.keys(consent.data.entries)).toContain('cawg.ai_training');
  expect(attribution.data.references[0]!.rights?.simulated).toBe(true);
  // Shares measured by the same readings the attribution panel shows: ablation and shared passages.
  for (const r of attribution.data.references) {
    expect(r.shares.ablation).toEqual(expect.any(Number));
    expect(r.shares.passages).toEqual(expect.any(Number));
  }
  expect(attribution.data.trainingTopK.caveat).toMatch(/estimate/);
  expect(attribution.data.permittedUses.verdicts.map((v) => v.use)).toEqual(['personal', 'education', 'commercial']);
  expect(asset.data.bytes).toBe((await readFile(filePath)).length);

  // Read back with its file: the claims show and the hash check passes.
  await app.manifestCheck.chooseManifest(manifestPath);
  await app.manifestCheck.chooseFile(filePath);
  await expect(app.manifestCheck.hashCheck).toHaveText(/^Hash check passed/);
  await expect(app.manifestCheck.claim(PROMPT)).toBeVisible();
  await expect(app.manifestCheck.claim(references[0].source.title)).toBeVisible();
  await expect(app.manifestCheck.claim(/simulated terms/)).toBeVisible();
  await expect(app.manifestCheck.claim(/Not signed\. Anyone can edit this file/)).toBeVisible();

  // One byte changed: the check fails and says so.
  const tampered = Buffer.from(await readFile(filePath));
  tampered[tampered.length - 2] ^= 1;
  await app.manifestCheck.chooseFile({ name: file.suggestedFilename(), mimeType: 'text/plain', buffer: tampered });
  await expect(app.manifestCheck.hashCheck).toHaveText(/^Hash check failed: the file's SHA-256 is [0-9a-f]{64}/);

  // A manifest with a field missing is refused, naming the field.
  const broken = JSON.parse(await readFile(manifestPath, 'utf8')) as { assertions: { data: { hash?: string } }[] };
  delete broken.assertions[3]!.data.hash;
  await app.manifestCheck.chooseManifest({
    name: 'broken.c2pa.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(app.manifestCheck.errors).toContainText('assertions[3].data.hash');
});
