import { ConsumerGroupsPage } from './pages/consumer-groups-page';
import { TopicsPage } from './pages/topics-page';
import { expect, test } from './fixtures';

// The lists ship one page of 100 rows (the API's limit and offset), whatever the cluster's size; the page is in
// the URL, so a reload or a shared link shows the same rows, and a new search or order starts at the first page.
const pad = (i: number) => String(i).padStart(3, '0');

test('the groups list pages 100 at a time: Next, the URL and a reload agree, and a new search starts at page 1', async ({
  page,
  kafka,
}) => {
  test.setTimeout(120_000);
  const topic = await kafka.createTopic({ replicaAssignment: [[1, 2]] });
  const prefix = `e2e-paging-${Date.now()}`;
  const ids = Array.from({ length: 105 }, (_, i) => `${prefix}-${pad(i)}`);
  for (let i = 0; i < ids.length; i += 15) await Promise.all(ids.slice(i, i + 15).map((id) => kafka.commitOffsets(id, topic, [0])));

  const groups = new ConsumerGroupsPage(page);
  await groups.open('local', `q=${prefix}`);
  await expect(groups.pager).toContainText('1–100 of 105 · page 1 of 2');
  await expect.poll(async () => (await groups.groupIds())[0]).toBe(ids[0]);

  await groups.pager.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(groups.pager).toContainText('101–105 of 105 · page 2 of 2');
  await expect.poll(() => groups.groupIds()).toEqual(ids.slice(100));
  await expect(groups.pager.getByRole('button', { name: 'Next' })).toBeDisabled();

  // Rendered on the server from the URL: the same page after a reload.
  await page.reload();
  await expect.poll(() => groups.groupIds()).toEqual(ids.slice(100));

  await groups.search.fill(`${prefix}-10`);
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect.poll(() => groups.groupIds()).toEqual(ids.slice(100));
  // Five matches fit one page: no pager.
  await expect(groups.pager).toHaveCount(0);
});

test('the topics list pages 100 at a time and Last shows the final rows', async ({ page, kafka }) => {
  test.setTimeout(120_000);
  const prefix = `e2e-paging-${Date.now()}`;
  const names = Array.from({ length: 101 }, (_, i) => `${prefix}-${pad(i)}`);
  await kafka.admin.createTopics({ topics: names.map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })) });
  try {
    const topics = new TopicsPage(page);
    await topics.open('local', `q=${prefix}`);
    await expect(topics.pager).toContainText('1–100 of 101 · page 1 of 2');
    await topics.pager.getByRole('button', { name: 'Last' }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect.poll(() => topics.topicNames()).toEqual([names[100]]);
    await topics.pager.getByRole('button', { name: 'First' }).click();
    await expect(page).not.toHaveURL(/[?&]page=/);
    await expect.poll(async () => (await topics.topicNames())[0]).toBe(names[0]);
  } finally {
    await kafka.admin.deleteTopics({ topics: names });
  }
});
