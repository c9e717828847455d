import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry } from '../pipeline/buildCorpus';
import { makeReference, type Reference } from '../src/music/excerpt';
import { expect, test } from './fixtures';
import { AttributionPanel } from './pages/AttributionPanel';

/** Four bars each of two catalogue tunes whose (simulated) terms allow them as references. */
function twoReferences(): [Reference, Reference] {
  const { entries } = JSON.parse(readFileSync(join(process.cwd(), 'public/corpus/catalogue.json'), 'utf8')) as {
    entries: CatalogueEntry[];
  };
  const ref = (id: string) => {
    const e = entries.find((x) => x.id === id)!;
    return makeReference({ kind: 'catalogue', id, title: e.titles[0] }, e.tokens, { first: 1, last: 4 });
  };
  return [ref('airdsAirs-book1-0001'), ref('ryansMammoth-7thRegimentReel')];
}

const money = (text: string | null) => Number(/([\d.]+) EUR/.exec(text ?? '')![1]);

test('two references: shares, the statement, and a ledger that follows the policy', async ({ app, page }) => {
  // Two generations, each read again with and without each reference, and the gradient index: slow on a busy machine.
  test.setTimeout(300_000);
  const refs = twoReferences();
  const panel = new AttributionPanel(page);
  await app.openReady();
  await app.prompt.fill('a reel in d');
  await app.controls.quick(5, 48);
  await app.setReferences(refs);
  await app.generate();

  await expect(panel.simulated).toContainText('Simulated terms');
  await expect(panel.shareRows).toHaveCount(2, { timeout: 60_000 });
  await expect(panel.shareRows.nth(0)).toContainText('ref 1: The Ranting Highlandman., bars 1-4');
  await expect(panel.shareRows.nth(0)).toContainText('Aird Airs Heritage Trust (simulated)');
  await expect(panel.shareRows.nth(1)).toContainText('Mammoth Fiddle Tunes Estate (simulated)');
  const shares = (await panel.shareRows.allTextContents()).map((t) => Number(/(\d+\.\d)%/.exec(t)![1]));
  expect(shares[0] + shares[1]).toBeCloseTo(100, 0);
  await expect(panel.agreement).toContainText('ablation and shared passages');
  await expect(panel.training).toContainText('an estimate');
  await expect(panel.passageList).toBeVisible();

  // Pro rata: the two holders share the 1.00 EUR fee by their measured shares.
  await expect(panel.statement).toContainText('Statement under “Pro rata by measured share” (notional fee 1.00 EUR)');
  await expect(panel.statementLines).toHaveCount(shares.filter((s) => s > 0).length);
  await expect(panel.statementLines.first()).toContainText(/share \d+\.\d% \(drop -?\d+\.\d\d nats\)/);
  await expect(panel.ledger).toContainText('Session ledger: 1 generation under “Pro rata by measured share”');
  await expect(panel.ledgerPaid).toHaveText('1.00 EUR');

  // A second generation joins the ledger.
  await app.controls.quick(6, 48);
  await app.generate();
  await expect(panel.ledger).toContainText('Session ledger: 2 generations', { timeout: 60_000 });
  await expect(panel.ledgerPaid).toHaveText('2.00 EUR');

  // A flat fee per use: each holder gets 0.25 per generation, whatever the shares.
  await panel.choosePolicy('Flat fee per use');
  await expect(panel.ledger).toContainText('under “Flat fee per use”');
  await expect(panel.ledgerPaid).toHaveText('1.00 EUR');
  await expect(panel.ledgerTotals).toHaveCount(2);
  for (const row of await panel.ledgerTotals.all()) expect(money(await row.textContent())).toBe(0.5);
  await panel.field('Paid per reference per use').fill('0.4');
  await expect(panel.ledgerPaid).toHaveText('1.60 EUR');
  await expect(panel.statementLines.first()).toContainText('flat 0.40 EUR per use');

  // A bad edit is named and the last good policy stays in force.
  await panel.field('Paid per reference per use').fill('');
  await expect(panel.policyErrors).toContainText('rule.perUse');
  await expect(panel.ledgerPaid).toHaveText('1.60 EUR');

  // A policy file with a wrong type is refused with the field named.
  await panel.policyFile.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'apparatus-royalty-policy',
        version: 1,
        name: 'x',
        fee: 'one',
        currency: 'EUR',
        rule: { kind: 'pro-rata' },
      }),
    ),
  });
  await expect(panel.policyErrors).toContainText('bad.json was not loaded');
  await expect(panel.policyErrors).toContainText('fee: Invalid input: expected number, received string');

  // The ledger exports with its totals per holder.
  const csv = await readFile((await (await panel.exportLedger('CSV')).path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('row,generation,holder_id,holder,basis,source,amount,currency,reason');
  expect(csv).toMatch(
    /^total,,Aird Airs Heritage Trust \(simulated\),Aird Airs Heritage Trust \(simulated\),,,0\.80,EUR,2 generations$/m,
  );
  const json = JSON.parse(await readFile((await (await panel.exportLedger('JSON')).path())!, 'utf8'));
  expect(json.totals).toHaveLength(2);
  expect(json.statements).toHaveLength(2);
  expect(json.policy.rule).toEqual({ kind: 'flat', perUse: 0.4 });
});
