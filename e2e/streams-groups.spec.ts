import { expect, test } from './fixtures';
import { ConsumerGroupsPage } from './pages/consumer-groups-page';
import { StreamsGroupPage } from './pages/streams-group-page';

// The e2e cluster is Kafka 4.x on KRaft, where streams groups (KIP-1071) are enabled (streams.version 1).
test("a streams group's page shows its topology, its input lag and its members' tasks", async ({ page, kafka }) => {
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
    ],
  });
  const app = `e2e-streams-${Date.now()}`;
  await kafka.produce(topic, 2, 3);
  const running = await kafka.streamsApp(topic, app);

  const groups = new ConsumerGroupsPage(page);
  await groups.open('local', `q=${app}`);
  await groups.type.selectOption('streams');
  await expect(page).toHaveURL(/[?&]type=streams/);
  await expect.poll(() => groups.groupIds(), { timeout: 30_000 }).toEqual([app]);
  await expect(await groups.cell(app, 'Type')).toContainText('streams');

  await groups.openGroup(app);
  const group = new StreamsGroupPage(page);
  await expect(group.heading(app)).toBeVisible();
  // Subtopology 0 reads the topic and writes the repartition topic that subtopology 1 counts into its changelog.
  await expect(group.subtopology('0')).toContainText(topic);
  await expect(group.subtopology('0')).toContainText(`${app}-words-repartition`);
  await expect(group.subtopology('1')).toContainText(`${app}-word-counts-changelog`);
  await expect(group.lag(topic, 0)).toHaveText('0', { timeout: 30_000 });
  await expect(group.lag(topic, 1)).toHaveText('0');
  await expect(group.activeTasks()).toHaveText([/0:\[0,1\]; 1:\[0,1\]/]);

  await running.stop();
  await kafka.produce(topic, 2, 4);
  await expect(group.lag(topic, 0)).toHaveText('4', { timeout: 30_000 });
  await expect(group.lag(topic, 1)).toHaveText('4');
});
