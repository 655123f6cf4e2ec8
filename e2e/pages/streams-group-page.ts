import type { Locator, Page } from '@playwright/test';

export class StreamsGroupPage {
  readonly subtopologies: Locator;
  readonly offsets: Locator;
  readonly members: Locator;

  constructor(private readonly page: Page) {
    this.subtopologies = page.getByRole('list', { name: 'Subtopologies' });
    this.offsets = page.getByRole('table', { name: 'Streams group offsets' });
    this.members = page.getByRole('table', { name: 'Members' });
  }

  heading(groupId: string) {
    return this.page.getByRole('heading', { level: 2, name: groupId });
  }

  subtopology(id: string) {
    return this.subtopologies.locator(`[data-subtopology="${id}"]`);
  }

  lag(topic: string, partition: number) {
    return this.offsets.locator(`tr[data-topic="${topic}"][data-partition="${partition}"] [data-column="lag"]`);
  }

  activeTasks() {
    return this.members.locator('[data-column="active"]');
  }
}
