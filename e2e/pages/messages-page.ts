import { expect, type Locator, type Page } from '@playwright/test';

/** A topic's Messages tab: what to read, the records read, one record in full, producing. */
export class MessagesPage {
  readonly table: Locator;
  readonly status: Locator;
  readonly filter: Locator;
  readonly record: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Messages' });
    this.status = page.getByRole('status').filter({ hasText: /records?,|Reading|Live tail|Scan/ });
    this.filter = page.getByRole('textbox', { name: 'Filter' });
    this.record = page.getByRole('dialog', { name: /^Record \d+:\d+$/ });
  }

  async open(clusterId: string, topic: string, query = '') {
    await this.page.goto(
      `/clusters/${encodeURIComponent(clusterId)}/topics/${encodeURIComponent(topic)}/messages${query ? `?${query}` : ''}`,
    );
  }

  row(partition: number, offset: number | string) {
    return this.table.locator(`tr[data-record="${partition}:${offset}"]`);
  }

  /** "partition:offset" of every row shown, top to bottom. */
  async positions() {
    return this.table.locator('tbody tr[data-record]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-record')));
  }

  async openRecord(partition: number, offset: number | string) {
    await this.page.getByRole('button', { name: `Open record ${partition}:${offset}` }).click();
    await expect(this.record).toBeVisible();
  }

  async read() {
    await this.page.getByRole('button', { name: 'Read', exact: true }).click();
  }

  async startLiveTail() {
    await this.page.getByRole('button', { name: 'Live tail' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /^Live tail running/ })).toBeVisible();
  }

  async produce(fields: { key?: string; value: string; partition?: number; headers?: [string, string][] }) {
    await this.page.getByRole('button', { name: 'Produce…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Produce to / });
    if (fields.partition !== undefined) await dialog.getByRole('textbox', { name: 'Partition' }).fill(String(fields.partition));
    if (fields.key !== undefined) {
      await dialog.getByRole('checkbox', { name: 'null key' }).uncheck();
      await dialog.getByRole('textbox', { name: 'Key' }).fill(fields.key);
    }
    await dialog.getByRole('textbox', { name: 'Value' }).fill(fields.value);
    for (const [i, [name, value]] of (fields.headers ?? []).entries()) {
      await dialog.getByRole('button', { name: 'Add header' }).click();
      await dialog.getByRole('textbox', { name: `Header ${i + 1} name` }).fill(name);
      await dialog.getByRole('textbox', { name: `Header ${i + 1} value` }).fill(value);
    }
    await dialog.getByRole('button', { name: 'Produce', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(/Written to partition \d+ at offset \d+/);
    await dialog.getByRole('button', { name: 'Done' }).click();
  }
}
