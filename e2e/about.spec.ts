import { expect, test } from './fixtures';
import { AboutPanel } from './pages/AboutPanel';

test('the about page explains each interpretation view: what it measures and its limits', async ({ app, page }) => {
  const about = new AboutPanel(page);
  await app.open();
  await about.toggle.click();
  await expect(about.root).toBeVisible();
  const cases = [
    ['Cross-attention map', ['attention weights', 'mean of the whole encoding', 'no map shows']],
    ['Prompt perturbation', ['teacher-forced', 'log-probability', 'same seed']],
    ['Guidance sweep', ['same prompt and seed', 'guidance 1']],
    ['Attention vs occlusion', ['Spearman', 'Kendall', 'rank distance']],
  ] as const;
  for (const [heading, phrases] of cases) {
    const section = about.section(heading);
    await expect(section).toBeVisible();
    await expect(section.getByText('Limits', { exact: true })).toBeVisible();
    for (const phrase of phrases) await expect(section).toContainText(phrase);
  }
  // It describes measurements, not the model's mind.
  await expect(about.root).not.toContainText(/the model (thinks|wants|understands|knows)/);
});
