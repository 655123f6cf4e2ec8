import type { Locator, Page } from '@playwright/test';

const PARTITION_COLUMNS = ['partition', 'leader', 'replicas', 'isr', 'offline', 'log start', 'high watermark', 'messages', 'size', 'preferred', 'under-replicated', 'under min isr'] as const;

export class TopicPage {
  readonly partitions: Locator;
  readonly configs: Locator;
  readonly onlyOverrides: Locator;

  constructor(private readonly page: Page) {
    this.partitions = page.getByRole('table', { name: 'Partitions' });
    this.configs = page.getByRole('table', { name: 'Configs' });
    this.onlyOverrides = page.getByRole('checkbox', { name: 'Only set on this topic' });
  }

  async open(clusterId: string, topicSegment: string) {
    await this.page.goto(`/clusters/${encodeURIComponent(clusterId)}/topics/${topicSegment}`);
  }

  heading(topic: string) {
    return this.page.getByRole('heading', { name: topic, level: 2 });
  }

  partitionCell(partition: number, column: (typeof PARTITION_COLUMNS)[number]) {
    return this.partitions.locator(`tr[data-partition="${partition}"]`).getByRole('cell').nth(PARTITION_COLUMNS.indexOf(column));
  }

  /** Broker ids listed in a cell ("1, 2" → [1, 2]), whatever marks the preferred or offline ones. */
  async brokerIds(partition: number, column: 'replicas' | 'isr' | 'offline') {
    const text = await this.partitionCell(partition, column).innerText();
    return (text.match(/\d+/g) ?? []).map(Number);
  }

  /** The table scrolls inside its own box; the page around it does not move. */
  async scrollPartitionsToEnd() {
    await this.partitions.evaluate((table) => {
      const box = table.parentElement;
      if (box) box.scrollTop = box.scrollHeight;
    });
  }

  configRow(name: string) {
    return this.configs.locator(`tr[data-config="${name}"]`);
  }

  async configNames() {
    return this.configs.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-config')));
  }
}
