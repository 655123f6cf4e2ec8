import type { Locator, Page } from '@playwright/test';

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
    return this.page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  configRow(name: string) {
    return this.configs.locator(`tr[data-config="${name}"]`);
  }

  async configNames() {
    return this.configs.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-config')));
  }
}
