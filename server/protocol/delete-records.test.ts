import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { deleteRecordsApi, HIGH_WATERMARK, type DeleteRecordsInput } from '@/server/protocol/delete-records';
import { decodeBody, encodeBody, pickVersion } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

const INPUT: DeleteRecordsInput = {
  topics: [
    {
      name: 't',
      partitions: [
        { partition: 0, offset: 5n },
        { partition: 2, offset: HIGH_WATERMARK },
      ],
    },
  ],
  timeoutMs: 1000,
};

describe('DeleteRecords', () => {
  it('v0 request: topics (name, partitions (index, offset int64)) | timeout', () => {
    expect(encodeBody(deleteRecordsApi, INPUT, 0).toString('hex')).toBe(
      '00000001' + `0001${hex('t')}` + '00000002' + '00000000' + '0000000000000005' + '00000002' + 'ffffffffffffffff' + '000003e8',
    );
  });

  it('v2 request: compact forms and tags', () => {
    expect(encodeBody(deleteRecordsApi, INPUT, 2).toString('hex')).toBe(
      '00' +
        '02' +
        `02${hex('t')}` +
        '03' +
        '00000000' +
        '0000000000000005' +
        '00' +
        '00000002' +
        'ffffffffffffffff' +
        '00' +
        '00' +
        '000003e8' +
        '00',
    );
  });

  it('v0 response: low watermarks as exact decimals (beyond 2^53 too), per-partition errors', () => {
    const w = new Writer().int32(0);
    w.array(['t'], (w, name) => {
      w.string(name);
      w.array(
        [
          [0, 5n, 0],
          [1, 9_007_199_254_740_993n, 0],
          [2, -1n, 1],
        ] as const,
        (w, [p, low, code]) => w.int32(p).int64(low).int16(code),
      );
    });
    expect(decodeBody(deleteRecordsApi, w.toBuffer(), 0)).toEqual([
      {
        name: 't',
        partitions: [
          { partition: 0, lowWatermark: '5', errorCode: 0 },
          { partition: 1, lowWatermark: '9007199254740993', errorCode: 0 },
          { partition: 2, lowWatermark: '-1', errorCode: 1 }, // OFFSET_OUT_OF_RANGE
        ],
      },
    ]);
  });

  it('v2 response: compact forms with tag sections', () => {
    const w = new Writer().emptyTaggedFields().int32(0).uvarint(2);
    w.compactString('t').uvarint(2).int32(3).int64(-1n).int16(6).emptyTaggedFields().emptyTaggedFields();
    w.emptyTaggedFields();
    expect(decodeBody(deleteRecordsApi, w.toBuffer(), 2)).toEqual([
      { name: 't', partitions: [{ partition: 3, lowWatermark: '-1', errorCode: 6 }] }, // NOT_LEADER_OR_FOLLOWER
    ]);
  });

  it('picks v2 from Kafka 3.9 and 4.x (both 0-2)', () => {
    expect(pickVersion(deleteRecordsApi, { 21: { minVersion: 0, maxVersion: 2 } })).toBe(2);
    expect(pickVersion(deleteRecordsApi, { 21: { minVersion: 0, maxVersion: 1 } })).toBe(1);
  });
});
