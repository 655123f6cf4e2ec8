// Throughput and backlog history on a real cluster: kafka-producer-perf-test writes at a fixed 500 records/s for
// 30 s while the sampler records a pass every 3 s through the same recorder the console runs, reading the log
// dirs only every 6 s (metrics.logDirsEveryMs); the stored series are read back through the metrics API and
// checked against the producer's rate, kafka-consumer-groups --describe and kafka-log-dirs. Then the database is
// closed and opened again (a console restart): the history is still there.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBrokerMetrics } from '@/app/api/v1/clusters/[clusterId]/metrics/brokers/[brokerId]/route';
import { GET as getClusterMetrics } from '@/app/api/v1/clusters/[clusterId]/metrics/cluster/route';
import { GET as getGroupMetrics } from '@/app/api/v1/clusters/[clusterId]/metrics/consumer-groups/[groupId]/route';
import { GET as getTop } from '@/app/api/v1/clusters/[clusterId]/metrics/top/route';
import { GET as getTopicMetrics } from '@/app/api/v1/clusters/[clusterId]/metrics/topics/[topic]/route';
import { metricsRangeResponseSchema, metricsTopResponseSchema, type MetricSeries, type MetricsRangeResponse } from '@/lib/schemas/metrics';
import { closeDb } from '@/server/db/client';
import { closeAllConnections, requestCounts } from '@/server/kafka/clients';
import { requestDelta } from '@/server/kafka/request-counter';
import { startLagSampler, stopLagSampler } from '@/server/sampling/sampler';
import { getMetricsRecorder, stopMetricsRecorder } from '@/server/metrics/recorders';
import { kafkaCli } from './support/cli';
import { groupOffsetsFromCli, waitFor } from './support/groups-cli';
import { kafkaTarget } from './support/kafka-target';
import { settledLogDirsFromCli } from './support/records-cli';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const BIN = path.resolve(import.meta.dirname, '../scripts/kafka/bin');
const stamp = Date.now();
const topic = `it-metrics-${stamp}`;
const stoppedGroup = `it-metrics-stopped-${stamp}`;
const INTERVAL_MS = 3_000;
const LOG_DIRS_EVERY_MS = 6_000;
const RATE = 500;
const RECORDS = 15_000; // 30 s at RATE
const started = Date.now();
let producedFrom = 0;
let producedUntil = 0;
let requestsWhileProducing: Record<string, number> = {};
let passesWhileProducing = 0;

type Handler = Parameters<typeof callRoute>[0];
async function series(handler: Handler, scopePath: string, params: Record<string, string>): Promise<MetricsRangeResponse> {
  const query = `from=${started - 60_000}&to=${Date.now() + 1}&points=2000`;
  const { status, body } = await callRoute(handler, `/api/v1/clusters/local/metrics/${scopePath}?${query}`, {
    clusterId: 'local',
    ...params,
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return metricsRangeResponseSchema.parse(body);
}
const topicSeries = () => series(getTopicMetrics as Handler, `topics/${topic}`, { topic });
const groupSeries = () => series(getGroupMetrics as Handler, `consumer-groups/${stoppedGroup}`, { groupId: stoppedGroup });
const named = (response: MetricsRangeResponse, name: string, labels?: Record<string, string>): MetricSeries => {
  const found = response.series.find((s) => s.name === name && JSON.stringify(s.labels) === JSON.stringify(labels));
  if (!found) throw new Error(`no series ${name} ${JSON.stringify(labels)} in ${response.series.map((s) => s.name).join(', ')}`);
  return found;
};
const values = (s: MetricSeries) => s.points.filter((p): p is [number, number] => p[1] !== null);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Resolves once the recorder has written `count` more passes. */
async function passes(count: number) {
  const first = getMetricsRecorder('local')?.lastPass?.time ?? 0;
  let seen = 0;
  let last = first;
  await waitFor(
    `${count} recorded passes`,
    () => {
      const time = getMetricsRecorder('local')?.lastPass?.time ?? 0;
      if (time > last) {
        seen += 1;
        last = time;
      }
      return seen >= count ? true : undefined;
    },
    { attempts: count * 20, pauseMs: 500 },
  );
}

describe(`metrics history on ${target.label}: a pass every ${INTERVAL_MS} ms while ${RATE} records/s are produced`, () => {
  beforeAll(async () => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--partitions',
      '3',
      '--replication-factor',
      '2',
    ]);
    // A group with commits at the (empty) topic's start and no member: its lag is everything produced from now on.
    kafkaCli('kafka-consumer-groups', [
      '--bootstrap-server',
      bootstrap,
      '--group',
      stoppedGroup,
      '--topic',
      topic,
      '--reset-offsets',
      '--to-earliest',
      '--execute',
    ]);
    await startLagSampler('local', {
      intervalMs: INTERVAL_MS,
      window: 4,
      allowedLag: 0,
      logDirsEveryMs: LOG_DIRS_EVERY_MS,
      record: true,
    });
    await passes(2);
    producedFrom = Date.now();
    const requestsBefore = requestCounts('local');
    const passBefore = getMetricsRecorder('local')?.lastPass?.time ?? 0;
    // Asynchronously: the samplers' passes run on this process's event loop meanwhile.
    const producer = spawn(
      path.join(BIN, 'kafka-producer-perf-test'),
      [
        '--topic',
        topic,
        '--num-records',
        String(RECORDS),
        '--record-size',
        '100',
        '--throughput',
        String(RATE),
        '--producer-props',
        `bootstrap.servers=${bootstrap}`,
        'acks=all',
      ],
      { stdio: 'ignore', env: { ...process.env, KAFKA_VERSION: target.version } },
    );
    const code = await new Promise<number | null>((resolve) => producer.once('exit', resolve));
    expect(code, 'kafka-producer-perf-test exit code').toBe(0);
    producedUntil = Date.now();
    requestsWhileProducing = requestDelta(requestsBefore, requestCounts('local'));
    passesWhileProducing = named(await topicSeries(), 'messagesInPerSec').points.filter(([t]) => t > passBefore).length;
    await passes(2);
  }, 240_000);

  afterAll(async () => {
    await stopLagSampler('local');
    await stopMetricsRecorder('local');
    kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', stoppedGroup]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
    await closeDb();
  }, 120_000);

  it('ranks the topic and the stopped group on the dashboard (first: while the last minute still saw the producer)', async () => {
    const { status, body } = await callRoute(getTop as Handler, '/api/v1/clusters/local/metrics/top', { clusterId: 'local' });
    expect(status).toBe(200);
    const top = metricsTopResponseSchema.parse(body);
    // Averaged over the last minute, which saw the lag grow to RECORDS.
    const lag = top.groupsByLag.find((g) => g.groupId === stoppedGroup)?.lag;
    expect(lag).toBeGreaterThan(0);
    expect(lag).toBeLessThanOrEqual(RECORDS);
    const ours = top.topicsByThroughput.find((t) => t.topic === topic);
    expect(ours?.messagesInPerSec).toBeGreaterThan(0);
    expect(ours?.bytesInPerSec).toBeGreaterThan(0);
    expect(top.groupsByTimeLag.map((g) => g.groupId)).toContain(stoppedGroup);
    expect(top.asOf).toBeGreaterThan(producedUntil);
  });

  it(`reads the topic's messagesInPerSec as ${RATE} ± 10 % once two passes have seen the producer`, async () => {
    const rates = values(named(await topicSeries(), 'messagesInPerSec'));
    // Before the producer: zero. While it runs: every pass after the first one that saw it (which covers its start),
    // up to the one before the last that saw it (which covers its end).
    expect(rates.filter(([t]) => t < producedFrom).every(([, v]) => v === 0)).toBe(true);
    const busy = rates.filter(([, v]) => v > 0);
    const steady = busy.slice(1, -1).map(([, v]) => v);
    expect(steady.length, JSON.stringify(busy)).toBeGreaterThanOrEqual(6);
    expect(Math.abs(median(steady) - RATE) / RATE, JSON.stringify(steady)).toBeLessThanOrEqual(0.1);
    const within = steady.filter((v) => Math.abs(v - RATE) / RATE <= 0.1);
    expect(within.length / steady.length, JSON.stringify(steady)).toBeGreaterThanOrEqual(0.8);
    // Messages in, summed over the passes (rate × interval), are every record produced.
    const total = rates.slice(1).reduce((sum, [t, v], i) => sum + (v * (t - rates[i]![0])) / 1000, 0);
    expect(Math.abs(total - RECORDS) / RECORDS).toBeLessThanOrEqual(0.02);
  });

  it("gives the stopped group's lag as the produced count, equal to kafka-consumer-groups --describe", async () => {
    const response = await groupSeries();
    const lag = values(named(response, 'lag'));
    expect(
      lag
        .filter(([t]) => t < producedFrom)
        .map(([, v]) => v)
        .every((v) => v === 0),
    ).toBe(true);
    const cliLag = groupOffsetsFromCli([stoppedGroup]).reduce((sum, row) => sum + Number(row.lag), 0);
    expect(cliLag).toBe(RECORDS);
    expect(lag.at(-1)![1]).toBe(cliLag);
    expect(values(named(response, 'lag', { topic })).at(-1)![1]).toBe(cliLag);
    // Rising while the producer ran, never falling: nobody consumes.
    expect(lag.every(([, v], i) => i === 0 || v >= lag[i - 1]![1])).toBe(true);
    expect(values(named(response, 'messagesConsumedPerSec')).every(([, v]) => v === 0)).toBe(true);
    // Time lag: the oldest unconsumed record is about as old as the production run's start.
    const timeLag = values(named(response, 'timeLagSeconds')).at(-1)!;
    expect(timeLag[1]).toBeGreaterThan((timeLag[0] - producedFrom) / 1000 - 15);
    expect(timeLag[1]).toBeLessThanOrEqual((timeLag[0] - producedFrom) / 1000 + 5);
  });

  it(`sends DescribeLogDirs once per ${LOG_DIRS_EVERY_MS} ms, not once per pass, and ListOffsets every pass`, () => {
    const seconds = (producedUntil - producedFrom) / 1000;
    expect(passesWhileProducing, JSON.stringify(requestsWhileProducing)).toBeGreaterThanOrEqual(seconds / (INTERVAL_MS / 1000) - 2);
    // 3 brokers: a round is 3 requests. At most one round per LOG_DIRS_EVERY_MS (plus the one at each end).
    expect(requestsWhileProducing.DescribeLogDirs ?? 0, JSON.stringify(requestsWhileProducing)).toBeLessThanOrEqual(
      3 * (Math.ceil(seconds / (LOG_DIRS_EVERY_MS / 1000)) + 1),
    );
    expect(requestsWhileProducing.DescribeLogDirs ?? 0).toBeLessThan(3 * passesWhileProducing);
    expect(requestsWhileProducing.ListOffsets ?? 0).toBeGreaterThanOrEqual(passesWhileProducing);
  });

  it("gives the topic's size as the leaders' replica sizes of kafka-log-dirs, and bytes in that add up to it", async () => {
    const rows = await settledLogDirsFromCli(topic);
    const leaders = new Map<number, string>();
    for (const row of rows) leaders.set(row.partition, row.size);
    const cliSize = [...leaders.values()].reduce((sum, size) => sum + Number(size), 0);
    // Long enough for a pass to read the log dirs again after the CLI saw them settled.
    await passes(1 + LOG_DIRS_EVERY_MS / INTERVAL_MS);
    const response = await topicSeries();
    expect(values(named(response, 'sizeBytes')).at(-1)![1]).toBe(cliSize);
    // Between two log-dir reads bytes in is estimated (messages × the bytes per message last measured); a pass
    // before the first measurement has none. So: the bytes summed over the passes that have a value equal the
    // topic's bytes per message × the messages of those passes — within 20 %, not exactly: a record's share of the
    // log changes while the producer's batching settles (on 3.9.2 from ~80 to ~160 B a record within one run) and
    // the estimate follows one size reading late: 12.0 % low in one full CI run on 3.9.2, 5.1 % in another, 0.4 % in
    // quieter runs, 0.004–0.2 % on 4.3.1. (A producer without batching, batch.size=0, keeps the share constant but
    // cannot hold the 500 records/s the rate checks above need.) A missing or doubled estimate is still far off.
    const messages = new Map(values(named(response, 'messagesInPerSec')));
    const bytes = named(response, 'bytesInPerSec').points;
    let written = 0;
    let messagesCovered = 0;
    bytes.forEach(([t, v], i) => {
      if (i === 0 || v === null) return;
      const seconds = (t - bytes[i - 1]![0]) / 1000;
      written += v * seconds;
      messagesCovered += (messages.get(t) ?? 0) * seconds;
    });
    expect(messagesCovered / RECORDS, 'share of the records whose bytes were estimated').toBeGreaterThanOrEqual(0.8);
    const expected = (cliSize / RECORDS) * messagesCovered;
    const perPass = bytes.map(([t, v]) => [t, messages.get(t) ?? null, v]);
    expect(
      Math.abs(written - expected) / expected,
      `${written} B for ${messagesCovered} messages, ${cliSize} B in all; [t, msg/s, B/s]: ${JSON.stringify(perPass)}`,
    ).toBeLessThanOrEqual(0.2);
  });

  it("splits the cluster's messages in among the brokers that lead the partitions", async () => {
    const cluster = await series(getClusterMetrics as Handler, 'cluster', {});
    const brokers = await Promise.all(
      [1, 2, 3].map((id) => series(getBrokerMetrics as Handler, `brokers/${id}`, { brokerId: String(id) })),
    );
    const clusterRates = new Map(values(named(cluster, 'messagesInPerSec')));
    const sums = new Map<number, number>();
    for (const broker of brokers) for (const [t, v] of values(named(broker, 'messagesInPerSec'))) sums.set(t, (sums.get(t) ?? 0) + v);
    const during = [...clusterRates].filter(([t]) => t > producedFrom && t < producedUntil);
    expect(during.length).toBeGreaterThan(5);
    for (const [t, v] of during) expect(sums.get(t), `pass at ${t}`).toBeCloseTo(v, 6);
    for (const broker of brokers) expect(values(named(broker, 'diskUsedBytes')).at(-1)![1]).toBeGreaterThan(0);
    for (const name of ['bytesInPerSec', 'messagesConsumedPerSec', 'totalLag', 'maxTimeLagSeconds'])
      expect(values(named(cluster, name)).length).toBeGreaterThan(2);
  });

  it('still has the history after the console database is closed and opened again (a restart)', async () => {
    await stopLagSampler('local');
    await stopMetricsRecorder('local');
    const before = await topicSeries();
    await closeDb();
    const after = await topicSeries();
    expect(after.series).toEqual(before.series);
    expect(values(named(after, 'messagesInPerSec')).length).toBeGreaterThan(10);
  });
});
