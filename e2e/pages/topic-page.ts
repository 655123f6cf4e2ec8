import { expect, type Locator, type Page } from '@playwright/test';

const PARTITION_COLUMNS = [
  'partition',
  'leader',
  'replicas',
  'isr',
  'elr',
  'offline',
  'log start',
  'high watermark',
  'messages',
  'size',
  'preferred',
  'under-replicated',
  'under min isr',
] as const;

export class TopicPage {
  readonly partitions: Locator;
  readonly configs: Locator;
  readonly onlyOverrides: Locator;
  /** "3 partitions · replication factor 2 · min.insync.replicas 1" under the name. */
  readonly summary: Locator;

  constructor(private readonly page: Page) {
    this.partitions = page.getByRole('table', { name: 'Partitions' });
    this.configs = page.getByRole('table', { name: 'Configs' });
    this.onlyOverrides = page.getByRole('checkbox', { name: 'Only set on this topic' });
    this.summary = page.getByText(/^\d+ partitions? · replication factor/);
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
  async brokerIds(partition: number, column: 'replicas' | 'isr' | 'elr' | 'offline') {
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

  configValue(name: string) {
    return this.configRow(name).getByRole('cell').nth(1);
  }

  private async editDialog(name: string) {
    await this.configRow(name)
      .getByRole('button', { name: `Edit ${name}` })
      .click();
    return this.page.getByRole('dialog', { name: `Edit ${name}` });
  }

  async setConfig(name: string, value: string) {
    const dialog = await this.editDialog(name);
    await dialog.getByLabel('Value', { exact: true }).fill(value);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  async resetConfig(name: string) {
    const dialog = await this.editDialog(name);
    await dialog.getByRole('button', { name: 'Reset to default' }).click();
    await expect(dialog).toBeHidden();
  }

  async addPartitions(topic: string, totalCount: number) {
    await this.page.getByRole('button', { name: 'Add partitions…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Add partitions to ${topic}` });
    await dialog.getByLabel('New partition count').fill(String(totalCount));
    await dialog.getByRole('button', { name: 'Add partitions', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Purges the chosen partitions up to the given offsets (others unticked); answers the dialog, showing the result. */
  async deleteRecords(topic: string, before: Record<number, string>) {
    await this.page.getByRole('button', { name: 'Delete records…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete records of ${topic}` });
    await dialog.getByRole('button', { name: 'None', exact: true }).click();
    for (const [partition, offset] of Object.entries(before)) {
      await dialog.getByRole('checkbox', { name: `Partition ${partition}`, exact: true }).check();
      await dialog.getByLabel(`Offset for partition ${partition}`).fill(offset);
    }
    await dialog.getByLabel('Type the topic name to confirm').fill(topic);
    await dialog.getByRole('button', { name: 'Delete records', exact: true }).click();
    return dialog;
  }

  /** Opens the delete dialog; the caller types the confirmation. */
  async startDelete(topic: string) {
    await this.page.getByRole('button', { name: 'Delete topic…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete topic ${topic}` });
    return {
      dialog,
      confirm: dialog.getByLabel('Type the topic name to confirm'),
      submit: dialog.getByRole('button', { name: 'Delete topic', exact: true }),
    };
  }
}
