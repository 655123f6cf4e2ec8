import { expect, type Locator, type Page } from '@playwright/test';

/** A reassignment job's page. */
export class ReassignmentPage {
  readonly article: Locator;
  readonly heading: Locator;
  readonly bytes: Locator;
  readonly partitionsBar: Locator;
  readonly partitions: Locator;

  constructor(private readonly page: Page) {
    this.article = page.getByRole('article', { name: /^Reassignment [0-9a-f]+$/ });
    this.heading = page.getByRole('heading', { name: /^Reassignment [0-9a-f]+$/, level: 2 });
    this.bytes = page.getByRole('progressbar', { name: 'Bytes copied' });
    this.partitionsBar = page.getByRole('progressbar', { name: 'Partitions' });
    this.partitions = page.getByRole('table', { name: 'Job partitions' });
  }

  /** The job id from the page's URL. */
  jobId() {
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').at(-1) ?? '');
  }

  /** The job's state badge (running, completed, cancelled, failed). */
  state(name: string) {
    return this.article.locator('header').getByText(name, { exact: true });
  }

  fact(term: string) {
    return this.page
      .getByLabel('Job facts')
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  partitionRow(topic: string, partition: number) {
    return this.partitions.locator(`tr[data-partition="${topic}-${partition}"]`);
  }

  async changeThrottle(amount: string, unit: 'KiB/s' | 'MiB/s' | 'GiB/s') {
    await this.page.getByRole('button', { name: 'Change throttle…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Change the throttle' });
    await dialog.getByLabel('Throttle rate').fill(amount);
    await dialog.getByLabel('Throttle unit').selectOption(unit);
    await dialog.getByRole('button', { name: 'Save throttle' }).click();
    await expect(dialog).toBeHidden();
  }

  async cancel() {
    await this.page.getByRole('button', { name: 'Cancel reassignment…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Cancel the reassignment' });
    await dialog.getByRole('button', { name: 'Cancel reassignment' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Elects the preferred leaders of the job's partitions; the dialog, showing what Kafka did. */
  async electPreferredLeaders() {
    await this.page.getByRole('button', { name: 'Elect preferred leaders…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Elect preferred leaders for/ });
    await dialog.getByRole('button', { name: 'Elect preferred leaders', exact: true }).click();
    await expect(dialog.getByRole('region', { name: 'Election result' })).toBeVisible();
    return dialog;
  }
}
