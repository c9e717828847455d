import { expect, test } from './fixtures';
import { ViewsPanel } from './pages/ViewsPanel';

const WORDS = ['a', 'lively', 'jig', 'in', 'd', 'major'];
/** The prompt and each of its leave-one-out variants, as the perturbation view reads them. */
const PROMPTS = [WORDS, ...WORDS.map((_, i) => WORDS.filter((_, j) => j !== i))];
const BARS = ['D 2 F A 2 F |', 'd 2 A F 2 A |', 'G 2 B A F D |', 'E F E D 3 |'];
const TOKENS = ['M:6/8', 'K:Dmaj', ...Array.from({ length: 24 }, (_, i) => BARS[i % 4].split(' ')).flat()];

test('a large reading is shared with a second runtime once it has loaded, and reads the same numbers', async ({
  app,
}) => {
  await app.openReady();
  // The first reading starts the reading helper, so it runs in the model worker's runtime alone.
  const alone = await app.read(PROMPTS, TOKENS);
  if ('error' in alone) throw new Error(alone.error);
  expect(alone.rowsPerRuntime).toEqual([PROMPTS.length]);

  let shared = alone;
  await expect
    .poll(
      async () => {
        const r = await app.read(PROMPTS, TOKENS);
        if ('error' in r) throw new Error(r.error);
        shared = r;
        return r.rowsPerRuntime;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toEqual([4, 3]);
  // The helper's rows are padded as the whole batch, so each row reads as it does in one runtime.
  shared.totals.forEach((total, i) => expect(Math.abs(total - alone.totals[i]), `row ${i}`).toBeLessThan(1e-3));
  expect(new Set(shared.totals).size).toBe(PROMPTS.length);
});

test('a reading helper that cannot load leaves readings whole in the model worker, with one notice', async ({
  app,
  page,
}) => {
  await app.openReady();
  // The model worker has its files; each helper, started by a reading, finds none (a second is tried once).
  await page.route('**/models/*.onnx', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  const notice = page.getByTestId('notices').getByText('Readings now run in one worker');
  const first = await app.read(PROMPTS, TOKENS);
  if ('error' in first) throw new Error(first.error);
  await expect
    .poll(
      async () => {
        const r = await app.read(PROMPTS, TOKENS);
        if ('error' in r) throw new Error(r.error);
        expect(r.rowsPerRuntime).toEqual([PROMPTS.length]);
        expect(r.totals).toEqual(first.totals);
        return notice.count();
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe(1);
  await page.unroute('**/models/*.onnx');
  const later = await app.read(PROMPTS, TOKENS);
  if ('error' in later) throw new Error(later.error);
  expect(later.rowsPerRuntime).toEqual([PROMPTS.length]);
  await expect(notice).toHaveCount(1);
});

test('opening the prompt perturbation view starts the reading helper before its first reading; a tune alone does not', async ({
  app,
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await app.openReady();
  await app.prompt.fill('a slow jig in d');
  await app.controls.quick(21, 64);
  await app.generate();
  // The attention map's one-row reading of the tune is not worth sharing.
  await page.waitForTimeout(1500);
  expect(workers.filter((url) => url.includes('reader.worker'))).toEqual([]);
  await new ViewsPanel(page).open('Prompt perturbation');
  await expect.poll(() => workers.filter((url) => url.includes('reader.worker')).length).toBe(1);
});
