import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { offsetDeleteApi } from '@/server/protocol/offset-delete';
import { decodeBody, encodeBody, pickVersion } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

describe('OffsetDelete v0', () => {
  it('request: group id | topics (name, partitions as int32)', () => {
    expect(encodeBody(offsetDeleteApi, { groupId: 'g', topics: [{ name: 't', partitions: [0, 1, 2] }] }, 0).toString('hex')).toBe(
      `0001${hex('g')}` + '00000001' + `0001${hex('t')}` + '00000003' + '00000000' + '00000001' + '00000002',
    );
  });

  it('response: group error, throttle time, then per-partition errors', () => {
    const w = new Writer().int16(0).int32(0);
    w.array(['t'], (w, name) => {
      w.string(name);
      w.array(
        [
          [0, 0],
          [1, 86], // GROUP_SUBSCRIBED_TO_TOPIC
        ] as const,
        (w, [p, e]) => w.int32(p).int16(e),
      );
    });
    expect(decodeBody(offsetDeleteApi, w.toBuffer(), 0)).toEqual({
      errorCode: 0,
      topics: [
        {
          name: 't',
          partitions: [
            { partition: 0, errorCode: 0 },
            { partition: 1, errorCode: 86 },
          ],
        },
      ],
    });
  });

  it('a group-level error comes with no topics', () => {
    const w = new Writer().int16(69).int32(0).int32(0);
    expect(decodeBody(offsetDeleteApi, w.toBuffer(), 0)).toEqual({ errorCode: 69, topics: [] });
  });

  it('v0 is the only version', () => {
    expect(pickVersion(offsetDeleteApi, { 47: { minVersion: 0, maxVersion: 0 } })).toBe(0);
  });
});
