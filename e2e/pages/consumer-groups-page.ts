import type { Locator, Page } from '@playwright/test';

export class ConsumerGroupsPage {
  readonly table: Locator;
  readonly search: Locator;
  readonly onlyLagging: Locator;
  readonly type: Locator;
  readonly pager: Locator;

  constructor(private readonly page: Page) {
    this.pager = page.getByRole('navigation', { name: 'Consumer groups pages' });
    this.table = page.getByRole('region', { name: 'Consumer groups' }).getByRole('table', { name: 'Consumer groups' });
    this.search = page.getByRole('searchbox', { name: 'Search groups' });
    this.onlyLagging = page.getByRole('checkbox', { name: 'Only lagging' });
    this.type = page.getByRole('combobox', { name: 'Type' });
  }

  async open(clusterId: string, query = '') {
    await this.page.goto(`/clusters/${encodeURIComponent(clusterId)}/consumer-groups${query ? `?${query}` : ''}`);
  }

  async sortBy(column: string) {
    await this.table.getByRole('button', { name: column, exact: true }).click();
  }

  row(groupId: string) {
    return this.table.locator(`tr[data-group="${groupId}"]`);
  }

  /** A cell by its column's header text (columns may be added; positions are not part of the contract). */
  async cell(groupId: string, header: string) {
    const headers = await this.table.locator('thead th').allTextContents();
    const index = headers.findIndex((h) => h.trim().replace(/[▲▼↑↓\s]+$/u, '') === header);
    if (index < 0) throw new Error(`no column "${header}" in ${JSON.stringify(headers)}`);
    return this.row(groupId).getByRole('cell').nth(index);
  }

  async groupIds() {
    return this.table.locator('tbody tr[data-group]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group')));
  }

  async openGroup(groupId: string) {
    await this.table.getByRole('link', { name: groupId, exact: true }).click();
  }
}
