import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConsumerGroupsPage } from './pages/consumer-groups-page';
import { TopicsPage } from './pages/topics-page';

// A 1280 px window (a laptop, or a console beside a terminal): the lists show every column without scrolling
// sideways, and no header is cut short. Each table sits in its own box inside the window (a narrower window scrolls
// that box, never the page).
test.use({ viewport: { width: 1280, height: 800 } });

async function columnsReachable(table: Locator) {
  await expect(table.locator('thead th').first()).toBeVisible();
  const layout = await table.evaluate((element) => {
    const box = element.parentElement!;
    const rect = box.getBoundingClientRect();
    return {
      window: window.innerWidth,
      page: document.documentElement.scrollWidth,
      boxRight: Math.round(rect.right),
      boxScrolls: ['auto', 'scroll'].includes(getComputedStyle(box).overflowX),
      boxScrollWidth: box.scrollWidth,
      boxClientWidth: box.clientWidth,
      headers: [...element.querySelectorAll('thead th')].map((th) => ({
        text: th.textContent?.trim() ?? '',
        right: Math.round(th.getBoundingClientRect().right - rect.left + box.scrollLeft),
        clipped: th.scrollWidth > th.clientWidth + 1,
      })),
    };
  });
  expect(layout.page, 'the page itself does not scroll sideways').toBeLessThanOrEqual(layout.window);
  expect(layout.boxRight, "the table's box ends inside the window").toBeLessThanOrEqual(layout.window);
  expect(layout.boxScrolls, 'a wider table would scroll in its box').toBe(true);
  expect(layout.boxScrollWidth, 'every column fits the box').toBeLessThanOrEqual(layout.boxClientWidth);
  expect(
    layout.headers.filter((h) => h.right > layout.boxScrollWidth + 1).map((h) => h.text),
    'beyond the scroll',
  ).toEqual([]);
  expect(
    layout.headers.filter((h) => h.clipped).map((h) => h.text),
    'headers cut short',
  ).toEqual([]);
  return layout.headers.map((h) => h.text);
}

test('the topics and consumer groups tables show every column in a 1280 px window', async ({ page, kafka }) => {
  const topic = await kafka.createTopic({ replicaAssignment: [[1, 2]] });
  await kafka.commitOffsets(`e2e-layout-${Date.now()}`, topic, [0]);
  const topics = new TopicsPage(page);
  await topics.open('local');
  expect(await columnsReachable(topics.table)).toEqual(expect.arrayContaining([expect.stringMatching(/^Size/)]));
  const groups = new ConsumerGroupsPage(page);
  await groups.open('local');
  expect((await columnsReachable(groups.table)).length).toBeGreaterThan(5);
});
