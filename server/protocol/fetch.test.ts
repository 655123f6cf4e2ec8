import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { fetchApi, ISOLATION, type FetchInput } from '@/server/protocol/fetch';
import { produceApi } from '@/server/protocol/produce';
import { decodeBody, encodeBody } from '@/server/protocol/request';

const INPUT: FetchInput = {
  isolationLevel: ISOLATION.READ_COMMITTED,
  maxWaitMs: 0,
  minBytes: 1,
  maxBytes: 0x10_0000,
  topics: [{ name: 'ab', partitions: [{ partition: 2, fetchOffset: 7n, maxBytes: 0x1000 }] }],
};
const NAME = '6162';
const OFFSET = '0000000000000007';
const HEAD = 'ffffffff' + '00000000' + '00000001' + '00100000' + '01';

describe('Fetch request encoding', () => {
  it('v4: replica id, wait, min and max bytes, isolation | topics | partition, offset, partition max bytes', () => {
    expect(encodeBody(fetchApi, INPUT, 4).toString('hex')).toBe(
      HEAD + '00000001' + `0002${NAME}` + '00000001' + `00000002${OFFSET}00001000`,
    );
  });

  it('v7 has no fetch session (id 0, epoch -1) and no forgotten topics; v5+ sends log start -1', () => {
    expect(encodeBody(fetchApi, INPUT, 7).toString('hex')).toBe(
      HEAD + '00000000ffffffff' + '00000001' + `0002${NAME}` + '00000001' + `00000002${OFFSET}ffffffffffffffff00001000` + '00000000',
    );
  });

  it('v11 adds the current leader epoch (v9) and an empty rack id', () => {
    expect(encodeBody(fetchApi, INPUT, 11).toString('hex')).toBe(
      HEAD +
        '00000000ffffffff' +
        '00000001' +
        `0002${NAME}` +
        '00000001' +
        `00000002ffffffff${OFFSET}ffffffffffffffff00001000` +
        '00000000' +
        '0000',
    );
  });

  it('v12 is flexible and adds the last fetched epoch', () => {
    expect(encodeBody(fetchApi, INPUT, 12).toString('hex')).toBe(
      '00' +
        HEAD +
        '00000000ffffffff' +
        '02' +
        `03${NAME}` +
        '02' +
        `00000002ffffffff${OFFSET}ffffffffffffffffffffffff00001000` +
        '00' +
        '00' +
        '01' +
        '01' +
        '00',
    );
  });
});

/** A Fetch response as a broker sends it (after the correlation id). */
function fetchResponse(version: number, aborted: [bigint, bigint][] | null, records: Buffer) {
  const flexible = version >= 12;
  const w = new Writer();
  const array = <T>(items: T[] | null, each: (w: Writer, item: T) => void) =>
    flexible ? w.compactArray(items, each) : w.array(items, each);
  const tags = () => (flexible ? w.emptyTaggedFields() : w);
  if (flexible) w.emptyTaggedFields();
  w.int32(0);
  if (version >= 7) w.int16(0).int32(0);
  array(['ab'], (w, name) => {
    if (flexible) w.compactString(name);
    else w.string(name);
    array([2], (w, partition) => {
      w.int32(partition)
        .int16(0)
        .int64(2n ** 53n + 1n)
        .int64(40n);
      if (version >= 5) w.int64(3n);
      array(aborted, (w, [producerId, firstOffset]) => {
        w.int64(producerId).int64(firstOffset);
        tags();
      });
      if (version >= 11) w.int32(-1);
      if (flexible) w.uvarint(records.length + 1);
      else w.int32(records.length);
      w.raw(records);
      tags();
    });
    tags();
  });
  tags();
  return w.toBuffer();
}

describe('Fetch response decoding', () => {
  it.each([4, 7, 11, 12])('v%d: offsets exact as bigints, aborted transactions, the records as a view', (version) => {
    const records = Buffer.from('0102030405', 'hex');
    const decoded = decodeBody(fetchApi, fetchResponse(version, [[9n, 30n]], records), version);
    expect(decoded.topics).toEqual([
      {
        name: 'ab',
        partitions: [
          {
            partition: 2,
            errorCode: 0,
            highWatermark: 2n ** 53n + 1n,
            lastStableOffset: 40n,
            logStartOffset: version >= 5 ? 3n : -1n,
            abortedTransactions: [{ producerId: 9n, firstOffset: 30n }],
            records,
          },
        ],
      },
    ]);
  });

  it('null aborted transactions (READ_UNCOMMITTED) stay null', () => {
    const decoded = decodeBody(fetchApi, fetchResponse(12, null, Buffer.alloc(0)), 12);
    expect(decoded.topics[0]!.partitions[0]!.abortedTransactions).toBeNull();
  });
});

describe('Produce', () => {
  const batch = Buffer.from('aabb', 'hex');
  const input = { acks: -1 as const, timeoutMs: 5_000, topic: 'ab', partition: 1, batch };

  it('v3-v8: null transactional id, acks, timeout | topic | partition and its batch', () => {
    for (const version of [3, 8]) {
      expect(encodeBody(produceApi, input, version).toString('hex')).toBe(
        'ffff' + 'ffff' + '00001388' + '00000001' + `0002${NAME}` + '00000001' + '00000001' + '00000002aabb',
      );
    }
  });

  it('v9+ is flexible', () => {
    expect(encodeBody(produceApi, input, 11).toString('hex')).toBe(
      '00' + '00' + 'ffff' + '00001388' + '02' + `03${NAME}` + '02' + '00000001' + '03aabb' + '00' + '00' + '00',
    );
  });

  it.each([3, 8, 11])('v%d response: base offset, append time and the refusals of v8+', (version) => {
    const flexible = version >= 9;
    const w = new Writer();
    const array = <T>(items: T[], each: (w: Writer, item: T) => void) => (flexible ? w.compactArray(items, each) : w.array(items, each));
    const string = (value: string | null) => (flexible ? w.compactString(value) : w.string(value));
    const tags = () => (flexible ? w.emptyTaggedFields() : w);
    if (flexible) w.emptyTaggedFields();
    array(['ab'], (w, name) => {
      string(name);
      array([1], (w, index) => {
        w.int32(index).int16(87).int64(12n).int64(-1n);
        if (version >= 5) w.int64(0n);
        if (version >= 8) {
          array([{ i: 0 }], (w, e) => {
            w.int32(e.i);
            string('Compacted topic cannot accept message without key');
            tags();
          });
          string('one or more records have been rejected');
        }
        tags();
      });
      tags();
    });
    w.int32(0);
    tags();
    expect(decodeBody(produceApi, w.toBuffer(), version)).toEqual({
      errorCode: 87,
      baseOffset: '12',
      logAppendTimeMs: -1,
      errorMessage: version >= 8 ? 'one or more records have been rejected' : null,
      recordErrors: version >= 8 ? [{ batchIndex: 0, message: 'Compacted topic cannot accept message without key' }] : [],
    });
  });
});
