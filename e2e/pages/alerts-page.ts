import { expect, type Locator, type Page } from '@playwright/test';

export type NewAlertRule = {
  /** The kind's label in the select ("Group lag", "Broker missing", …). */
  kind: string;
  name: string;
  clusterId: string;
  groupPattern?: string;
  /** Group lag: messages. */
  threshold?: string;
  forMinutes?: string;
};

/** /alerts: Firing now, Rules (with the rule dialogs of admins) and History. */
export class AlertsPage {
  readonly firing: Locator;
  readonly rules: Locator;
  readonly history: Locator;
  readonly newRule: Locator;

  constructor(private readonly page: Page) {
    this.firing = page.getByRole('region', { name: 'Firing now' });
    this.rules = page.getByRole('region', { name: 'Rules' });
    this.history = page.getByRole('region', { name: 'History' });
    this.newRule = this.rules.getByRole('button', { name: 'New rule…' });
  }

  async open() {
    await this.page.goto('/alerts');
  }

  async openFromNavigation() {
    await this.page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Alerts' }).click();
    await expect(this.page).toHaveURL(/\/alerts$/);
  }

  ruleRow(name: string) {
    return this.rules.getByRole('table', { name: 'Alert rules' }).locator('tbody tr').filter({ hasText: name });
  }

  firingRow(ruleName: string) {
    return this.firing.getByRole('table', { name: 'Firing alerts' }).locator('tbody tr').filter({ hasText: ruleName });
  }

  async createRule({ kind, name, clusterId, groupPattern, threshold, forMinutes }: NewAlertRule) {
    await this.newRule.click();
    const dialog = this.page.getByRole('dialog', { name: 'New alert rule' });
    await dialog.getByLabel('Kind').selectOption({ label: kind });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('Cluster').selectOption(clusterId);
    if (groupPattern !== undefined) await dialog.getByLabel('Group pattern').fill(groupPattern);
    if (threshold !== undefined) await dialog.getByLabel('Threshold (messages)').fill(threshold);
    if (forMinutes !== undefined) await dialog.getByLabel('For how long (minutes)').fill(forMinutes);
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await expect(dialog).toBeHidden();
  }

  async mute(name: string) {
    await this.rules.getByRole('button', { name: `Mute ${name}` }).click();
  }

  async deleteRule(name: string) {
    await this.rules.getByRole('button', { name: `Delete ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete alert rule ${name}` });
    await dialog.getByRole('button', { name: 'Delete rule' }).click();
    await expect(dialog).toBeHidden();
  }
}
