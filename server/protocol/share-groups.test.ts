import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { alterShareGroupOffsetsApi } from '@/server/protocol/alter-share-group-offsets';
import { deleteShareGroupOffsetsApi } from '@/server/protocol/delete-share-group-offsets';
import { describeShareGroupOffsetsApi } from '@/server/protocol/describe-share-group-offsets';
import { decodeBody, encodeBody } from '@/server/protocol/request';
import { shareGroupDescribeApi } from '@/server/protocol/share-group-describe';

const TOPIC_ID = Buffer.alloc(16, 7);

describe('ShareGroupDescribe v1', () => {
  it('reads a group with one member, its subscription and assignment', () => {
    const w = new Writer().emptyTaggedFields(); // response header tags
    w.int32(0);
    w.compactArray(['g'], (w, id) => {
      w.int16(0).compactString(null).compactString(id).compactString('Stable').int32(3).int32(3).compactString('simple');
      w.compactArray(['m1'], (w, member) => {
        w.compactString(member).compactString('rack-a').int32(3).compactString('client').compactString('/127.0.0.1');
        w.compactArray(['orders'], (w, t) => w.compactString(t));
        w.compactArray(['orders'], (w, t) => {
          w.raw(TOPIC_ID).compactString(t);
          w.compactArray([0, 2], (w, p) => w.int32(p));
          w.emptyTaggedFields();
        });
        w.emptyTaggedFields(); // Assignment struct
        w.emptyTaggedFields(); // member
      });
      w.int32(-2147483648).emptyTaggedFields();
    });
    w.emptyTaggedFields();
    const [group] = decodeBody(shareGroupDescribeApi, w.toBuffer(), 1).groups;
    expect(group).toEqual({
      groupId: 'g',
      errorCode: 0,
      errorMessage: null,
      state: 'Stable',
      groupEpoch: 3,
      assignmentEpoch: 3,
      assignorName: 'simple',
      members: [
        {
          memberId: 'm1',
          rackId: 'rack-a',
          memberEpoch: 3,
          clientId: 'client',
          clientHost: '/127.0.0.1',
          subscribedTopicNames: ['orders'],
          assignment: [{ topicId: TOPIC_ID.toString('base64url'), topic: 'orders', partitions: [0, 2] }],
        },
      ],
    });
  });
});

describe('DescribeShareGroupOffsets', () => {
  it('asks for every partition of each group (topics null)', () => {
    const hex = encodeBody(describeShareGroupOffsetsApi, ['g'], 1).toString('hex');
    // header tags | groups[1] | "g" | topics null | tags | tags
    expect(hex).toBe('00' + '02' + '0267' + '00' + '00' + '00');
  });

  it('reads start offsets and v1 lag, null where the group has no state for a partition', () => {
    const w = new Writer().emptyTaggedFields();
    w.int32(0);
    w.compactArray(['g'], (w, id) => {
      w.compactString(id);
      w.compactArray(['orders'], (w, t) => {
        w.compactString(t).raw(TOPIC_ID);
        w.compactArray(
          [
            [0, 30n, 0, 10n],
            [1, -1n, -1, -1n],
          ] as const,
          (w, [p, start, epoch, lag]) => w.int32(p).int64(start).int32(epoch).int64(lag).int16(0).compactString(null).emptyTaggedFields(),
        );
        w.emptyTaggedFields();
      });
      w.int16(0).compactString(null).emptyTaggedFields();
    });
    w.emptyTaggedFields();
    const [group] = decodeBody(describeShareGroupOffsetsApi, w.toBuffer(), 1).groups;
    expect(group!.topics[0]!.partitions).toEqual([
      { partition: 0, startOffset: '30', leaderEpoch: 0, lag: '10', errorCode: 0, errorMessage: null },
      { partition: 1, startOffset: null, leaderEpoch: null, lag: null, errorCode: 0, errorMessage: null },
    ]);
  });
});

describe('AlterShareGroupOffsets v0', () => {
  it('sends each partition with its new start offset', () => {
    const input = { groupId: 'g', topics: [{ name: 't', partitions: [{ partition: 1, startOffset: 20n }] }] };
    const hex = encodeBody(alterShareGroupOffsetsApi, input, 0).toString('hex');
    // header tags | "g" | topics[1] | "t" | partitions[1] | 1 | 20 | tags | tags | tags
    expect(hex).toBe('00' + '0267' + '02' + '0274' + '02' + '00000001' + '0000000000000014' + '00' + '00' + '00');
  });

  it('reads the group-level error first, then each partition’s', () => {
    const w = new Writer().emptyTaggedFields();
    w.int32(0).int16(68).compactString('not empty');
    w.compactArray(['t'], (w, t) => {
      w.compactString(t).raw(TOPIC_ID);
      w.compactArray([1], (w, p) => w.int32(p).int16(0).compactString(null).emptyTaggedFields());
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
    expect(decodeBody(alterShareGroupOffsetsApi, w.toBuffer(), 0)).toEqual({
      errorCode: 68,
      errorMessage: 'not empty',
      topics: [{ topic: 't', partitions: [{ partition: 1, errorCode: 0, errorMessage: null }] }],
    });
  });
});

describe('DeleteShareGroupOffsets v0', () => {
  it('names the group and each topic', () => {
    const hex = encodeBody(deleteShareGroupOffsetsApi, { groupId: 'g', topics: ['t'] }, 0).toString('hex');
    // header tags | "g" | topics[1] | "t" | tags | tags
    expect(hex).toBe('00' + '0267' + '02' + '0274' + '00' + '00');
  });

  it("reads the group error and each topic's error", () => {
    const w = new Writer().emptyTaggedFields();
    w.int32(0).int16(0).compactString(null);
    w.compactArray(['t'], (w, t) => w.compactString(t).raw(TOPIC_ID).int16(3).compactString('gone').emptyTaggedFields());
    w.emptyTaggedFields();
    expect(decodeBody(deleteShareGroupOffsetsApi, w.toBuffer(), 0)).toEqual({
      errorCode: 0,
      errorMessage: null,
      topics: [{ topic: 't', errorCode: 3, errorMessage: 'gone' }],
    });
  });
});
