import { ConfigResourceTypes, Kafka, logLevel } from '@/server/kafka/kafkajs';
import { e2eBootstrap } from './console-config';
import { expect, test } from './fixtures';
import { TopicPage } from './pages/topic-page';
import { TopicsPage } from './pages/topics-page';

type TopicApi = {
  minInsyncReplicas: number | null;
  partitions: { partition: number; leader: number | null; replicas: number[]; isr: number[]; eligibleLeaderReplicas: number[] | null }[];
  configs: { name: string; value: string | null; source: string }[];
};

/** The fixture names topics `e2e-<test id>-<time>`: the prefix finds every topic of one test. */
const prefixOf = (topic: string) => topic.replace(/\d+$/, '');

async function produce(topic: string, partition: number, count: number) {
  const producer = new Kafka({ clientId: 'e2e-producer', brokers: e2eBootstrap(), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: Array.from({ length: count }, (_, i) => ({ partition, value: `message ${i}` })) });
  } finally {
    await producer.disconnect();
  }
}

test('the topics page lists a new topic; search narrows the list and survives a reload', async ({ page, kafka }) => {
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
      [3, 1],
    ],
  });
  // Looking up a group coordinator makes Kafka create __consumer_offsets, the internal topic, if it is missing.
  await kafka.admin.describeGroups(['e2e-internal-topic-probe']);
  const topics = new TopicsPage(page);
  await page.goto('/clusters/local/brokers');
  const tab = page.getByRole('navigation', { name: 'Cluster views' }).getByRole('link', { name: 'Topics' });
  await tab.click();
  await expect(page).toHaveURL(/\/clusters\/local\/topics$/);
  await expect(tab).toHaveAttribute('aria-current', 'page');

  // A few topics only on the dev cluster: every row is in view.
  await expect(topics.row(topic)).toBeVisible();
  await expect(topics.cell(topic, 'partitions')).toHaveText('3');
  await expect(topics.cell(topic, 'rf')).toHaveText('2');
  await expect(topics.row('__consumer_offsets').getByText('internal')).toBeVisible();

  await topics.searchFor(topic);
  await expect.poll(() => topics.topicNames()).toEqual([topic]);
  await expect(topics.region.getByText(`1 topic matching “${topic}”`)).toBeVisible();
  await page.reload();
  await expect(topics.search).toHaveValue(topic);
  await expect.poll(() => topics.topicNames()).toEqual([topic]);

  await topics.searchFor('');
  await expect(topics.row('__consumer_offsets')).toBeVisible();
  await topics.hideInternal.check();
  await expect(page).toHaveURL(/[?&]internal=false/);
  await expect(topics.row('__consumer_offsets')).toHaveCount(0);
  await expect(topics.row(topic)).toBeVisible();
  await page.reload();
  await expect(topics.hideInternal).toBeChecked();
  await expect(topics.row('__consumer_offsets')).toHaveCount(0);
});

test('sorting by partitions puts the topic with the most partitions first, both ways, and stays in the URL', async ({ page, kafka }) => {
  const few = await kafka.createTopic({ replicaAssignment: [[1, 2]] });
  const many = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
      [3, 1],
      [1, 3],
      [2, 1],
    ],
  });
  const topics = new TopicsPage(page);
  await topics.open('local', `q=${prefixOf(few)}`);
  await expect.poll(() => topics.topicNames()).toEqual([few, many]);

  await topics.sortBy('Partitions');
  await expect(page).toHaveURL(/[?&]sort=-partitionCount/);
  await expect.poll(() => topics.topicNames()).toEqual([many, few]);
  await topics.sortBy('Partitions');
  await expect(page).toHaveURL(/[?&]sort=partitionCount/);
  await expect.poll(() => topics.topicNames()).toEqual([few, many]);

  await topics.sortBy('Partitions');
  await page.reload();
  await expect(topics.table.getByRole('columnheader', { name: 'Partitions' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => topics.topicNames()).toEqual([many, few]);
});

test('a topic page shows the leaders, replicas and ISR the API reports, its offsets and its configs', async ({ page, kafka, request }) => {
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
      [3, 1],
    ],
  });
  await kafka.admin.alterConfigs({
    validateOnly: false,
    resources: [
      {
        type: ConfigResourceTypes.TOPIC,
        name: topic,
        configEntries: [
          { name: 'min.insync.replicas', value: '2' },
          { name: 'retention.ms', value: '3600000' },
        ],
      },
    ],
  });
  await produce(topic, 0, 5);

  const topics = new TopicsPage(page);
  await topics.open('local');
  await topics.searchFor(topic);
  await topics.openTopic(topic);
  await expect(page).toHaveURL(new RegExp(`/clusters/local/topics/${topic}$`));
  const detail = new TopicPage(page);
  await expect(detail.heading(topic)).toBeVisible();

  const api = (await (await request.get(`/api/v1/clusters/local/topics/${topic}`)).json()) as TopicApi;
  expect(api.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
  for (const p of api.partitions) {
    await expect(detail.partitionCell(p.partition, 'leader')).toHaveText(String(p.leader));
    expect(await detail.brokerIds(p.partition, 'replicas')).toEqual(p.replicas);
    expect(await detail.brokerIds(p.partition, 'isr')).toEqual(p.isr);
    // KIP-966: none eligible on a healthy partition; "unknown" where the cluster does not track them.
    if (p.eligibleLeaderReplicas === null) await expect(detail.partitionCell(p.partition, 'elr')).toHaveText('unknown');
    else expect(await detail.brokerIds(p.partition, 'elr')).toEqual(p.eligibleLeaderReplicas);
    await expect(detail.partitionCell(p.partition, 'preferred')).toHaveText(p.leader === p.replicas[0] ? '✓' : '✗');
    await expect(detail.partitionCell(p.partition, 'under-replicated')).toHaveText(p.isr.length < p.replicas.length ? 'yes' : 'no');
  }
  await expect(detail.partitionCell(0, 'high watermark')).toHaveText('5');
  await expect(detail.partitionCell(0, 'messages')).toHaveText('5');
  await expect(detail.partitionCell(1, 'messages')).toHaveText('0');
  await expect(page.getByText(/ · min\.insync\.replicas 2$/)).toBeVisible();

  // Overrides first and marked; the toggle keeps only them, in the URL.
  const overrides = api.configs.filter((c) => c.source === 'topic').map((c) => c.name);
  expect(overrides).toEqual(expect.arrayContaining(['min.insync.replicas', 'retention.ms']));
  await expect(detail.configRow('min.insync.replicas').getByRole('cell').nth(1)).toHaveText('2');
  await expect(detail.configRow('min.insync.replicas')).toContainText('topic override');
  expect((await detail.configNames()).slice(0, overrides.length)).toEqual(overrides);
  await detail.onlyOverrides.check();
  await expect(page).toHaveURL(/[?&]configs=set/);
  await expect.poll(() => detail.configNames()).toEqual(overrides);
});

test('an unknown topic is not found within the cluster view; a percent-encoded name opens its topic', async ({ page, kafka }) => {
  const response = await page.goto('/clusters/local/topics/no-such-topic.e2e_x');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Topic not found')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Cluster views' })).toBeVisible();
  await page.getByRole('link', { name: 'All topics' }).click();
  await expect(page).toHaveURL(/\/clusters\/local\/topics$/);

  const topic = await kafka.createTopic({ replicaAssignment: [[2, 3]] });
  const detail = new TopicPage(page);
  await detail.open('local', topic.replaceAll('-', '%2D'));
  await expect(detail.heading(topic)).toBeVisible();
  await expect(detail.partitionCell(0, 'leader')).toHaveText('2');
});

test('the partition table renders only the rows in view, keeps its header, and scrolls to the last partition', async ({ page, kafka }) => {
  const topic = await kafka.createTopic({ replicaAssignment: Array.from({ length: 120 }, (_, i) => [(i % 3) + 1]) });
  const detail = new TopicPage(page);
  await detail.open('local', topic);
  await expect(detail.partitionCell(0, 'leader')).toHaveText('1');
  await expect(detail.partitions).toHaveAttribute('aria-rowcount', '121');
  expect(await detail.partitions.locator('tbody tr[data-partition]').count()).toBeLessThan(60);

  await detail.scrollPartitionsToEnd();
  await expect(detail.partitionCell(119, 'leader')).toHaveText('3');
  await expect(detail.partitions.locator('tr[data-partition="0"]')).toHaveCount(0);
  await expect(detail.partitions.getByRole('columnheader', { name: 'Partition', exact: true })).toBeInViewport();
});
