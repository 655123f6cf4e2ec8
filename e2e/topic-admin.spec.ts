import type { APIRequestContext } from '@playwright/test';
import type { Admin } from '@/server/kafka/kafkajs';
import { USERS } from './console-config';
import { expect, test } from './fixtures';
import { BrokerPage } from './pages/broker-page';
import { LoginPage } from './pages/login-page';
import { TopicPage } from './pages/topic-page';
import { TopicsPage } from './pages/topics-page';

const topicApi = (name: string) => `/api/v1/clusters/local/topics/${encodeURIComponent(name)}`;
const unique = (prefix: string) => `e2e-${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

/** A topic created through the UI is not the fixture's: removed here if a step failed before the UI deleted it. */
async function dropIfLeft(admin: Admin, name: string) {
  if ((await admin.listTopics()).includes(name)) await admin.deleteTopics({ topics: [name] });
}

async function liveBrokers(request: APIRequestContext) {
  return ((await (await request.get('/api/v1/clusters/local/topic-defaults')).json()) as { liveBrokers: number }).liveBrokers;
}

test('an admin creates a topic with configs, edits one, adds partitions and deletes it', async ({ page, kafka }) => {
  const name = unique('create');
  const topics = new TopicsPage(page);
  const topic = new TopicPage(page);
  try {
    await topics.open('local');
    const create = await topics.startCreate();
    // Prefilled with the cluster's defaults.
    await expect(create.field('Replication factor')).not.toHaveValue('');
    await create.fill({
      name,
      partitions: '2',
      replicationFactor: '2',
      configs: { 'retention.ms': '3600000', 'cleanup.policy': 'compact' },
    });
    await create.submit();

    await expect(page).toHaveURL(new RegExp(`/clusters/local/topics/${name}$`));
    await expect(topic.heading(name)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `Topic ${name} created` })).toBeVisible();
    await expect(topic.summary).toContainText('2 partitions · replication factor 2');
    await expect(topic.configValue('retention.ms')).toHaveText('3600000');
    await expect(topic.configRow('retention.ms')).toContainText('topic override');
    await expect(topic.configValue('cleanup.policy')).toHaveText('compact');

    await topic.setConfig('retention.ms', '7200000');
    await expect(topic.configValue('retention.ms')).toHaveText('7200000');
    await expect(topic.configRow('retention.ms')).toContainText('topic override');
    await topic.resetConfig('cleanup.policy');
    await expect(topic.configRow('cleanup.policy')).not.toContainText('topic override');
    await expect(topic.configValue('cleanup.policy')).toHaveText('delete');

    await topic.addPartitions(name, 3);
    await expect(topic.summary).toContainText('3 partitions');
    await expect(topic.partitions.locator('tr[data-partition]')).toHaveCount(3);

    const remove = await topic.startDelete(name);
    await remove.confirm.fill(`${name}-typo`);
    await expect(remove.submit).toBeDisabled();
    await remove.confirm.fill(name);
    await remove.submit.click();
    await expect(page).toHaveURL(/\/clusters\/local\/topics$/);
    await expect(page.getByRole('status').filter({ hasText: `Topic ${name} deleted` })).toBeVisible();
    await topics.searchFor(name);
    await expect(topics.region.getByText('No topics match')).toBeVisible();
    expect((await page.request.get(topicApi(name))).status()).toBe(404);
  } finally {
    await dropIfLeft(kafka.admin, name);
  }
});

test('refused values show on their fields, keep what was typed and create nothing', async ({ page, kafka, request }) => {
  const name = unique('invalid');
  const topics = new TopicsPage(page);
  try {
    const live = await liveBrokers(request);
    await topics.open('local');
    const create = await topics.startCreate();
    // Checked in the form: nothing is sent.
    await create.fill({ name, replicationFactor: String(live + 1), configs: { 'retention.ms': 'a week' } });
    await expect(create.field('retention.ms')).toHaveAccessibleDescription(/A whole number/);
    await create.submit();
    await expect(create.field('Replication factor')).toHaveAccessibleDescription(new RegExp(`At most ${live}`));
    await expect(create.field('Replication factor')).toHaveAttribute('aria-invalid', 'true');

    // Fixed here; a value only Kafka knows to refuse comes back from the server onto its row.
    await create.field('Replication factor').fill('1');
    await create.setConfig('retention.ms', '');
    await create.addOtherConfig('message.timestamp.type', 'Bogus');
    await create.submit();
    await expect(create.field('Config 1 value')).toHaveAccessibleDescription(/Bogus/);
    await expect(create.field('Replication factor')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(create.dialog).toBeVisible();
    await expect(create.field('Name')).toHaveValue(name);
    await expect(create.field('Config 1 value')).toHaveValue('Bogus');
    expect((await request.get(topicApi(name))).status()).toBe(404);
  } finally {
    await dropIfLeft(kafka.admin, name);
  }
});

test('delete records: chosen partitions up to an offset, the log start moves there', async ({ page, kafka }) => {
  const name = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
      [3, 1],
    ],
  });
  await kafka.produce(name, 3, 10);
  const topic = new TopicPage(page);
  await topic.open('local', name);
  // The page shows a snapshot up to 2 s old, which the sampler may have read while the records were being written:
  // every partition is waited for, as the dialog checks its offsets against what the page shows.
  for (const partition of [0, 1, 2]) await expect(topic.partitionCell(partition, 'high watermark')).toHaveText('10');

  const dialog = await topic.deleteRecords(name, { 0: '10', 1: '4' });
  const result = dialog.getByRole('list', { name: 'Log start offsets' });
  await expect(result.getByRole('listitem')).toHaveText(['Partition 0: 10', 'Partition 1: 4']);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(topic.partitionCell(0, 'log start')).toHaveText('10');
  await expect(topic.partitionCell(1, 'log start')).toHaveText('4');
  await expect(topic.partitionCell(2, 'log start')).toHaveText('0');
});

test('a dynamic broker config: set on one broker, then on all brokers, each reset to default', async ({ page, request, baseURL }) => {
  const key = 'log.cleaner.backoff.ms';
  const broker = new BrokerPage(page);
  const undo = (target: string) =>
    request.patch(`/api/v1/clusters/local/brokers/${target}/configs`, { headers: { origin: baseURL! }, data: { delete: [key] } });
  try {
    await broker.open('local', 1);
    await broker.configFilter.fill(key);
    await broker.editConfig(key, '20000');
    await expect(broker.configValue(key)).toHaveText('20000');
    await expect(broker.configRow(key)).toContainText('dynamic (this broker)');
    await broker.editConfig(key, null);
    await expect(broker.configRow(key)).toContainText('Kafka default');

    await broker.editConfig(key, '25000', 'All brokers');
    await broker.open('local', 2);
    await broker.configFilter.fill(key);
    await expect(broker.configValue(key)).toHaveText('25000');
    await expect(broker.configRow(key)).toContainText('dynamic (cluster default)');
    await broker.editConfig(key, null, 'All brokers');
    await expect(broker.configRow(key)).toContainText('Kafka default');
  } finally {
    await undo('1');
    await undo('default');
  }
});

test.describe('as an operator', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('no topic administration is offered, and the API refuses it', async ({ page, kafka, baseURL }) => {
    const name = await kafka.createTopic({ replicaAssignment: [[1, 2]] });
    await new LoginPage(page).signInAndExpectConsole(USERS.operator.username, USERS.operator.password);
    const topic = new TopicPage(page);
    await topic.open('local', name);
    await expect(topic.configRow('retention.ms')).toBeVisible();
    await expect(page.getByRole('button', { name: /^(Add partitions|Delete records|Delete topic)…$/ })).toHaveCount(0);
    await expect(topic.configs.getByRole('button', { name: /^Edit / })).toHaveCount(0);
    const topics = new TopicsPage(page);
    await topics.open('local');
    await expect(topics.row(name)).toBeVisible();
    await expect(topics.createTopic).toHaveCount(0);
    const refused = await page.request.delete(topicApi(name), { headers: { origin: baseURL! }, data: { confirm: name } });
    expect(refused.status()).toBe(403);
  });
});
