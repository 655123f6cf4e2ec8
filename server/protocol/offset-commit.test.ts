import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { offsetCommitApi, type OffsetCommitInput } from '@/server/protocol/offset-commit';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');
const G = hex('g');
const T = hex('t');

/** A simple-member commit (generation -1, member id ""), as kafka-consumer-groups --reset-offsets sends it. */
const input: OffsetCommitInput = {
  groupId: 'g',
  generationIdOrMemberEpoch: -1,
  memberId: '',
  topics: [
    {
      name: 't',
      partitions: [
        { partition: 0, offset: 5n },
        { partition: 2, offset: 9_007_199_254_740_993n },
      ],
    },
  ],
};
const OFFSET_5 = '0000000000000005';
const OFFSET_BIG = '0020000000000001';

describe('OffsetCommit request encoding', () => {
  it.each([2, 3, 4])('v%d: group | generation | member id | retention -1 | topics (partition, offset, metadata "")', (version) => {
    expect(encodeBody(offsetCommitApi, input, version).toString('hex')).toBe(
      `0001${G}` +
        'ffffffff' +
        '0000' +
        'ffffffffffffffff' +
        '00000001' +
        `0001${T}` +
        '00000002' +
        '00000000' +
        OFFSET_5 +
        '0000' +
        '00000002' +
        OFFSET_BIG +
        '0000',
    );
  });

  it('v5 drops the retention time', () => {
    expect(encodeBody(offsetCommitApi, input, 5).toString('hex')).toBe(
      `0001${G}` +
        'ffffffff' +
        '0000' +
        '00000001' +
        `0001${T}` +
        '00000002' +
        '00000000' +
        OFFSET_5 +
        '0000' +
        '00000002' +
        OFFSET_BIG +
        '0000',
    );
  });

  it('v6 adds the committed leader epoch (-1) after each offset', () => {
    expect(encodeBody(offsetCommitApi, input, 6).toString('hex')).toBe(
      `0001${G}` +
        'ffffffff' +
        '0000' +
        '00000001' +
        `0001${T}` +
        '00000002' +
        '00000000' +
        OFFSET_5 +
        'ffffffff' +
        '0000' +
        '00000002' +
        OFFSET_BIG +
        'ffffffff' +
        '0000',
    );
  });

  it('v7 adds the group instance id (null) after the member id', () => {
    expect(encodeBody(offsetCommitApi, input, 7).toString('hex')).toBe(
      `0001${G}` +
        'ffffffff' +
        '0000' +
        'ffff' +
        '00000001' +
        `0001${T}` +
        '00000002' +
        '00000000' +
        OFFSET_5 +
        'ffffffff' +
        '0000' +
        '00000002' +
        OFFSET_BIG +
        'ffffffff' +
        '0000',
    );
  });

  it.each([8, 9])('v%d is flexible: header tags, compact strings and arrays, a tag section per struct', (version) => {
    expect(encodeBody(offsetCommitApi, input, version).toString('hex')).toBe(
      '00' +
        `02${G}` +
        'ffffffff' +
        '01' +
        '00' +
        '02' +
        `02${T}` +
        '03' +
        '00000000' +
        OFFSET_5 +
        'ffffffff' +
        '01' +
        '00' +
        '00000002' +
        OFFSET_BIG +
        'ffffffff' +
        '01' +
        '00' +
        '00' +
        '00',
    );
  });
});

function response(version: number) {
  const flexible = version >= 8;
  const w = new Writer();
  if (flexible) w.emptyTaggedFields();
  if (version >= 3) w.int32(0);
  const partitions: [number, number][] = [
    [0, 0],
    [2, 25], // UNKNOWN_MEMBER_ID: the group has active members
  ];
  if (flexible) {
    w.compactArray(['t'], (w, name) => {
      w.compactString(name);
      w.compactArray(partitions, (w, [p, e]) => w.int32(p).int16(e).emptyTaggedFields());
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
  } else {
    w.array(['t'], (w, name) => {
      w.string(name);
      w.array(partitions, (w, [p, e]) => w.int32(p).int16(e));
    });
  }
  return w.toBuffer();
}

describe('OffsetCommit response decoding', () => {
  it.each([2, 3, 4, 5, 6, 7, 8, 9])('v%d: per-partition error codes (throttle time from v3, flexible from v8)', (version) => {
    expect(decodeBody(offsetCommitApi, response(version), version)).toEqual({
      topics: [
        {
          name: 't',
          partitions: [
            { partition: 0, errorCode: 0 },
            { partition: 2, errorCode: 25 },
          ],
        },
      ],
    });
  });
});

describe('OffsetCommit version choice', () => {
  it('takes v9 from Kafka 3.9 (0-9) and 4.x (2-10): v10 names topics by id', () => {
    expect(pickVersion(offsetCommitApi, { 8: { minVersion: 0, maxVersion: 9 } })).toBe(9);
    expect(pickVersion(offsetCommitApi, { 8: { minVersion: 2, maxVersion: 10 } })).toBe(9);
  });

  it('refuses a broker whose range starts past v9', () => {
    expect(() => pickVersion(offsetCommitApi, { 8: { minVersion: 10, maxVersion: 11 } })).toThrow(UnsupportedApiError);
  });
});
