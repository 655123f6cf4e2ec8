import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { describeTopicPartitionsApi } from '@/server/protocol/describe-topic-partitions';
import { decodeBody, encodeBody } from '@/server/protocol/request';

type PartitionSpec = { index: number; isr: number[]; elr: number[] | null; lastKnownElr: number[] | null };

const int32s = (w: Writer, values: number[] | null) => w.compactArray(values, (w, v) => w.int32(v));

/** A v0 response as DescribeTopicPartitionsResponse.json lays it out (after the correlation id). */
function response(topics: { name: string; partitions: PartitionSpec[] }[], next: { topic: string; partition: number } | null) {
  const w = new Writer().emptyTaggedFields(); // response header v1 tags
  w.int32(0); // throttle
  w.compactArray(topics, (w, topic) => {
    w.int16(0).compactString(topic.name).raw(Buffer.alloc(16, 7)).bool(false);
    w.compactArray(topic.partitions, (w, p) => {
      w.int16(0).int32(p.index).int32(1).int32(5);
      int32s(w, [1, 2, 3]);
      int32s(w, p.isr);
      int32s(w, p.elr);
      int32s(w, p.lastKnownElr);
      int32s(w, []);
      w.emptyTaggedFields();
    });
    w.int32(-2147483648).emptyTaggedFields();
  });
  if (next === null) w.int8(-1);
  else w.int8(1).compactString(next.topic).int32(next.partition).emptyTaggedFields();
  w.emptyTaggedFields();
  return w.toBuffer();
}

describe('DescribeTopicPartitions', () => {
  it('encodes the topics, the partition limit and a null cursor with header v2 tags', () => {
    const body = encodeBody(describeTopicPartitionsApi, { topics: ['t'], partitionLimit: 2000, cursor: null }, 0).toString('hex');
    // header tags | topics[1] | "t" | tags | limit 2000 | cursor null | tags
    expect(body).toBe(`00` + `02` + `0274` + `00` + `000007d0` + `ff` + `00`);
  });

  it('encodes a cursor as a present struct', () => {
    const body = encodeBody(
      describeTopicPartitionsApi,
      { topics: [], partitionLimit: 1, cursor: { topicName: 't', partitionIndex: 3 } },
      0,
    );
    // header tags | topics[0] | limit 1 | present | "t" | partition 3 | struct tags | tags
    expect(body.toString('hex')).toBe(`00` + `01` + `00000001` + `01` + `0274` + `00000003` + `00` + `00`);
  });

  it('decodes ELR and last known ELR, keeping null (not tracked) apart from empty (none eligible)', () => {
    const decoded = decodeBody(
      describeTopicPartitionsApi,
      response(
        [
          {
            name: 'orders',
            partitions: [
              { index: 0, isr: [1], elr: [2], lastKnownElr: [3] },
              { index: 1, isr: [1, 2, 3], elr: [], lastKnownElr: [] },
              { index: 2, isr: [1, 2], elr: null, lastKnownElr: null },
            ],
          },
        ],
        { topic: 'orders', partition: 3 },
      ),
      0,
    );
    expect(decoded.nextCursor).toEqual({ topicName: 'orders', partitionIndex: 3 });
    const [topic] = decoded.topics;
    expect(topic).toMatchObject({ errorCode: 0, name: 'orders', isInternal: false });
    expect(topic!.partitions.map((p) => [p.partition, p.leaderId, p.leaderEpoch, p.isr, p.eligibleLeaderReplicas, p.lastKnownElr])).toEqual(
      [
        [0, 1, 5, [1], [2], [3]],
        [1, 1, 5, [1, 2, 3], [], []],
        [2, 1, 5, [1, 2], null, null],
      ],
    );
  });

  it('decodes the last page: no cursor', () => {
    const decoded = decodeBody(describeTopicPartitionsApi, response([{ name: 'a', partitions: [] }], null), 0);
    expect(decoded.nextCursor).toBeNull();
    expect(decoded.topics).toEqual([{ errorCode: 0, name: 'a', isInternal: false, partitions: [] }]);
  });
});
