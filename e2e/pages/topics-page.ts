import { expect, type Locator, type Page } from '@playwright/test';
import { CreateTopicDialog } from './create-topic-dialog';

const TOPIC_COLUMNS = ['name', 'partitions', 'rf', 'urp', 'offline', 'under min isr', 'messages', 'size'] as const;

export class TopicsPage {
  readonly region: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly hideInternal: Locator;
  readonly createTopic: Locator;
  readonly pager: Locator;

  constructor(private readonly page: Page) {
    this.pager = page.getByRole('navigation', { name: 'Topics pages' });
    this.region = page.getByRole('region', { name: 'Topics' });
    this.table = this.region.getByRole('table', { name: 'Topics' });
    this.search = page.getByRole('searchbox', { name: 'Search topics' });
    this.hideInternal = page.getByRole('checkbox', { name: 'Hide internal topics' });
    this.createTopic = page.getByRole('button', { name: 'Create topic…' });
  }

  async open(clusterId: string, query = '') {
    await this.page.goto(`/clusters/${encodeURIComponent(clusterId)}/topics${query ? `?${query}` : ''}`);
  }

  /** Types into the search box and waits until the URL (and so the list) follows. */
  async searchFor(text: string) {
    await this.search.fill(text);
    await expect(this.page).toHaveURL((url) => (url.searchParams.get('q') ?? '') === text);
  }

  async sortBy(column: string) {
    await this.table.getByRole('button', { name: column, exact: true }).click();
  }

  row(topic: string) {
    return this.table.locator(`tr[data-topic="${topic}"]`);
  }

  cell(topic: string, column: (typeof TOPIC_COLUMNS)[number]) {
    return this.row(topic).getByRole('cell').nth(TOPIC_COLUMNS.indexOf(column));
  }

  /** Names of the rendered rows, top to bottom (the table renders only the rows in view). */
  async topicNames() {
    return this.table.locator('tbody tr[data-topic]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-topic')));
  }

  async openTopic(topic: string) {
    await this.table.getByRole('link', { name: topic, exact: true }).click();
  }

  /** Opens the create dialog (admins only). */
  async startCreate() {
    await this.createTopic.click();
    const dialog = new CreateTopicDialog(this.page);
    await expect(dialog.dialog).toBeVisible();
    return dialog;
  }
}
