import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readOffsets, type OffsetsLayout } from '@/server/kafka/offsets';
import { listOffsets, type ListOffsetsInput, type ListOffsetsResponse } from '@/server/protocol/list-offsets';
import { fakeConnection } from '@/test/support/kafka-fakes';

vi.mock('@/server/protocol/list-offsets', async (original) => ({
  ...(await original<typeof import('@/server/protocol/list-offsets')>()),
  listOffsets: vi.fn(),
}));
const send = vi.mocked(listOffsets);

/** A broker that answers offset = 1000·partition + 100 (latest) or 1000·partition (earliest). */
function answer(broker: KafkajsBroker, input: ListOffsetsInput, errors: Record<string, number> = {}): ListOffsetsResponse {
  expect(input.isolationLevel).toBe(0);
  return {
    topics: input.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partition: p.partition,
        errorCode: errors[`${broker.nodeId}:${t.name}:${p.partition}`] ?? 0,
        offset: String(1000 * p.partition + (p.timestamp === -1n ? 100 : 0)),
      })),
    })),
  };
}

const layout: OffsetsLayout = [
  {
    name: 'a',
    partitions: [
      { partition: 0, leader: 1 },
      { partition: 1, leader: 2 },
      { partition: 2, leader: 1 },
    ],
  },
  {
    name: 'b',
    partitions: [
      { partition: 0, leader: 3 },
      { partition: 1, leader: null },
    ],
  },
];

describe('readOffsets', () => {
  beforeEach(() => {
    send.mockReset();
    send.mockImplementation(async (broker, input) => answer(broker, input));
  });

  it('sends one latest and one earliest request per leader and keeps the layout order', async () => {
    const { connection } = fakeConnection({ pooled: [1, 2, 3] });
    const rows = await readOffsets(connection, layout);
    expect(send).toHaveBeenCalledTimes(6);
    const perLeader = send.mock.calls.map(([broker, input]) => [
      broker.nodeId,
      input.topics.flatMap((t) => t.partitions.map((p) => `${t.name}-${p.partition}@${p.timestamp}`)),
    ]);
    expect(perLeader).toContainEqual([1, ['a-0@-1', 'a-2@-1']]);
    expect(perLeader).toContainEqual([1, ['a-0@-2', 'a-2@-2']]);
    expect(rows).toEqual([
      { topic: 'a', partition: 0, logStartOffset: '0', highWatermark: '100', error: null },
      { topic: 'a', partition: 1, logStartOffset: '1000', highWatermark: '1100', error: null },
      { topic: 'a', partition: 2, logStartOffset: '2000', highWatermark: '2100', error: null },
      { topic: 'b', partition: 0, logStartOffset: '0', highWatermark: '100', error: null },
      {
        topic: 'b',
        partition: 1,
        logStartOffset: null,
        highWatermark: null,
        error: 'LEADER_NOT_AVAILABLE: the partition has no leader (offline)',
      },
    ]);
  });

  it('chunks large leaders into concurrent requests of at most maxPartitionsPerRequest', async () => {
    const { connection } = fakeConnection({ pooled: [1] });
    const many: OffsetsLayout = [{ name: 'c', partitions: Array.from({ length: 5 }, (_, partition) => ({ partition, leader: 1 })) }];
    const rows = await readOffsets(connection, many, { maxPartitionsPerRequest: 2 });
    expect(send).toHaveBeenCalledTimes(6); // 3 chunks x (latest + earliest)
    expect(send.mock.calls.map(([, input]) => input.topics[0]!.partitions.length).sort()).toEqual([1, 1, 2, 2, 2, 2]);
    expect(rows.map((r) => r.highWatermark)).toEqual(['100', '1100', '2100', '3100', '4100']);
  });

  it('fails only the partition with an error code, not its request neighbours', async () => {
    send.mockImplementation(async (broker, input) => answer(broker, input, { '1:a:2': 6 }));
    const { connection } = fakeConnection({ pooled: [1, 2, 3] });
    const rows = await readOffsets(connection, layout);
    expect(rows[0]!.error).toBeNull();
    expect(rows[2]).toMatchObject({ logStartOffset: null, highWatermark: null });
    expect(rows[2]!.error).toMatch(/^NOT_LEADER_FOR_PARTITION: /);
  });

  it('nulls both offsets when one of the two requests fails, and says which broker', async () => {
    send.mockImplementation(async (broker, input) => {
      if (broker.nodeId === 2 && input.topics[0]!.partitions[0]!.timestamp === -2n) {
        throw Object.assign(new Error('Connection error: 127.0.0.1:9093'), { name: 'KafkaJSConnectionError' });
      }
      return answer(broker, input);
    });
    const { connection } = fakeConnection({ pooled: [1, 2, 3] });
    const rows = await readOffsets(connection, layout);
    expect(rows[1]).toEqual({
      topic: 'a',
      partition: 1,
      logStartOffset: null,
      highWatermark: null,
      error: 'broker 2 is unreachable or did not answer in time',
    });
    expect(rows.filter((r) => r.error === null)).toHaveLength(3);
  });

  it('reports partitions a broker left out of its answer', async () => {
    send.mockImplementation(async (broker, input) => ({
      topics: answer(broker, input).topics.map((t) => ({ ...t, partitions: t.partitions.filter((p) => p.partition !== 0) })),
    }));
    const { connection } = fakeConnection({ pooled: [1, 2, 3] });
    const rows = await readOffsets(connection, layout);
    expect(rows[0]!.error).toMatch(/^broker 1 did not answer for this partition/);
    expect(rows[2]!.error).toBeNull();
  });

  it('answers within the timeout without a slow broker, and its late answer changes nothing', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    send.mockImplementation(async (broker, input) => {
      if (broker.nodeId === 3) await gate;
      return answer(broker, input);
    });
    const { connection } = fakeConnection({ pooled: [1, 2, 3] });
    const rows = await readOffsets(connection, layout, { timeoutMs: 50 });
    expect(rows[3]).toEqual({
      topic: 'b',
      partition: 0,
      logStartOffset: null,
      highWatermark: null,
      error: 'broker 3 did not answer within 0.05 s',
    });
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rows[3]!.highWatermark).toBeNull();
    expect(rows[0]!.highWatermark).toBe('100');
  });
});
