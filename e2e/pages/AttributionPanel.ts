import type { Download, Locator, Page } from '@playwright/test';

/** The attribution and royalties panel: shares, statement, policy editor and ledger. */
export class AttributionPanel {
  readonly root: Locator;
  readonly shareRows: Locator;
  readonly agreement: Locator;
  readonly training: Locator;
  readonly statementLines: Locator;
  readonly statement: Locator;
  readonly simulated: Locator;
  readonly passageList: Locator;
  readonly policyKind: Locator;
  readonly policyErrors: Locator;
  readonly policyFile: Locator;
  readonly ledger: Locator;
  readonly ledgerTotals: Locator;
  readonly ledgerPaid: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('attribution-panel');
    this.shareRows = this.root.getByTestId('attribution-share-row');
    this.agreement = this.root.getByTestId('attribution-agreement');
    this.training = this.root.getByTestId('attribution-training');
    this.statement = this.root.getByTestId('attribution-statement');
    this.statementLines = this.statement.getByTestId('statement-line');
    this.simulated = this.root.getByTestId('attribution-simulated');
    this.passageList = this.root.getByTestId('attribution-passage-list');
    this.policyKind = this.root.getByLabel('Policy', { exact: true });
    this.policyErrors = this.root.getByTestId('policy-errors');
    this.policyFile = this.root.getByLabel('Load a policy file…');
    this.ledger = this.root.getByTestId('ledger');
    this.ledgerTotals = this.ledger.getByTestId('ledger-total');
    this.ledgerPaid = this.ledger.getByTestId('ledger-paid');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label);
  }

  async choosePolicy(label: string): Promise<void> {
    await this.policyKind.selectOption({ label });
  }

  async exportLedger(kind: 'CSV' | 'JSON'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.root.getByRole('button', { name: `Export ledger ${kind}` }).click(),
    ]);
    return download;
  }
}
