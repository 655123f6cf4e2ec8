import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';

const metricsWindow = (response: Response) => {
  const url = new URL(response.url());
  return Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'));
};
const clusterMetrics = (page: Page, spanMs: number) =>
  page.waitForResponse((r) => r.url().includes('/api/v1/clusters/local/metrics/cluster?') && r.ok() && metricsWindow(r) === spanMs);

test('the dashboard charts the cluster from its samples; the range selector changes the URL and the data', async ({ page, kafka }) => {
  test.setTimeout(120_000);
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
    ],
  });
  // Traffic over several sampling passes (the e2e console samples every 2 s).
  const until = Date.now() + 12_000;
  while (Date.now() < until) {
    await kafka.produce(topic, 2, 25);
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  const dashboard = new DashboardPage(page);
  const firstLoad = clusterMetrics(page, 3_600_000);
  await dashboard.open('local');
  await dashboard.expectRange('1h');
  const oneHour = await (await firstLoad).json();
  expect(oneHour.series.find((s: { name: string }) => s.name === 'messagesInPerSec').points.length).toBeGreaterThan(2);

  await expect(dashboard.chart('Messages per second')).toHaveAttribute('data-state', 'ready');
  await expect(dashboard.chartLines('Messages per second')).toHaveCount(2);
  await expect(dashboard.chart('Backlog (all groups)')).toHaveAttribute('data-state', 'ready');
  await expect(dashboard.topTopics.getByRole('link', { name: topic })).toBeVisible();
  await expect(dashboard.stat('Messages in / s')).toHaveText(/msg\/s$/);
  await expect(dashboard.stat('Brokers up')).toHaveText('3 / 3');
  expect(await dashboard.timeTicks('Messages per second')).toEqual(expect.arrayContaining([expect.stringMatching(/^\d\d:\d\d$/)]));

  // Another range: a new window is asked for, the URL keeps it, and a reload comes back to it.
  const quarter = clusterMetrics(page, 15 * 60_000);
  await dashboard.chooseRange('15m');
  await quarter;
  await expect(page).toHaveURL(/[?&]range=15m/);
  await expect(dashboard.chart('Messages per second')).toHaveAttribute('data-state', 'ready');
  const week = clusterMetrics(page, 7 * 86_400_000);
  await dashboard.chooseRange('7d');
  await week;
  await expect(page).toHaveURL(/[?&]range=7d/);
  // Beyond a day the time axis shows dates.
  await expect
    .poll(() => dashboard.timeTicks('Messages per second'))
    .toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z][a-z]{2} \d{1,2}$/)]));
  await page.reload();
  await dashboard.expectRange('7d');

  // The topic page charts its own throughput; its link from the ranking leads there.
  await dashboard.open('local');
  await dashboard.topTopics.getByRole('link', { name: topic }).click();
  await expect(page).toHaveURL(new RegExp(`/topics/${topic}$`));
  await expect(page.getByRole('figure', { name: 'Messages in per second' })).toHaveAttribute('data-state', 'ready');
});
