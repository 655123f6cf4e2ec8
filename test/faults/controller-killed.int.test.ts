// The active controller killed (SIGKILL) while a change is under way: a topic creation, a config edit and a
// reassignment submit each end in success or a typed error within their deadline, the cluster afterwards shows
// exactly what the answer said (or, where the answer said the outcome is unknown, one of the two outcomes), and
// nothing happens twice.
import { Kafka, logLevel, type Admin } from '@/server/kafka/kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as getOverview } from '@/app/api/v1/clusters/[clusterId]/overview/route';
import { GET as getJob } from '@/app/api/v1/clusters/[clusterId]/reassignments/[jobId]/route';
import { GET as listJobs, POST as executeRoute } from '@/app/api/v1/clusters/[clusterId]/reassignments/route';
import { PATCH as patchConfigs } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/configs/route';
import { POST as createTopicRoute } from '@/app/api/v1/clusters/[clusterId]/topics/route';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { TOPIC_WRITE_DEADLINE_MS } from '@/server/topics/topic-guard';
import { TEST_TOKENS } from '../support/auth';
import { kafkaTarget } from '../support/kafka-target';
import { callRoute } from '../support/routes';
import { clusterUp, killBroker, msUntil, report, timed } from './support';

const target = kafkaTarget();
const local = { clusterId: 'local' };
const admin = TEST_TOKENS.admin;
const stamp = Date.now();
const send = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const created: string[] = [];

/** A kafkajs admin of its own for each use: one connected before a kill would still talk to the dead broker. */
async function withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ brokers: target.bootstrap, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

async function activeController(): Promise<number> {
  const { status, body } = await callRoute(getOverview, '/api/v1/clusters/local/overview', local, { token: admin });
  expect(status).toBe(200);
  const id = (body as { controllerId: number | null }).controllerId;
  expect(id).not.toBeNull();
  return id!;
}

/** Sends the change, kills the active controller 20 ms later (mid-request), and answers what the change answered. */
async function duringControllerKill(change: (controller: number) => ReturnType<typeof callRoute>) {
  await closeAllConnections();
  const controller = await activeController();
  const answer = timed(() => change(controller));
  await new Promise((resolve) => setTimeout(resolve, 20));
  await killBroker(controller);
  const { ms, value } = await answer;
  return { ms, ...value, controller };
}

/** The controller's broker back (the cluster whole again) before the outcome is checked. */
async function restart() {
  await clusterUp();
  await closeAllConnections();
}

describe(`the active controller killed mid-change on ${target.label}`, () => {
  afterAll(async () => {
    await clusterUp();
    await withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      await admin.deleteTopics({ topics: created.filter((t) => existing.has(t)) });
    });
    await closeAllConnections();
    await closeDb();
  });

  it('topic creation: 201 and the topic is there, or a 503 that says to look — never 409 or 500', async () => {
    const name = `fault-create-${stamp}`;
    created.push(name);
    const answer = await duringControllerKill(() =>
      callRoute(createTopicRoute, '/api/v1/clusters/local/topics', local, {
        token: admin,
        init: send('POST', { name, partitions: 3, replicationFactor: 2 }),
      }),
    );
    report(`controller ${answer.controller} killed during a topic creation: ${answer.status} in ${Math.round(answer.ms)} ms`);
    expect([201, 503], answer.text.slice(0, 300)).toContain(answer.status);
    expect(answer.ms).toBeLessThan(TOPIC_WRITE_DEADLINE_MS + 1_000);
    await restart();
    const topics = await withAdmin(async (admin) => (await admin.fetchTopicMetadata()).topics);
    const topic = topics.find((t) => t.name === name);
    if (answer.status === 201) {
      expect(topic?.partitions).toHaveLength(3);
    } else {
      expect((answer.body as { error: { code: string } }).error.code).toBe('KAFKA_UNAVAILABLE');
      report(`  after the restart the topic ${topic ? 'exists' : 'does not exist'}`);
    }
  });

  it('config edit: 200 and the value is set, or a typed error and the value is either the old or the new one', async () => {
    const topic = `fault-config-${stamp}`;
    created.push(topic);
    await withAdmin((admin) => admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 3 }], waitForLeaders: true }));
    const answer = await duringControllerKill(() =>
      callRoute(
        patchConfigs,
        `/api/v1/clusters/local/topics/${topic}/configs`,
        { ...local, topic },
        { token: admin, init: send('PATCH', { set: { 'retention.ms': '123456789' } }) },
      ),
    );
    report(`controller ${answer.controller} killed during a config edit: ${answer.status} in ${Math.round(answer.ms)} ms`);
    expect([200, 503], answer.text.slice(0, 300)).toContain(answer.status);
    expect(answer.ms).toBeLessThan(TOPIC_WRITE_DEADLINE_MS + 1_000);
    await restart();
    const { resources } = await withAdmin((admin) =>
      admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic, configNames: ['retention.ms'] }] }),
    );
    const value = resources[0]?.configEntries.find((e) => e.configName === 'retention.ms')?.configValue;
    if (answer.status === 200) expect(value).toBe('123456789');
    else expect(['123456789', '604800000']).toContain(value);
  });

  it('reassignment submit: 202 and the job completes once, or a typed error and at most one job', async () => {
    const topic = `fault-move-${stamp}`;
    created.push(topic);
    // Off the controller onto the two other brokers: the plan stays valid whoever is killed.
    const controller = await activeController();
    const [a, b] = [1, 2, 3].filter((id) => id !== controller) as [number, number];
    await withAdmin((admin) =>
      admin.createTopics({ topics: [{ topic, replicaAssignment: [{ partition: 0, replicas: [controller, a] }] }], waitForLeaders: true }),
    );
    const plan = { version: 1, partitions: [{ topic, partition: 0, replicas: [a, b] }] };
    const jobsBefore = await jobsFor(topic);
    const answer = await duringControllerKill(() =>
      callRoute(executeRoute, '/api/v1/clusters/local/reassignments', local, { token: admin, init: send('POST', { plan }) }),
    );
    report(`controller ${answer.controller} killed during a reassignment submit: ${answer.status} in ${Math.round(answer.ms)} ms`);
    expect([202, 409, 503], answer.text.slice(0, 300)).toContain(answer.status);
    await restart();
    const jobs = (await jobsFor(topic)).filter((id) => !jobsBefore.includes(id));
    expect(jobs.length).toBeLessThanOrEqual(1);
    if (answer.status === 202) {
      const { jobId } = answer.body as { jobId: string };
      expect(jobs).toEqual([jobId]);
      const endedMs = await msUntil('the job ends', 180_000, async () => {
        const { body } = await callRoute(getJob, `/api/v1/clusters/local/reassignments/${jobId}`, { ...local, jobId }, { token: admin });
        return (body as { state: string }).state !== 'running';
      });
      const { body } = await callRoute(getJob, `/api/v1/clusters/local/reassignments/${jobId}`, { ...local, jobId }, { token: admin });
      report(`  the job ended ${(body as { state: string }).state} ${(endedMs / 1000).toFixed(1)} s after the restart`);
      expect((body as { state: string }).state).toBe('completed');
      const [metadata] = await withAdmin(async (admin) => (await admin.fetchTopicMetadata({ topics: [topic] })).topics);
      expect(metadata?.partitions[0]?.replicas).toEqual([a, b]);
    }
  });
});

/** Ids of the jobs that move partitions of `topic`. */
async function jobsFor(topic: string): Promise<string[]> {
  const { body } = await callRoute(listJobs, '/api/v1/clusters/local/reassignments', local, { token: admin });
  const ids: string[] = [];
  for (const { jobId } of (body as { jobs: { jobId: string }[] }).jobs) {
    const { body: job } = await callRoute(getJob, `/api/v1/clusters/local/reassignments/${jobId}`, { ...local, jobId }, { token: admin });
    if ((job as { partitions: { topic: string }[] }).partitions.some((p) => p.topic === topic)) ids.push(jobId);
  }
  return ids;
}
