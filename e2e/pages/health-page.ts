import type { Locator, Page } from '@playwright/test';

export class HealthPage {
  readonly region: Locator;
  readonly table: Locator;
  readonly healthy: Locator;
  readonly reason: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'At-risk partitions' });
    this.table = this.region.getByRole('table', { name: 'At-risk partitions' });
    this.healthy = this.region.getByText('All partitions are healthy');
    this.reason = page.getByRole('combobox', { name: 'Reason' });
  }

  async open(clusterId: string, query = '') {
    await this.page.goto(`/clusters/${encodeURIComponent(clusterId)}/health${query ? `?${query}` : ''}`);
  }

  row(topic: string, partition: number) {
    return this.table.locator(`tr[data-topic="${topic}"][data-partition="${partition}"]`);
  }

  /** The partition's clean leader candidates, as the table shows them. */
  cleanLeader(topic: string, partition: number) {
    return this.row(topic, partition).getByTitle(/a clean election can choose them|only an unclean election|does not report eligible/);
  }

  async filterBy(reason: string) {
    await this.reason.selectOption(reason);
  }
}
