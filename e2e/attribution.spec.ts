import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { AttributionPanel } from './pages/AttributionPanel';
import { CataloguePanel } from './pages/CataloguePanel';
import { ReferencesArea } from './pages/ReferencesArea';

// Two tunes whose terms in the shipped demo registry allow them as references.
const PLOUGH = 'Speed the Plough -- Reel'; // Ryan's
const TOWN = 'The Boys of the Town'; // O'Neill's: at most 4 bars

const money = (text: string | null) => Number(/([\d.]+) EUR/.exec(text ?? '')![1]);

test('two references: shares, the statement, and a ledger that follows the policy', async ({ app, page }) => {
  // Two generations, each read again with and without each reference, and the gradient index: slow on a busy machine.
  test.setTimeout(300_000);
  const panel = new AttributionPanel(page);
  const catalogue = new CataloguePanel(page);
  const refs = new ReferencesArea(page);
  await app.openReady();
  await catalogue.openTune(PLOUGH);
  await catalogue.useAsReference.click();
  await catalogue.openTune(TOWN);
  await catalogue.barFrom.fill('1');
  await catalogue.barTo.fill('3');
  await catalogue.useAsReference.click();
  await expect(refs.chips).toHaveCount(2);
  await app.prompt.fill('a reel in d');
  await app.controls.quick(5, 48);
  await app.generate();

  await expect(panel.simulated).toContainText('Simulated terms');
  await expect(panel.shareRows).toHaveCount(2, { timeout: 60_000 });
  await expect(panel.shareRows.nth(0)).toContainText(`ref 1: ${PLOUGH}`);
  await expect(panel.shareRows.nth(0)).toContainText('Mammoth Fiddle Tunes Estate (simulated)');
  await expect(panel.shareRows.nth(1)).toContainText(`ref 2: ${TOWN}, bars 1-3`);
  await expect(panel.shareRows.nth(1)).toContainText("O'Neill Collection Society (simulated)");
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
    /^total,,Mammoth Fiddle Tunes Estate \(simulated\),Mammoth Fiddle Tunes Estate \(simulated\),,,0\.80,EUR,2 generations$/m,
  );
  const json = JSON.parse(await readFile((await (await panel.exportLedger('JSON')).path())!, 'utf8'));
  expect(json.totals).toHaveLength(2);
  expect(json.statements).toHaveLength(2);
  expect(json.policy.rule).toEqual({ kind: 'flat', perUse: 0.4 });
});
