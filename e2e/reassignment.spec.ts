import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { BrokerPage } from './pages/broker-page';
import { ElectionSchedulePanel } from './pages/election-schedule-panel';
import { ReassignWizard } from './pages/reassign-wizard';
import { ReassignmentPage } from './pages/reassignment-page';
import { TopicPage } from './pages/topic-page';

type TopicApi = { partitions: { partition: number; leader: number | null; replicas: number[] }[] };

const layout = async (request: APIRequestContext, topic: string) =>
  ((await (await request.get(`/api/v1/clusters/local/topics/${encodeURIComponent(topic)}?configs=false`)).json()) as TopicApi).partitions;

// Broker 3 holds a replica of partitions 0-3 (the preferred one of 0 and 3); 4 and 5 stay where they are.
const ASSIGNMENT = [
  [3, 1],
  [1, 3],
  [2, 3],
  [3, 2],
  [1, 2],
  [2, 1],
];
const ON_BROKER_3 = [0, 1, 2, 3];

test('drain broker 3 of one topic: plan, throttle, follow the job to completion, elect preferred leaders', async ({
  page,
  request,
  kafka,
}) => {
  test.setTimeout(180_000);
  const topic = await kafka.createTopic({ replicaAssignment: ASSIGNMENT });
  // A just-created topic may not be known to every broker yet: the send is retried until it is.
  await expect(() => kafka.produce(topic, ASSIGNMENT.length, 200)).toPass({ timeout: 30_000 });
  const wizard = new ReassignWizard(page);
  const job = new ReassignmentPage(page);

  await new BrokerPage(page).open('local', 3);
  await wizard.openWith('Drain this broker…');
  await expect(wizard.mode('Drain brokers')).toBeChecked();
  await expect(wizard.broker(3)).toBeChecked();
  // Only this topic: draining broker 3 of every topic would move the shared cluster's data.
  await wizard.onlyTopics([topic]);
  await wizard.plan();

  await expect(wizard.diffRows()).toHaveCount(ON_BROKER_3.length);
  for (const partition of ON_BROKER_3) {
    await expect(wizard.diffCell(topic, partition, 'before').locator('del')).toHaveText('3');
    await expect(wizard.diffCell(topic, partition, 'after')).not.toContainText('3');
    await expect(wizard.diffCell(topic, partition, 'after').locator('ins')).toHaveCount(1);
  }
  // The preferred leader is marked in both lists: partition 0 loses broker 3 as its preferred leader.
  await expect(wizard.diffCell(topic, 0, 'before').locator('strong')).toHaveText('3');
  await expect(wizard.diffCell(topic, 0, 'after').locator('strong')).not.toHaveText('3');
  await expect(wizard.total('Replicas moved')).toHaveText('4');
  await expect(wizard.total('Bytes to copy')).toHaveText(/^[\d.,]+ (B|KiB|MiB)$/);
  await expect(wizard.dialog.getByLabel('Plan JSON')).toHaveValue(new RegExp(`"topic":"${topic}"`));
  // Manual edit: the plan goes into the import field as the tool's JSON; checked again unchanged, it is the same plan.
  await wizard.dialog.getByRole('button', { name: 'Edit by hand' }).click();
  await expect(wizard.dialog.getByLabel('Reassignment JSON')).toHaveValue(new RegExp(`"topic": "${topic}"`));
  await wizard.dialog.getByRole('button', { name: 'Check the JSON' }).click();
  await expect(wizard.currentStep()).toContainText('Review the plan');
  await expect(wizard.diffRows()).toHaveCount(ON_BROKER_3.length);

  await wizard.toThrottle();
  await wizard.throttle('10', 'MiB/s');
  await wizard.start();

  await expect(page).toHaveURL(/\/clusters\/local\/reassignments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('status').filter({ hasText: `Reassignment of ${ON_BROKER_3.length} partitions started` })).toBeVisible();
  await expect(job.heading).toBeVisible();
  await expect(job.fact('Throttle')).toHaveText('10.0 MiB/s');
  await expect(job.bytes).toBeVisible();
  await expect(job.partitions.locator('tbody tr[data-partition]')).toHaveCount(ON_BROKER_3.length);
  // Polled while it runs, until it has completed.
  await expect(job.state('completed')).toBeVisible({ timeout: 120_000 });
  await expect(job.partitionsBar).toHaveAttribute('aria-valuetext', `${ON_BROKER_3.length} of ${ON_BROKER_3.length} done`);
  await expect(job.bytes).toHaveAttribute('aria-valuenow', '100');
  for (const partition of ON_BROKER_3) await expect(job.partitionRow(topic, partition)).toHaveAttribute('data-state', 'done');

  // Broker 3 holds none of the topic's replicas any more; the rest of the topic did not move.
  await expect.poll(async () => (await layout(request, topic)).filter((p) => p.replicas.includes(3)).map((p) => p.partition)).toEqual([]);
  const after = await layout(request, topic);
  expect(after.filter((p) => p.partition >= 4).map((p) => p.replicas)).toEqual(ASSIGNMENT.slice(4));

  const election = await job.electPreferredLeaders();
  await expect(election.getByRole('status')).toHaveText(/^\d+ leaders? moved to the preferred replica · \d+ already led by it$/);
  await expect
    .poll(async () =>
      (await layout(request, topic)).filter((p) => ON_BROKER_3.includes(p.partition) && p.leader !== p.replicas[0]).map((p) => p.partition),
    )
    .toEqual([]);
  await election.getByRole('button', { name: 'Done' }).click();

  // The job is listed, newest first, under the cluster's Reassignments view.
  const jobId = job.jobId();
  await page.getByRole('navigation', { name: 'Cluster views' }).getByRole('link', { name: 'Reassignments' }).click();
  const first = page.getByRole('table', { name: 'Reassignments' }).locator('tbody tr').first();
  await expect(first).toHaveAttribute('data-job-id', jobId);
  await expect(first).toContainText('completed');
});

test('an imported plan moved under a low throttle: changed in flight, then cancelled back to where it was', async ({
  page,
  request,
  kafka,
}) => {
  test.setTimeout(120_000);
  const topic = await kafka.createTopic({ replicaAssignment: [[1, 2]] });
  // ~5 MB: at 1 KiB/s Kafka lets about one fetch (1 MB) through per quota window, so the move takes long enough to cancel.
  await expect(() => kafka.produce(topic, 1, 250, 20_000)).toPass({ timeout: 30_000 });
  const wizard = new ReassignWizard(page);
  const job = new ReassignmentPage(page);

  await new TopicPage(page).open('local', topic);
  await wizard.openWith('Reassign…');
  await expect(wizard.mode('Rebalance topics')).toBeChecked();
  await expect(wizard.dialog.getByRole('list', { name: 'Chosen topics' })).toContainText(topic);
  // The tool's own refusals, said by row and partition.
  const json = await wizard.importJson({ version: 1, partitions: [{ topic, partition: 0, replicas: [3, 3] }] });
  await expect(json).toHaveAccessibleDescription(new RegExp(`partitions\\[0\\]\\.replicas \\(${topic}-0\\): Duplicate replicas in 3,3`));
  await wizard.importJson({ version: 1, partitions: [{ topic, partition: 0, replicas: [3, 2] }] });
  await expect(wizard.currentStep()).toContainText('Review the plan');
  await expect(wizard.diffCell(topic, 0, 'before').locator('del')).toHaveText('1');
  await expect(wizard.diffCell(topic, 0, 'after').locator('ins')).toHaveText('3');
  await expect(wizard.dialog.getByLabel('Rollback JSON')).toHaveValue(
    `{"version":1,"partitions":[{"topic":"${topic}","partition":0,"replicas":[1,2]}]}\n`,
  );

  await wizard.toThrottle();
  await wizard.throttle('1', 'KiB/s');
  await wizard.start();
  await expect(job.fact('Throttle')).toHaveText('1.0 KiB/s');
  await expect(job.state('running')).toBeVisible();
  await job.changeThrottle('2', 'KiB/s');
  await expect(job.fact('Throttle')).toHaveText('2.0 KiB/s');
  await job.cancel();
  await expect(job.state('cancelled')).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await layout(request, topic))[0]?.replicas).toEqual([1, 2]);
  await expect(page.getByRole('button', { name: 'Roll back…' })).toBeVisible();
});

test('an admin schedules the preferred leader election for the whole cluster, changes it and removes it', async ({ page }) => {
  const panel = new ElectionSchedulePanel(page);
  await panel.open('local');
  await expect(panel.region).toContainText('None: leaders are elected only when someone asks.');
  await panel.schedule('every day');
  await expect(panel.summary).toContainText('every day for the whole cluster · next');
  await panel.schedule('every 6 hours');
  await expect(panel.summary).toContainText('every 6 hours for the whole cluster');
  await page.reload();
  await expect(panel.summary).toContainText('every 6 hours');
  await panel.remove();
  await expect(panel.region).toContainText('None: leaders are elected only when someone asks.');
});
