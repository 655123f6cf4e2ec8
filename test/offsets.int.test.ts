import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllConnections, requestCounts, withKafka } from '@/server/kafka/clients';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { readOffsets, type OffsetsLayout, type PartitionOffsets } from '@/server/kafka/offsets';
import { requestDelta } from '@/server/kafka/request-counter';
import { kafkaCli } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { deleteRecords, getOffsetsFromCli, produceRecords } from './support/records-cli';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const topic = `it-offsets-${stamp}`;
const wide = `it-offsets-wide-${stamp}`;
const RECORDS = 5_000;
const WIDE_PARTITIONS = 100;

const layoutOf = async (...names: string[]): Promise<OffsetsLayout> => {
  const metadata = await withKafka('local', readClusterMetadata);
  return names.map((name) => metadata.topics.find((t) => t.name === name)!);
};
const byPartition = (rows: PartitionOffsets[], field: 'highWatermark' | 'logStartOffset') =>
  Object.fromEntries(rows.map((r) => [r.partition, r[field]]));

/** Runs one wave and returns its rows, the requests it cost by API name and its duration. */
async function wave(layout: OffsetsLayout, options?: Parameters<typeof readOffsets>[2]) {
  const before = requestCounts('local');
  const started = performance.now();
  const rows = await withKafka('local', (c) => readOffsets(c, layout, options));
  return { rows, ms: performance.now() - started, requests: requestDelta(before, requestCounts('local')) };
}

const leadersOf = (layout: OffsetsLayout) => new Set(layout.flatMap((t) => t.partitions.map((p) => p.leader).filter((l) => l !== null)));

describe(`offsets wave (ListOffsets, READ_UNCOMMITTED) on ${target.label}`, () => {
  let deletedTo: Record<number, string> = {};

  beforeAll(() => {
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--create', '--topic', topic, '--replica-assignment', '1:2,2:3,3:1,1:3']);
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      wide,
      '--partitions',
      String(WIDE_PARTITIONS),
      '--replication-factor',
      '2',
    ]);
    produceRecords(topic, RECORDS);
    // Move the log start offset of the two fullest partitions to the middle of their logs.
    const latest = getOffsetsFromCli(topic, '-1');
    const fullest = Object.entries(latest)
      .sort((a, b) => Number(b[1]) - Number(a[1]))
      .slice(0, 2);
    deletedTo = Object.fromEntries(fullest.map(([partition, end]) => [Number(partition), String(Math.floor(Number(end) / 2))]));
    deleteRecords(topic, deletedTo);
  });
  afterAll(async () => {
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', wide]);
    await closeAllConnections();
  });

  it('reads the high watermark and log start offset of every partition exactly as kafka-get-offsets does', async () => {
    const { rows } = await wave(await layoutOf(topic));
    expect(rows.map((r) => [r.topic, r.partition, r.error])).toEqual([0, 1, 2, 3].map((p) => [topic, p, null]));
    expect(byPartition(rows, 'highWatermark')).toEqual(getOffsetsFromCli(topic, '-1'));
    expect(byPartition(rows, 'logStartOffset')).toEqual(getOffsetsFromCli(topic, '-2'));
    expect(rows.reduce((sum, r) => sum + BigInt(r.highWatermark!), 0n)).toBe(BigInt(RECORDS));
    for (const [partition, offset] of Object.entries(deletedTo)) {
      expect(BigInt(offset)).toBeGreaterThan(0n);
      expect(rows[Number(partition)]!.logStartOffset).toBe(offset);
    }
  });

  it('costs exactly two ListOffsets requests per leader broker for the whole cluster', async () => {
    const metadata = await withKafka('local', readClusterMetadata);
    const layout = metadata.topics;
    const { rows, ms, requests } = await wave(layout);
    const leaders = leadersOf(layout);
    expect(leaders.size).toBe(3);
    expect(requests.ListOffsets).toBe(leaders.size * 2);
    expect(rows.filter((r) => r.error !== null)).toEqual([]);
    expect(rows).toHaveLength(layout.reduce((n, t) => n + t.partitions.length, 0));
    console.info(
      `[${target.label}] offsets wave, whole cluster: ${rows.length} partitions, ${leaders.size} leaders, ${ms.toFixed(0)} ms, requests ${JSON.stringify(requests)}`,
    );
  });

  it(`reads a ${WIDE_PARTITIONS}-partition topic in one wave; chunked requests give the same answer`, async () => {
    const layout = await layoutOf(wide, topic);
    const leaders = leadersOf(layout);
    const whole = await wave(layout);
    expect(whole.requests.ListOffsets).toBe(leaders.size * 2);
    expect(whole.rows.every((r) => r.error === null && r.highWatermark !== null && r.logStartOffset !== null)).toBe(true);
    console.info(
      `[${target.label}] offsets wave, ${whole.rows.length} partitions: ${whole.ms.toFixed(0)} ms, requests ${JSON.stringify(whole.requests)}`,
    );

    const perLeader = [...leaders].map((id) => layout.flatMap((t) => t.partitions).filter((p) => p.leader === id).length);
    const chunked = await wave(layout, { maxPartitionsPerRequest: 10 });
    expect(chunked.requests.ListOffsets).toBe(perLeader.reduce((n, count) => n + Math.ceil(count / 10) * 2, 0));
    expect(chunked.rows).toEqual(whole.rows);
  });

  it('keeps per-partition errors: a partition asked of a follower fails alone, its request neighbours answer', async () => {
    const [layout] = await layoutOf(topic);
    // Partition 0 is led by broker 1 and followed by 2; partition 1 is led by broker 2.
    const wrong: OffsetsLayout = [
      {
        name: topic,
        partitions: [
          { partition: 0, leader: 2 },
          { partition: 1, leader: 2 },
        ],
      },
    ];
    expect(layout!.partitions.slice(0, 2).map((p) => p.leader)).toEqual([1, 2]);
    const { rows, requests } = await wave(wrong);
    expect(requests.ListOffsets).toBe(2);
    expect(rows[0]).toMatchObject({ partition: 0, logStartOffset: null, highWatermark: null });
    expect(rows[0]!.error).toMatch(/^NOT_LEADER/);
    expect(rows[1]).toMatchObject({ partition: 1, error: null, highWatermark: getOffsetsFromCli(topic, '-1')[1] });
  });

  it('gives partial results: unknown leader ids and leaderless partitions get errors, the others their offsets', async () => {
    const [layout] = await layoutOf(topic);
    const partial: OffsetsLayout = [
      { name: topic, partitions: [layout!.partitions[0]!, { partition: 1, leader: 99 }, { partition: 2, leader: null }] },
    ];
    const { rows, requests } = await wave(partial);
    expect(requests.ListOffsets).toBe(2); // only the real leader was asked
    expect(rows[0]).toMatchObject({ partition: 0, error: null });
    expect(rows[0]!.highWatermark).not.toBeNull();
    expect(rows[1]).toEqual({
      topic,
      partition: 1,
      logStartOffset: null,
      highWatermark: null,
      error: 'broker 99 is not in the cluster metadata',
    });
    expect(rows[2]).toMatchObject({ partition: 2, logStartOffset: null, highWatermark: null });
    expect(rows[2]!.error).toMatch(/^LEADER_NOT_AVAILABLE/);
  });
});
