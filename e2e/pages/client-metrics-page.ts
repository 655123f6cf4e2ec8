import type { Locator, Page } from '@playwright/test';

export type SubscriptionFields = { name?: string; metrics?: string; intervalMs?: string; match?: string };

/** The client metrics page: the subscriptions table and its create, edit and delete dialogs. */
export class ClientMetricsPage {
  readonly region: Locator;
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Client metrics subscriptions' });
    this.table = this.region.getByRole('table', { name: 'Client metrics subscriptions' });
  }

  async openFromNav() {
    await this.page.getByRole('navigation', { name: 'Cluster views' }).getByRole('link', { name: 'Client metrics' }).click();
  }

  row(name: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  private async fill(dialog: Locator, fields: SubscriptionFields) {
    if (fields.name !== undefined) await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
    if (fields.metrics !== undefined) await dialog.getByLabel('Metrics', { exact: true }).fill(fields.metrics);
    if (fields.intervalMs !== undefined) await dialog.getByLabel('Push interval (ms)', { exact: true }).fill(fields.intervalMs);
    if (fields.match !== undefined) await dialog.getByLabel('Match', { exact: true }).fill(fields.match);
  }

  /** Fills the create dialog and submits it; the dialog is returned to read its errors. */
  async create(fields: SubscriptionFields) {
    await this.region.getByRole('button', { name: 'New subscription…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New client metrics subscription' });
    await this.fill(dialog, fields);
    await dialog.getByRole('button', { name: 'Create subscription' }).click();
    return dialog;
  }

  async edit(name: string, fields: SubscriptionFields) {
    await this.row(name)
      .getByRole('button', { name: `Edit ${name}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Edit subscription ${name}` });
    await this.fill(dialog, fields);
    await dialog.getByRole('button', { name: 'Save subscription' }).click();
    return dialog;
  }

  async delete(name: string) {
    await this.row(name)
      .getByRole('button', { name: `Delete ${name}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Delete subscription ${name}` });
    await dialog.getByLabel('Type the subscription name to confirm').fill(name);
    await dialog.getByRole('button', { name: 'Delete subscription' }).click();
  }
}
