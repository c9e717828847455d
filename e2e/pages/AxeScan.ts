import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The impacts the app must have none of (issue 13: zero serious or critical violations). */
const BLOCKING = new Set(['serious', 'critical']);

/** axe-core's WCAG 2.x A and AA rules, the bar the app is held to. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core over the page as it stands and names each serious or critical violation with where it is. */
export class AxeScan {
  constructor(readonly page: Page) {}

  /** `within`: a CSS selector for the one region that changed, since a whole-page scan takes many seconds. */
  async blockingViolations(within?: string): Promise<string[]> {
    const builder = new AxeBuilder({ page: this.page }).withTags(TAGS);
    const results = await (within ? builder.include(within) : builder).analyze();
    return results.violations
      .filter((v) => BLOCKING.has(v.impact ?? ''))
      .flatMap((v) =>
        v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} at ${n.target.join(' ')} (${n.failureSummary ?? ''})`),
      );
  }
}
