import type { Locator, Page } from '@playwright/test';

export type NewTopic = {
  name: string;
  partitions?: string;
  replicationFactor?: string;
  /** Catalog configs by key: typed into their field, or chosen in their select. */
  configs?: Record<string, string>;
  /** Other configs, each in a new name/value row. */
  other?: Record<string, string>;
};

/** The "Create topic" dialog of the topics page. */
export class CreateTopicDialog {
  readonly dialog: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Create topic' });
  }

  /** A field by its label: Name, Partitions, Replication factor, a config key, "Config 1 value", … */
  field(label: string) {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async setConfig(key: string, value: string) {
    const field = this.field(key);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
    // Leaving the field checks it, as a person tabbing on would.
    await field.blur();
  }

  async addOtherConfig(key: string, value: string) {
    const rows = await this.dialog.getByRole('button', { name: /^Remove config/ }).count();
    await this.dialog.getByRole('button', { name: 'Add config' }).click();
    await this.field(`Config ${rows + 1} name`).fill(key);
    await this.field(`Config ${rows + 1} value`).fill(value);
  }

  async fill({ name, partitions, replicationFactor, configs = {}, other = {} }: NewTopic) {
    await this.field('Name').fill(name);
    if (partitions !== undefined) await this.field('Partitions').fill(partitions);
    if (replicationFactor !== undefined) await this.field('Replication factor').fill(replicationFactor);
    for (const [key, value] of Object.entries(configs)) await this.setConfig(key, value);
    for (const [key, value] of Object.entries(other)) await this.addOtherConfig(key, value);
  }

  async submit() {
    await this.dialog.getByRole('button', { name: 'Create topic', exact: true }).click();
  }
}
