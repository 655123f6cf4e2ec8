import { expect, test } from './fixtures';
import { ConsumerGroupsPage } from './pages/consumer-groups-page';
import { ShareGroupPage } from './pages/share-group-page';

// The e2e cluster is Kafka 4.x on KRaft, where share groups (KIP-932) are enabled (share.version 1).
test('the groups list filtered by type shows a share group, whose page shows its lag per partition', async ({ page, request, kafka }) => {
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
    ],
  });
  const prefix = `e2e-share-${Date.now()}`;
  const [share, classic] = [`${prefix}-queue`, `${prefix}-classic`];
  await kafka.commitOffsets(classic, topic, [0, 0]);
  // A share-partition gets its state when the member first acquires records there (at the end of the log:
  // share.auto.offset.reset=latest): records are produced until both partitions have a start offset and no lag.
  type Detail = { offsets?: { startOffset: string | null; lag: string | null }[] };
  const detail = async () => (await (await request.get(`/api/v1/clusters/local/consumer-groups/${share}`)).json()) as Detail;
  const member = kafka.shareConsumer(topic, share);
  await expect
    .poll(
      async () => {
        await kafka.produce(topic, 2, 1);
        const rows = (await detail()).offsets ?? [];
        return rows.filter((r) => r.startOffset !== null && r.lag === '0').length;
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(2);
  await member.stop();
  await kafka.produce(topic, 2, 7);
  await expect.poll(async () => ((await detail()).offsets ?? []).map((r) => r.lag), { timeout: 15_000 }).toEqual(['7', '7']);

  const groups = new ConsumerGroupsPage(page);
  await groups.open('local', `q=${prefix}`);
  await expect.poll(() => groups.groupIds()).toEqual([classic, share]);
  await groups.type.selectOption('share');
  await expect(page).toHaveURL(/[?&]type=share/);
  await expect.poll(() => groups.groupIds()).toEqual([share]);
  await expect(await groups.cell(share, 'Type')).toContainText('share');

  // The overview counts the groups of every type.
  await page.goto('/clusters/local');
  await expect(page.getByTestId('groups-by-type')).toContainText(/classic \d+.* · share \d+/);
  await page.goBack();

  await groups.openGroup(share);
  const group = new ShareGroupPage(page);
  await expect(group.heading(share)).toBeVisible();
  await expect(group.lag(topic, 0)).toHaveText('7');
  await expect(group.lag(topic, 1)).toHaveText('7');
});
