import { expect, type Locator, type Page } from '@playwright/test';

export class BrokersPage {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('region', { name: 'Brokers' }).getByRole('table');
  }

  async open(clusterId: string) {
    await this.page.goto(`/clusters/${encodeURIComponent(clusterId)}/brokers`);
  }

  row(brokerId: number) {
    return this.table.locator(`tr[data-broker-id="${brokerId}"]`);
  }

  async replicaCount(brokerId: number) {
    return Number((await this.row(brokerId).getByRole('cell').nth(4).innerText()).replace(/,/g, ''));
  }

  async switchCluster(name: string) {
    await this.page.getByRole('combobox', { name: 'Switch cluster' }).selectOption({ label: name });
  }

  async expectBrokerIds(ids: number[]) {
    await expect(this.table.locator('tbody tr')).toHaveCount(ids.length);
    for (const id of ids) await expect(this.row(id)).toBeVisible();
  }
}
