import { expect, type Locator, type Page } from '@playwright/test';

export class DashboardPage {
  readonly topTopics: Locator;
  readonly topGroupsByLag: Locator;

  constructor(private readonly page: Page) {
    this.topTopics = page.getByRole('region', { name: 'Topics by messages in / s' });
    this.topGroupsByLag = page.getByRole('region', { name: 'Groups by lag' });
  }

  /** The figure under a stat's label ("Messages in / s" → "48.3 msg/s"). */
  stat(label: string) {
    return this.page.locator('dt', { hasText: label }).locator('+ dd');
  }

  async open(clusterId: string, range?: string) {
    await this.page.goto(`/clusters/${encodeURIComponent(clusterId)}/dashboard${range ? `?range=${range}` : ''}`);
  }

  /** A chart by its title; `data-state` says whether it draws lines ("ready") or is still collecting. */
  chart(title: string) {
    return this.page.getByRole('figure', { name: title });
  }

  /** The lines a chart draws (recharts renders each as a path in a `.recharts-line` group). */
  chartLines(title: string) {
    return this.chart(title).locator('.recharts-line path.recharts-curve');
  }

  /** The x axis labels of a chart, as shown. */
  async timeTicks(title: string) {
    return this.chart(title).locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
  }

  async chooseRange(range: string) {
    await this.page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: range, exact: true }).click();
  }

  async expectRange(range: string) {
    await expect(this.page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: range, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  }
}
