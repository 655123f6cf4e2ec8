import { ConfigResourceTypes } from '@/server/kafka/kafkajs';
import { expect, test } from './fixtures';
import { HealthPage } from './pages/health-page';
import { TopicPage } from './pages/topic-page';
import { TopicsPage } from './pages/topics-page';

// Brokers cannot be stopped here: the at-risk partition is made with configs alone.
test('an under-min-ISR partition appears on the health page with its reasons; the reason filter lives in the URL', async ({
  page,
  kafka,
}) => {
  const health = new HealthPage(page);
  await health.open('local');
  await expect(health.healthy.or(health.table)).toBeVisible();

  // Replication factor 1 with min.insync.replicas 2: the one replica is in sync, and still too few for acks=all.
  const topic = await kafka.createTopic({ replicaAssignment: [[1], [2]] });
  await kafka.admin.alterConfigs({
    validateOnly: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }],
  });
  // The page polls: no reload needed.
  await expect(health.row(topic, 0)).toBeVisible({ timeout: 30_000 });
  await expect(health.row(topic, 0).getByText('under-min-isr', { exact: true })).toBeVisible();
  await expect(health.row(topic, 1).getByText('under-min-isr', { exact: true })).toBeVisible();
  // Its one replica is in the ISR: a clean leader is still possible, from that replica.
  await expect(health.cleanLeader(topic, 0)).toHaveText('1');
  await expect(health.cleanLeader(topic, 1)).toHaveText('2');

  await health.filterBy('under-min-isr');
  await expect(page).toHaveURL(/[?&]reason=under-min-isr/);
  const reasons = await health.table.locator('tbody tr[data-topic]').allInnerTexts();
  expect(reasons.every((text) => text.includes('under-min-isr'))).toBe(true);
  await page.reload();
  await expect(health.reason).toHaveValue('under-min-isr');
  await expect(health.row(topic, 1)).toBeVisible();

  await health.filterBy('non-preferred-leader');
  await expect(health.row(topic, 0)).toHaveCount(0);
  await health.filterBy('');
  await expect(page).not.toHaveURL(/reason=/);

  await health.table.getByRole('link', { name: topic }).first().click();
  await expect(page).toHaveURL(new RegExp(`/clusters/local/topics/${topic}$`));
  await expect(new TopicPage(page).partitionCell(0, 'under min isr')).toHaveText('yes');

  const topics = new TopicsPage(page);
  await topics.open('local', `q=${topic}`);
  await expect(topics.cell(topic, 'under min isr')).toHaveText('2');
});
