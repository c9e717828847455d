import { expect, type Locator, type Page } from '@playwright/test';

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would, and returns the number of
 * presses (0 when it has focus already). Fails when it takes more than `limit`.
 */
export async function tabTo(page: Page, target: Locator, limit: number, key = 'Tab'): Promise<number> {
  if (await isFocused(target)) return 0;
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return presses;
  }
  expect(false, `${key} did not reach ${String(target)} in ${limit} presses`).toBe(true);
  return limit;
}

/** Replaces the text of the focused field by typing. */
export async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
