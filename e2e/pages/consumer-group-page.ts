import type { Locator, Page } from '@playwright/test';

/** kafka-consumer-groups --describe's columns, in its order. */
const COLUMNS = ['TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'] as const;

export class ConsumerGroupPage {
  readonly offsets: Locator;
  readonly members: Locator;
  readonly exportCsv: Locator;

  constructor(private readonly page: Page) {
    this.offsets = page.getByRole('table', { name: 'Offsets' });
    this.members = page.getByRole('table', { name: 'Members' });
    this.exportCsv = page.getByRole('link', { name: 'Export CSV' });
  }

  async open(clusterId: string, groupId: string) {
    return this.page.goto(`/clusters/${encodeURIComponent(clusterId)}/consumer-groups/${encodeURIComponent(groupId)}`);
  }

  heading(groupId: string) {
    return this.page.getByRole('heading', { name: groupId, level: 2 });
  }

  /** Every rendered row as the CLI would print it ("-" for empty cells), top to bottom. */
  async rows() {
    return this.offsets
      .locator('tbody tr[data-row]')
      .evaluateAll(
        (rows, count) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, count).map((td) => (td.textContent ?? '').trim())),
        COLUMNS.length,
      );
  }
}
