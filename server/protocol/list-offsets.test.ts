import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import {
  EARLIEST_TIMESTAMP,
  LATEST_TIMESTAMP,
  listOffsetsApi,
  READ_UNCOMMITTED,
  type ListOffsetsInput,
} from '@/server/protocol/list-offsets';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const INPUT: ListOffsetsInput = {
  isolationLevel: READ_UNCOMMITTED,
  topics: [
    {
      name: 'ab',
      partitions: [
        { partition: 0, timestamp: LATEST_TIMESTAMP },
        { partition: 3, timestamp: EARLIEST_TIMESTAMP },
      ],
    },
  ],
};

const LATEST = 'ffffffffffffffff';
const EARLIEST = 'fffffffffffffffe';
const NAME = '6162';

describe('ListOffsets request encoding', () => {
  it('v1: replica id | topics[1] | name | partitions[2] | index timestamp', () => {
    expect(encodeBody(listOffsetsApi, INPUT, 1).toString('hex')).toBe(
      'ffffffff' + '00000001' + `0002${NAME}` + '00000002' + `00000000${LATEST}` + `00000003${EARLIEST}`,
    );
  });

  it.each([2, 3])('v%d adds the isolation level after the replica id', (version) => {
    expect(encodeBody(listOffsetsApi, INPUT, version).toString('hex')).toBe(
      'ffffffff' + '00' + '00000001' + `0002${NAME}` + '00000002' + `00000000${LATEST}` + `00000003${EARLIEST}`,
    );
  });

  it.each([4, 5])('v%d adds the current leader epoch (-1) before the timestamp', (version) => {
    expect(encodeBody(listOffsetsApi, { ...INPUT, isolationLevel: 1 }, version).toString('hex')).toBe(
      'ffffffff' + '01' + '00000001' + `0002${NAME}` + '00000002' + `00000000ffffffff${LATEST}` + `00000003ffffffff${EARLIEST}`,
    );
  });

  it.each([6, 7, 8, 9])('v%d is flexible: header tags, compact arrays and strings, tag sections', (version) => {
    expect(encodeBody(listOffsetsApi, INPUT, version).toString('hex')).toBe(
      '00' + 'ffffffff' + '00' + '02' + `03${NAME}` + '03' + `00000000ffffffff${LATEST}00` + `00000003ffffffff${EARLIEST}00` + '00' + '00',
    );
  });
});

/** A response as a broker would send it (after the correlation id). */
function response(version: number) {
  const flexible = version >= 6;
  const w = new Writer();
  if (flexible) w.emptyTaggedFields();
  const tags = () => {
    if (flexible) w.emptyTaggedFields();
  };
  const partitions: [number, number, bigint][] = [
    [0, 0, 9_007_199_254_740_993n], // 2^53 + 1: must not pass through a JS number
    [3, 6, -1n], // NOT_LEADER_OR_FOLLOWER
  ];
  if (version >= 2) w.int32(0);
  const topics = flexible ? w.compactArray.bind(w) : w.array.bind(w);
  topics(['ab'], (w, name) => {
    if (flexible) w.compactString(name);
    else w.string(name);
    (flexible ? w.compactArray.bind(w) : w.array.bind(w))(partitions, (w, [index, error, offset]) => {
      w.int32(index).int16(error).int64(-1n).int64(offset);
      if (version >= 4) w.int32(5);
      tags();
    });
    tags();
  });
  tags();
  return w.toBuffer();
}

describe('ListOffsets response decoding', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('decodes v%d with per-partition error codes kept', (version) => {
    expect(decodeBody(listOffsetsApi, response(version), version)).toEqual({
      topics: [
        {
          name: 'ab',
          partitions: [
            { partition: 0, errorCode: 0, offset: '9007199254740993' },
            { partition: 3, errorCode: 6, offset: '-1' },
          ],
        },
      ],
    });
  });

  it('negotiates the highest common version and refuses v0-only brokers', () => {
    expect(pickVersion(listOffsetsApi, { 2: { minVersion: 1, maxVersion: 11 } })).toBe(9); // Kafka 4.x
    expect(pickVersion(listOffsetsApi, { 2: { minVersion: 0, maxVersion: 9 } })).toBe(9); // Kafka 3.9
    expect(pickVersion(listOffsetsApi, { 2: { minVersion: 0, maxVersion: 5 } })).toBe(5);
    expect(() => pickVersion(listOffsetsApi, { 2: { minVersion: 0, maxVersion: 0 } })).toThrow(UnsupportedApiError);
  });
});
