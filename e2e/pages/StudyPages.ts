import { expect, type Locator, type Page } from '@playwright/test';

/** Study mode's own pages: consent, the task bar above the workbench, questionnaires, debrief, and errors. */
export class StudyPages {
  readonly consentHeading: Locator;
  readonly task: Locator;
  readonly taskHeading: Locator;
  readonly finishTask: Locator;
  readonly timer: Locator;
  readonly questionnaire: Locator;
  readonly continueButton: Locator;
  readonly debriefHeading: Locator;
  readonly cannotStart: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.consentHeading = page.getByRole('heading', { name: 'Taking part' });
    this.task = page.getByRole('region', { name: /^Task \d of \d/ });
    this.taskHeading = this.task.getByRole('heading');
    this.finishTask = this.task.getByRole('button', { name: 'I have finished this task' });
    this.timer = this.task.getByRole('timer', { name: 'Time left' });
    this.questionnaire = page.locator('[data-questionnaire]');
    this.continueButton = this.questionnaire.getByRole('button', { name: 'Continue' });
    this.debriefHeading = page.getByRole('heading', { name: 'Thank you' });
    this.cannotStart = page.getByRole('region', { name: 'This study cannot start' });
    this.alert = page.getByRole('alert');
  }

  async openLink(study: string, participant: string, condition?: string): Promise<void> {
    const q = new URLSearchParams({ study, participant, backend: 'wasm' });
    if (condition) q.set('condition', condition);
    await this.page.goto(`/?${q}`);
  }

  async agree(): Promise<void> {
    await this.page.getByRole('button', { name: 'I have read this and agree to take part' }).click();
  }

  /** Answers every scale item with the given point (or the highest the scale has), and every text item. */
  async answerQuestionnaire(point: number, text = ''): Promise<string> {
    const id = (await this.questionnaire.getAttribute('data-questionnaire'))!;
    for (const scale of await this.questionnaire.getByRole('group').all()) {
      const points = await scale.getByRole('radio').count();
      await scale
        .getByRole('radio')
        .nth(Math.min(point, points) - 1)
        .check();
    }
    for (const box of await this.questionnaire.getByRole('textbox').all()) {
      await box.fill(text);
      await box.blur();
    }
    await this.continueButton.click();
    // The next step may be another questionnaire in the same element: wait until this one has gone.
    await expect(this.page.locator(`[data-questionnaire="${id}"]`)).toHaveCount(0);
    return id;
  }
}

/** The researcher's page: a study file from disk or a shipped one, then one link per participant. */
export class ResearcherPage {
  readonly fileInput: Locator;
  readonly errors: Locator;
  readonly links: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.getByLabel('Study file from disk');
    this.errors = page.getByRole('alert');
    this.links = page.getByRole('table').getByRole('row');
  }

  async open(): Promise<void> {
    await this.page.goto('/?researcher');
  }

  async upload(name: string, text: string): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  async shipped(file: string): Promise<void> {
    await this.page.getByRole('button', { name: file }).click();
  }
}
