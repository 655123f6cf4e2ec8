// Reassignment end to end against Kafka's tools: drain a broker for a topic under an acks=all producer with a
// throttle, check the layout, the data and the throttles; a preferred election; roll back; cancel mid-move; and
// the plans of kafka-reassign-partitions --generate and ours executed by the other side.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from '@/server/kafka/kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as electRoute } from '@/app/api/v1/clusters/[clusterId]/leader-election/route';
import { leaderElectionResponseSchema, type ReassignmentJson } from '@/lib/schemas/reassignments';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { startReassignWorker, stopReassignWorker } from '@/server/reassign/worker';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli, parseTopicsDescribe } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import {
  cancelJob,
  planMoves as plan,
  post,
  readJob,
  rollBackJob,
  startJob as execute,
  untilEnded,
  untilMoving,
} from './support/reassign-api';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const drained = `it-reassign-drain-${stamp}`;
const slow = `it-reassign-cancel-${stamp}`;
const generated = `it-reassign-generate-${stamp}`;
const params = { clusterId: 'local' };
const admin = { token: TEST_TOKENS.admin };

const layoutOf = (topic: string) =>
  parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', topic]));
const replicasOf = (topic: string) => layoutOf(topic).map((p) => p.replicas);
const topicConfig = (topic: string) =>
  kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, '--entity-type', 'topics', '--entity-name', topic, '--describe']);
const brokerConfig = (broker: number) =>
  kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, '--entity-type', 'brokers', '--entity-name', String(broker), '--describe']);

/**
 * A producer writing `m-<n>` to partition n mod P with acks=all until stopped; the numbers Kafka acknowledged. A
 * message counts as acknowledged only when its partition is in the send's result: while leaders move, kafkajs
 * 2.2.4 can resolve a send without the partitions whose leader changed under its retry (those are not written).
 */
function startProducer(topic: string, partitions: number) {
  const producer = new Kafka({ clientId: 'it-reassign', brokers: target.bootstrap, logLevel: logLevel.NOTHING }).producer({
    allowAutoTopicCreation: false,
  });
  const acked: number[] = [];
  let unacknowledged = 0;
  let running = true;
  const done = (async () => {
    await producer.connect();
    for (let n = 0; running; n += 24) {
      const batch = Array.from({ length: 24 }, (_, i) => n + i);
      try {
        const written = new Set(
          (await producer.send({ topic, acks: -1, messages: batch.map((m) => ({ partition: m % partitions, value: `m-${m}` })) })).map(
            (r) => r.partition,
          ),
        );
        for (const m of batch) if (written.has(m % partitions)) acked.push(m);
        unacknowledged += batch.filter((m) => !written.has(m % partitions)).length;
      } catch {
        unacknowledged += batch.length;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await producer.disconnect();
  })();
  return { acked, unacknowledged: () => unacknowledged, stop: async () => ((running = false), await done) };
}

describe(`partition reassignment on ${target.label}, against kafka-topics, kafka-configs and kafka-reassign-partitions`, () => {
  beforeAll(() => {
    for (const [topic, partitions] of [
      [drained, 12],
      [slow, 2],
      [generated, 4],
    ] as const) {
      kafkaCli('kafka-topics', [
        '--bootstrap-server',
        bootstrap,
        '--create',
        '--topic',
        topic,
        '--partitions',
        String(partitions),
        '--replication-factor',
        '2',
      ]);
    }
    for (const [topic, records] of [
      [drained, 30_000],
      [slow, 40_000],
    ] as const) {
      kafkaCli('kafka-producer-perf-test', [
        '--topic',
        topic,
        '--num-records',
        String(records),
        '--record-size',
        '200',
        '--throughput',
        '-1',
        '--producer-props',
        `bootstrap.servers=${bootstrap}`,
        'acks=all',
      ]);
    }
  }, 120_000);

  afterAll(async () => {
    await stopReassignWorker();
    for (const topic of [drained, slow, generated])
      kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  }, 60_000);

  let drainJob = '';
  let beforeDrain: number[][] = [];

  it('drains broker 3 for a topic under a throttle while an acks=all producer writes; loses nothing, leaves no throttle', async () => {
    beforeDrain = replicasOf(drained);
    const planned = await plan({ mode: 'drain', brokers: [3], topics: [drained] });
    const onBroker3 = beforeDrain.flat().filter((b) => b === 3).length;
    expect(planned.movedReplicas).toBe(onBroker3);
    expect(planned.rollback.partitions.map((p) => p.replicas)).toEqual(planned.diff.map((d) => d.before));
    const producer = startProducer(drained, 12);
    drainJob = await execute({ plan: planned.plan, throttleBytesPerSec: 2_000_000 });
    // The throttle is in place while the job runs.
    expect(topicConfig(drained)).toMatch(/follower\.replication\.throttled\.replicas=\d+:\d/);
    const { last, seen } = await untilEnded(drainJob);
    await producer.stop();
    expect(last).toMatchObject({ state: 'completed', bytesDone: last.bytesTotal, stalled: false });
    expect(BigInt(last.bytesTotal)).toBeGreaterThan(0n);
    expect(seen.some((v) => v.partitions.some((p) => p.state === 'moving'))).toBe(true);
    expect(last.partitions.every((p) => p.state === 'done')).toBe(true);

    const after = layoutOf(drained);
    expect(after.flatMap((p) => p.replicas)).not.toContain(3);
    expect(planned.plan.partitions.map((p) => after[p.partition]!.replicas)).toEqual(planned.plan.partitions.map((p) => p.replicas));
    expect(topicConfig(drained)).not.toMatch(/throttled/);
    for (const broker of [1, 2, 3]) expect(brokerConfig(broker)).not.toMatch(/throttled\.rate/);

    const consumed = kafkaCli(
      'kafka-console-consumer',
      ['--bootstrap-server', bootstrap, '--topic', drained, '--from-beginning', '--timeout-ms', '15000'],
      { timeoutMs: 120_000 },
    )
      .split('\n')
      .filter((line) => line.startsWith('m-'))
      .map((line) => Number(line.slice(2)));
    const got = new Set(consumed);
    expect(producer.acked.length).toBeGreaterThan(100);
    expect(producer.acked.filter((n) => !got.has(n))).toEqual([]);
    const checksum = (values: Iterable<number>) => [...new Set(values)].reduce((sum, n) => sum + n, 0);
    expect(checksum(consumed.filter((n) => producer.acked.includes(n)))).toBe(checksum(producer.acked));
  }, 240_000);

  it('elects the preferred leaders of the moved partitions', async () => {
    const { status, body } = await callRoute(electRoute, '/api/v1/clusters/local/leader-election', params, {
      ...admin,
      init: post({ topics: [drained] }),
    });
    expect(status).toBe(200);
    const result = leaderElectionResponseSchema.parse(body);
    expect(result.failed).toEqual([]);
    expect(result.elected.length + result.alreadyPreferred).toBe(12);
    expect(layoutOf(drained).every((p) => p.leader === p.replicas[0])).toBe(true);
  }, 60_000);

  it('rolls a completed job back: the original replicas, in their order', async () => {
    const { status, body } = await rollBackJob(drainJob);
    expect(status).toBe(202);
    const { last } = await untilEnded((body as { jobId: string }).jobId);
    expect(last).toMatchObject({ state: 'completed', rollbackOf: drainJob });
    expect(replicasOf(drained)).toEqual(beforeDrain);
  }, 180_000);

  it('cancels a move mid-way: the original replicas come back and the throttle goes', async () => {
    const before = replicasOf(slow);
    // Partition 0's preferred leader replaced by the broker it lacks (a full copy). Cancelled, Kafka itself would put
    // the original brokers back in another order ([a,b] → [c,b] → [b,a]); the job restores the order too.
    const [first, second] = before[0]!;
    const missing = [1, 2, 3].find((b) => !before[0]!.includes(b))!;
    const moving = { version: 1 as const, partitions: [{ topic: slow, partition: 0, replicas: [missing, second!] }] };
    expect(first).toBeDefined();
    // 1 KB/s: the copy cannot finish before the cancel.
    const jobId = await execute({ plan: moving, throttleBytesPerSec: 1_000 });
    await untilMoving(jobId);
    const cancel = await cancelJob(jobId);
    expect(cancel.status).toBe(202);
    const { last } = await untilEnded(jobId);
    expect(last.state).toBe('cancelled');
    expect(replicasOf(slow)).toEqual(before);
    expect(topicConfig(slow)).not.toMatch(/throttled/);
    for (const broker of [1, 2, 3]) expect(brokerConfig(broker)).not.toMatch(/throttled\.rate/);
  }, 180_000);

  it('resumes a running job after the worker stops and a new one starts (a console restart)', async () => {
    const before = replicasOf(slow);
    const missing = [1, 2, 3].find((b) => !before[1]!.includes(b))!;
    const jobId = await execute({
      plan: { version: 1, partitions: [{ topic: slow, partition: 1, replicas: [before[1]![0]!, missing] }] },
      throttleBytesPerSec: 500_000,
    });
    await untilMoving(jobId);
    await stopReassignWorker();
    const stopped = await readJob(jobId);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // Nobody drives it meanwhile: its record stays as the stopped worker left it.
    expect(await readJob(jobId)).toMatchObject({ state: 'running', updatedAt: stopped.updatedAt });
    startReassignWorker();
    const { last } = await untilEnded(jobId);
    expect(last.state).toBe('completed');
    expect(replicasOf(slow)[1]).toEqual([before[1]![0]!, missing]);
    expect(topicConfig(slow)).not.toMatch(/throttled/);
  }, 180_000);

  it("executes kafka-reassign-partitions --generate's plan, and the tool executes and verifies ours", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reassign-'));
    const topicsFile = path.join(dir, 'topics.json');
    writeFileSync(topicsFile, JSON.stringify({ version: 1, topics: [{ topic: generated }] }));
    const out = kafkaCli('kafka-reassign-partitions', [
      '--bootstrap-server',
      bootstrap,
      '--generate',
      '--topics-to-move-json-file',
      topicsFile,
      '--broker-list',
      '1,2',
    ]);
    const proposed = JSON.parse(out.split('Proposed partition reassignment configuration')[1]!.trim().split('\n')[0]!) as ReassignmentJson;
    const theirs = await execute({ plan: proposed });
    expect((await untilEnded(theirs)).last.state).toBe('completed');
    const theirsFile = path.join(dir, 'theirs.json');
    writeFileSync(theirsFile, JSON.stringify(proposed));
    expect(
      kafkaCli('kafka-reassign-partitions', ['--bootstrap-server', bootstrap, '--verify', '--reassignment-json-file', theirsFile]),
    ).toMatch(/is completed/);

    const ours = await plan({ mode: 'scale-out', brokers: [3], topics: [generated] });
    expect(ours.diff.length).toBeGreaterThan(0);
    const oursFile = path.join(dir, 'ours.json');
    writeFileSync(oursFile, JSON.stringify(ours.plan));
    kafkaCli('kafka-reassign-partitions', ['--bootstrap-server', bootstrap, '--execute', '--reassignment-json-file', oursFile]);
    let verify = '';
    for (let i = 0; i < 30; i += 1) {
      verify = kafkaCli('kafka-reassign-partitions', ['--bootstrap-server', bootstrap, '--verify', '--reassignment-json-file', oursFile]);
      if (!/still in progress/.test(verify)) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(verify).not.toMatch(/still in progress|failed/);
    const now = replicasOf(generated);
    expect(ours.plan.partitions.map((p) => now[p.partition])).toEqual(ours.plan.partitions.map((p) => p.replicas));
  }, 180_000);
});
