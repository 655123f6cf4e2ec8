import { expect, type Locator, type Page } from '@playwright/test';

/** The reassignment wizard, whichever page opened it: choose → review the plan → throttle and run. */
export class ReassignWizard {
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Reassign partitions' });
  }

  /** Opens it with a page's entry button ("Drain this broker…", "Spread onto new brokers…", "Reassign…"). */
  async openWith(button: string) {
    await this.page.getByRole('button', { name: button }).click();
    await expect(this.dialog).toBeVisible();
  }

  currentStep() {
    return this.dialog.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]');
  }

  mode(label: string) {
    return this.dialog.getByRole('radio', { name: new RegExp(`^${label}`) });
  }

  broker(id: number) {
    return this.dialog.getByRole('checkbox', { name: `Broker ${id}`, exact: true });
  }

  /** Narrows the plan to these topics (none: every topic of the cluster). */
  async onlyTopics(topics: string[]) {
    for (const topic of topics) {
      await this.dialog.getByLabel('Add a topic').fill(topic);
      await this.dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(this.dialog.getByRole('list', { name: 'Chosen topics' })).toContainText(topic);
    }
  }

  /** Pastes kafka-reassign-partitions JSON and has it checked; the field shows what is wrong with it, if anything. */
  async importJson(json: unknown) {
    await this.mode('Import JSON').check();
    const field = this.dialog.getByLabel('Reassignment JSON');
    await field.fill(typeof json === 'string' ? json : JSON.stringify(json));
    await this.dialog.getByRole('button', { name: 'Check the JSON' }).click();
    return field;
  }

  async plan() {
    await this.dialog.getByRole('button', { name: 'Plan', exact: true }).click();
    await expect(this.currentStep()).toContainText('Review the plan');
  }

  total(term: string) {
    return this.dialog
      .getByLabel('Plan totals')
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  diffRows() {
    return this.dialog.getByRole('table', { name: 'Plan' }).locator('tbody tr[data-partition]');
  }

  /** The Before / After cell of a partition's row. */
  diffCell(topic: string, partition: number, column: 'before' | 'after') {
    return this.dialog
      .locator(`tr[data-partition="${topic}-${partition}"]`)
      .getByRole('cell')
      .nth(column === 'before' ? 2 : 3);
  }

  async toThrottle() {
    await this.dialog.getByRole('button', { name: 'Next: throttle' }).click();
    await expect(this.currentStep()).toContainText('Throttle and run');
  }

  async throttle(amount: string, unit: 'KiB/s' | 'MiB/s' | 'GiB/s') {
    await this.dialog.getByRole('checkbox', { name: 'Throttle replication' }).check();
    await this.dialog.getByLabel('Throttle rate').fill(amount);
    await this.dialog.getByLabel('Throttle unit').selectOption(unit);
  }

  async start() {
    await this.dialog.getByRole('button', { name: 'Start reassignment' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
