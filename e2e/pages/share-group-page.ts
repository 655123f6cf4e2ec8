import type { Locator, Page } from '@playwright/test';

export class ShareGroupPage {
  readonly offsets: Locator;
  readonly members: Locator;

  constructor(private readonly page: Page) {
    this.offsets = page.getByRole('table', { name: 'Share group offsets' });
    this.members = page.getByRole('table', { name: 'Members' });
  }

  heading(groupId: string) {
    return this.page.getByRole('heading', { level: 2, name: groupId });
  }

  lag(topic: string, partition: number) {
    return this.offsets.locator(`tr[data-topic="${topic}"][data-partition="${partition}"] [data-column="lag"]`);
  }
}
