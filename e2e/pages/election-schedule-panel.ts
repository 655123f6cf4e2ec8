import type { Locator, Page } from '@playwright/test';

/** The reassignments page's scheduled preferred leader election. */
export class ElectionSchedulePanel {
  readonly region: Locator;
  readonly summary: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Scheduled preferred leader election' });
    this.summary = this.region.getByTestId('election-schedule');
  }

  async open(clusterId: string) {
    await this.page.goto(`/clusters/${encodeURIComponent(clusterId)}/reassignments`);
  }

  async schedule(every: string) {
    await this.region.getByLabel("Elect the whole cluster's preferred leaders").selectOption({ label: every });
    await this.region.getByRole('button', { name: /^(Schedule|Change schedule)$/ }).click();
  }

  async remove() {
    await this.region.getByRole('button', { name: 'Remove schedule' }).click();
  }
}
