// The lag sampler on a real cluster: a steady producer, a group that stopped and a group that keeps up, sampled
// every second. Status per Burrow's rules once the window has filled; time lag checked against the timestamp of the
// record at the committed offset, read with kafka-console-consumer.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getGroup } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/[groupId]/route';
import { GET as getGroups } from '@/app/api/v1/clusters/[clusterId]/consumer-groups/route';
import { GET as getTopicGroups } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/consumer-groups/route';
import {
  consumerGroupDetailResponseSchema,
  consumerGroupListResponseSchema,
  topicGroupsResponseSchema,
  type ConsumerGroupDetailResponse,
} from '@/lib/schemas/consumer-groups';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { startLagSampler, stopLagSampler } from '@/server/sampling/sampler';
import { kafkaCli } from './support/cli';
import { groupOffsetsFromCli, startConsumer, waitFor } from './support/groups-cli';
import { kafkaTarget } from './support/kafka-target';
import { getOffsetsFromCli } from './support/records-cli';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const BIN = path.resolve(import.meta.dirname, '../scripts/kafka/bin');
const stamp = Date.now();
const topic = `it-sampler-${stamp}`;
const stopped = `it-sampler-stopped-${stamp}`;
const live = `it-sampler-live-${stamp}`;
const WINDOW = 6;
const INTERVAL_MS = 1_000;
let producer: ChildProcess | undefined;
const consumers: { stop(): Promise<void> }[] = [];
/** The stopped group's detail just after it committed, before its samples could fill the window. */
let collecting: ConsumerGroupDetailResponse;

const detail = async (groupId: string): Promise<ConsumerGroupDetailResponse> => {
  const { status, body } = await callRoute(getGroup, `/api/v1/clusters/local/consumer-groups/${groupId}`, { clusterId: 'local', groupId });
  expect(status).toBe(200);
  return consumerGroupDetailResponseSchema.parse(body);
};

/** The timestamp of the record at `offset` (the first one the group has not consumed), as Kafka's consumer prints it. */
function recordTimestamp(partition: number, offset: string): number {
  const out = kafkaCli('kafka-console-consumer', [
    '--bootstrap-server',
    bootstrap,
    '--topic',
    topic,
    '--partition',
    String(partition),
    '--offset',
    offset,
    '--max-messages',
    '1',
    '--property',
    'print.timestamp=true',
    '--timeout-ms',
    '30000',
  ]);
  return Number(out.match(/CreateTime:(\d+)/)![1]);
}

/** Polls the group's detail (one request a sample) until its window has filled. */
async function afterWindow(groupId: string) {
  for (let attempt = 0; attempt < 90; attempt += 1) {
    const body = await detail(groupId);
    if ((body.sampling?.samples ?? 0) >= WINDOW) return body;
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
  throw new Error(`${groupId}: the sampler's window did not fill`);
}

describe(`lag sampler on ${target.label}: status, time lag and ETA from samples every ${INTERVAL_MS} ms`, () => {
  beforeAll(async () => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--partitions',
      '2',
      '--replication-factor',
      '2',
    ]);
    // About 20 records a second for as long as the tests run (stopped in afterAll). A tiny batch.size makes the
    // sticky partitioner switch partitions every record or two, so each partition grows steadily (by default it
    // fills 16 KiB on one partition first: bursts of 8 s at this rate).
    producer = spawn(
      path.join(BIN, 'kafka-producer-perf-test'),
      [
        '--topic',
        topic,
        '--num-records',
        '1000000',
        '--record-size',
        '100',
        '--throughput',
        '20',
        '--producer-props',
        `bootstrap.servers=${bootstrap}`,
        'acks=1',
        'linger.ms=0',
        'batch.size=200',
      ],
      { stdio: 'ignore', env: { ...process.env, KAFKA_VERSION: target.version } },
    );
    // Sampling from the start, so the time-lag tables cover the records the groups stop at. (The CLI calls below run
    // synchronously and hold the event loop: passes happen between them.)
    await startLagSampler('local', { intervalMs: INTERVAL_MS, window: WINDOW, allowedLag: 0 });
    // Past the producer's start-up, so the records the stopped group stops at were written at the steady rate.
    await waitFor(
      'the producer to have written 150 records',
      () => {
        const ends = Object.values(getOffsetsFromCli(topic, '-1')).map(Number);
        return ends.reduce((a, b) => a + b, 0) >= 150 ? true : undefined;
      },
      { attempts: 60 },
    );
    // Reads 120 records and leaves: Empty, with commits, while the producer goes on.
    kafkaCli('kafka-console-consumer', [
      '--bootstrap-server',
      bootstrap,
      '--topic',
      topic,
      '--group',
      stopped,
      '--from-beginning',
      '--max-messages',
      '120',
      '--timeout-ms',
      '30000',
    ]);
    collecting = await detail(stopped);
    consumers.push(startConsumer(topic, live, { 'client.id': `live-${stamp}`, 'auto.commit.interval.ms': '1000' }));
    await waitFor(
      'the live group to have joined and committed on both partitions',
      () => {
        const rows = groupOffsetsFromCli([live]);
        return rows.length === 2 && rows.every((r) => r.consumerId !== null && r.currentOffset !== null) ? true : undefined;
      },
      { attempts: 60 },
    );
  }, 240_000);

  afterAll(async () => {
    await stopLagSampler('local');
    producer?.kill('SIGTERM');
    await Promise.all(consumers.map((c) => c.stop()));
    kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', stopped, '--group', live]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  }, 120_000);

  it('says "collecting" (no status) until the window has filled', () => {
    expect(collecting.sampling).toMatchObject({ window: WINDOW, intervalMs: INTERVAL_MS });
    expect(collecting.sampling!.samples).toBeLessThan(WINDOW);
    expect(collecting.status).toBeNull();
    expect(collecting.offsets.every((r) => r.status === null)).toBe(true);
  });

  it('after the window: the stopped group is STOP, the live group OK', async () => {
    const stoppedBody = await afterWindow(stopped);
    // Nobody owns the stopped group's partitions, so no commit can have happened since it left: STOP, not STALL.
    expect(stoppedBody.status).toBe('STOP');
    // One row per partition it committed (the 120 records may all have come from one partition).
    expect(stoppedBody.offsets.length).toBeGreaterThan(0);
    expect(stoppedBody.offsets.every((r) => r.status === 'STOP')).toBe(true);
    for (const row of stoppedBody.offsets) {
      expect([row.consumeRate, row.etaMs], `partition ${row.partition}`).toEqual([0, null]);
      expect(row.produceRate, `partition ${row.partition}`).toBeGreaterThan(0);
    }
    const liveBody = await afterWindow(live);
    expect(liveBody.status).toBe('OK');
    for (const row of liveBody.offsets) {
      expect(row.status, `${row.topic}:${row.partition}`).toBe('OK');
      expect(row.timeLagMs, `${row.topic}:${row.partition}`).toBeLessThanOrEqual(5_000);
      expect(row.consumeRate, `${row.topic}:${row.partition}`).toBeGreaterThan(0);
    }
  }, 180_000);

  it('gives the stopped group the time lag of the record at its committed offset, growing with wall time', async () => {
    const first = await detail(stopped);
    const produced = first.offsets.map((row) => recordTimestamp(row.partition, row.currentOffset!));
    // Interpolated between the samples around the time each record was written.
    const close = (body: ConsumerGroupDetailResponse) => {
      for (const [i, row] of body.offsets.entries()) {
        const oracle = body.asOf - produced[i]!;
        expect(
          Math.abs(row.timeLagMs! - oracle),
          `partition ${row.partition}: ours ${row.timeLagMs} ms, record ${oracle} ms`,
        ).toBeLessThanOrEqual(2_500 + 0.1 * oracle);
      }
    };
    close(first);
    expect(first.maxTimeLagMs).toBe(Math.max(...first.offsets.map((r) => r.timeLagMs!)));
    await waitFor('4 s to pass', () => (Date.now() - first.asOf >= 4_000 ? true : undefined), { attempts: 20, pauseMs: 500 });
    const later = await detail(stopped);
    close(later);
    const elapsed = later.asOf - first.asOf;
    for (const [i, row] of later.offsets.entries()) {
      expect(row.currentOffset).toBe(first.offsets[i]!.currentOffset);
      expect(Math.abs(row.timeLagMs! - first.offsets[i]!.timeLagMs! - elapsed), `partition ${row.partition}`).toBeLessThanOrEqual(2_500);
    }
  }, 120_000);

  it('lists time lag and status, sortable by time lag', async () => {
    const { status, body } = await callRoute(getGroups, `/api/v1/clusters/local/consumer-groups?q=it-sampler-&sort=-maxTimeLagMs`, {
      clusterId: 'local',
    });
    expect(status).toBe(200);
    const list = consumerGroupListResponseSchema.parse(body);
    expect(list.sampling).toMatchObject({ window: WINDOW, intervalMs: INTERVAL_MS, lastSampleAt: expect.any(Number) });
    const ours = list.groups.filter((g) => g.groupId.endsWith(`-${stamp}`));
    expect(ours.map((g) => [g.groupId, g.status, g.sampling?.samples])).toEqual([
      [stopped, 'STOP', WINDOW],
      [live, 'OK', WINDOW],
    ]);
    expect(ours[0]!.maxTimeLagMs!).toBeGreaterThan(ours[1]!.maxTimeLagMs!);
  });

  it("gives the topic page each group's time lag and status on the topic, as the group's rows of that topic say", async () => {
    const { status, body } = await callRoute(getTopicGroups, `/api/v1/clusters/local/topics/${topic}/consumer-groups`, {
      clusterId: 'local',
      topic,
    });
    expect(status).toBe(200);
    const ours = topicGroupsResponseSchema.parse(body).groups;
    expect(ours.map((g) => [g.groupId, g.status, g.sampling?.samples])).toEqual([
      [stopped, 'STOP', WINDOW],
      [live, 'OK', WINDOW],
    ]);
    // The sampler's tables move between the two reads: both maxima are of the same rows, a sample or so apart.
    const stoppedDetail = await detail(stopped);
    const detailMax = Math.max(...stoppedDetail.offsets.filter((r) => r.topic === topic).map((r) => r.timeLagMs!));
    expect(Math.abs(ours[0]!.maxTimeLagMs! - detailMax)).toBeLessThanOrEqual(2 * INTERVAL_MS + 500);
  });
});
