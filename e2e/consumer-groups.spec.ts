import { ConsumerGroupPage } from './pages/consumer-group-page';
import { ConsumerGroupsPage } from './pages/consumer-groups-page';
import { expect, test } from './fixtures';

type GroupApi = {
  offsets: {
    topic: string;
    partition: number;
    currentOffset: string | null;
    logEndOffset: string | null;
    lag: string | null;
    consumerId: string | null;
    host: string | null;
    clientId: string | null;
  }[];
};

const dash = (value: string | number | null) => (value === null ? '-' : Number(value).toLocaleString('en-US'));

test('groups sorted by lag lead to the most lagging group, whose rows equal the API and export as CSV', async ({
  page,
  request,
  kafka,
}) => {
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
    ],
  });
  await kafka.produce(topic, 2, 12);
  const prefix = `e2e-lag-${Date.now()}`;
  const [behind, caughtUp, halfway] = [`${prefix}-behind`, `${prefix}-caught-up`, `${prefix}-halfway`];
  await kafka.commitOffsets(behind, topic, [0, 0]);
  await kafka.commitOffsets(caughtUp, topic, [12, 12]);
  await kafka.commitOffsets(halfway, topic, [6, 6]);

  const groups = new ConsumerGroupsPage(page);
  await groups.open('local', `q=${prefix}`);
  await expect.poll(() => groups.groupIds()).toEqual([behind, caughtUp, halfway]);
  await groups.sortBy('Total lag');
  await expect(page).toHaveURL(/[?&]sort=-totalLag/);
  await expect.poll(() => groups.groupIds()).toEqual([behind, halfway, caughtUp]);
  await expect(await groups.cell(behind, 'Total lag')).toHaveText('24');
  await groups.onlyLagging.check();
  await expect.poll(() => groups.groupIds()).toEqual([behind, halfway]);

  await groups.openGroup(behind);
  const group = new ConsumerGroupPage(page);
  await expect(group.heading(behind)).toBeVisible();
  const api = (await (await request.get(`/api/v1/clusters/local/consumer-groups/${behind}`)).json()) as GroupApi;
  expect(api.offsets.map((r) => r.lag)).toEqual(['12', '12']);
  await expect
    .poll(() => group.rows())
    .toEqual(
      api.offsets.map((r) => [
        r.topic,
        String(r.partition),
        dash(r.currentOffset),
        dash(r.logEndOffset),
        dash(r.lag),
        r.consumerId ?? '-',
        r.host ?? '-',
        r.clientId ?? '-',
      ]),
    );
  await expect(page.getByText(`Consumer group '${behind}' has no active members.`)).toBeVisible();

  const csv = await request.get((await group.exportCsv.getAttribute('href')) ?? '');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect((await csv.text()).split('\r\n')[0]).toBe('GROUP,TOPIC,PARTITION,CURRENT-OFFSET,LOG-END-OFFSET,LAG,CONSUMER-ID,HOST,CLIENT-ID');
});

test('the topic page lists the groups reading it; an unknown group is a 404 page', async ({ page, kafka }) => {
  const topic = await kafka.createTopic({ replicaAssignment: [[1, 2]] });
  await kafka.produce(topic, 1, 5);
  const groupId = `e2e-reader-${Date.now()}`;
  await kafka.commitOffsets(groupId, topic, [2]);
  await page.goto(`/clusters/local/topics/${topic}`);
  const row = page.getByRole('table', { name: 'Consumer groups reading this topic' }).locator(`tr[data-group="${groupId}"]`);
  // Group, type, state, members, partitions, assigned, then the lag on this topic.
  await expect(row.getByRole('cell').nth(1)).toHaveText('classic');
  await expect(row.getByRole('cell').nth(6)).toHaveText('3');
  await row.getByRole('link', { name: groupId }).click();
  await expect(page).toHaveURL(new RegExp(`/consumer-groups/${groupId}$`));

  const response = await new ConsumerGroupPage(page).open('local', `${groupId}-missing`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Consumer group not found')).toBeVisible();
});
