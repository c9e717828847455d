import type { Page } from '@playwright/test';
import { expect, test, type App } from './fixtures';
import { ViewsPanel } from './pages/ViewsPanel';

declare global {
  interface Window {
    /** Filled by this spec's init script: every CSP violation the page reports. */
    __cspViolations?: string[];
  }
}

// The service worker runs too, as for a real visitor: its requests are part of the session.
test.use({ serviceWorkers: 'allow' });

/** Loads the model, writes a tune, plays it, reads the attention map, and plays an A/B regeneration. */
async function fullSession(app: App, page: Page): Promise<void> {
  await app.openReady();
  await app.prompt.fill('a lively reel in g major');
  await app.controls.quick(22, 64);
  await app.generate();
  await expect(app.score.notes.first()).toBeVisible();

  await app.player.play.click();
  await expect(app.player.state).toHaveText('Playing');
  await app.player.stop.click();
  await expect(app.player.state).toHaveText('Stopped');

  const views = new ViewsPanel(page);
  await expect(views.attention.map).toBeVisible();
  await expect(views.attention.notes.first()).toBeVisible();
  await views.open('Prompt perturbation');
  const view = views.perturbation;
  await view.regenerate("without 'reel'").click();
  await expect(view.scoreB.locator('svg .abcjs-note').first()).toBeVisible();
  // A/B plays WAV bytes made in the page, from a blob: URL.
  await view.ab.getByRole('button', { name: 'Play A' }).click();
  await expect(view.ab.getByText('Playing A')).toBeVisible();
  await view.ab.getByRole('button', { name: 'Stop A/B' }).click();
}

test('the app works under its Content-Security-Policy and breaks none of it', async ({ app, page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  // Chromium also reports each violation as a console message; a check that leans on neither alone.
  const consoleReports: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) consoleReports.push(m.text());
  });

  const header = (await page.request.get('/')).headers()['content-security-policy'];
  expect(header).toContain("default-src 'self'");
  expect(header).toContain("frame-ancestors 'none'");
  await fullSession(app, page);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /script-src 'self' 'wasm-unsafe-eval'/,
  );

  // Each distinct report once: a blocked style repeats on every score drawn.
  const violations = [...new Set(await page.evaluate(() => window.__cspViolations))];
  expect({ violations, consoleReports: [...new Set(consoleReports)] }).toEqual({ violations: [], consoleReports: [] });
});

test('every request of a whole session goes to the app’s own origin', async ({ app, page, context, baseURL }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await fullSession(app, page);

  // The workers' requests are recorded too: the weights and the WASM runtime are fetched by the model worker.
  expect(requests).toContainEqual(expect.stringMatching(/\/models\/decoder\.runtime\.weights$/));
  expect(requests).toContainEqual(expect.stringMatching(/\/ort\/ort-wasm-simd-threaded\.wasm$/));
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
});
