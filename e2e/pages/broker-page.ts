import { expect, type Locator, type Page } from '@playwright/test';

export class BrokerPage {
  readonly facts: Locator;
  readonly logDirs: Locator;
  readonly configs: Locator;
  readonly configFilter: Locator;
  readonly onlySetHere: Locator;

  constructor(private readonly page: Page) {
    this.facts = page.getByRole('definition');
    this.logDirs = page.getByRole('table', { name: 'Log directories' });
    this.configs = page.getByRole('table', { name: 'Configs' });
    this.configFilter = page.getByRole('searchbox', { name: 'Filter configs' });
    this.onlySetHere = page.getByRole('checkbox', { name: 'Only set on this broker' });
  }

  async open(clusterId: string, brokerId: number | string) {
    return this.page.goto(`/clusters/${encodeURIComponent(clusterId)}/brokers/${brokerId}`);
  }

  heading(brokerId: number) {
    return this.page.getByRole('heading', { name: `Broker ${brokerId}`, level: 2 });
  }

  fact(term: string) {
    return this.page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  configRow(name: string) {
    return this.configs.locator(`tr[data-config="${name}"]`);
  }

  async configNames() {
    return this.configs.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-config')));
  }

  configValue(name: string) {
    return this.configRow(name).getByRole('cell').nth(1);
  }

  /** Edits one dynamic config on this broker or on every broker (the cluster-wide default); `null` resets it there. */
  async editConfig(name: string, value: string | null, scope: 'This broker' | 'All brokers' = 'This broker') {
    await this.configRow(name)
      .getByRole('button', { name: `Edit ${name}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Edit ${name}` });
    await dialog.getByRole('radio', { name: new RegExp(`^${scope}`) }).check();
    if (value === null) {
      await dialog.getByRole('button', { name: 'Reset to default' }).click();
    } else {
      await dialog.getByLabel('Value', { exact: true }).fill(value);
      await dialog.getByRole('button', { name: 'Save' }).click();
    }
    await expect(dialog).toBeHidden();
  }
}
