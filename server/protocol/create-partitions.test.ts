import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { createPartitionsApi, type CreatePartitionsInput } from '@/server/protocol/create-partitions';
import { decodeBody, encodeBody, pickVersion } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');

const INPUT: CreatePartitionsInput = {
  topics: [
    { name: 'a', count: 4, assignments: null },
    { name: 'b', count: 3, assignments: [[1, 2]] },
  ],
  timeoutMs: 1000,
  validateOnly: true,
};

describe('CreatePartitions', () => {
  it('v0 request: topics (name, count, nullable assignments of broker ids) | timeout | validateOnly', () => {
    expect(encodeBody(createPartitionsApi, INPUT, 0).toString('hex')).toBe(
      '00000002' +
        `0001${hex('a')}` +
        '00000004' +
        'ffffffff' + // null: Kafka places the new partitions
        `0001${hex('b')}` +
        '00000003' +
        '00000001' +
        '00000002' +
        '00000001' +
        '00000002' +
        '000003e8' +
        '01',
    );
  });

  it('v2+ request: compact forms, null assignments as 0, tags per struct', () => {
    expect(encodeBody(createPartitionsApi, INPUT, 3).toString('hex')).toBe(
      '00' +
        '03' +
        `02${hex('a')}` +
        '00000004' +
        '00' +
        '00' +
        `02${hex('b')}` +
        '00000003' +
        '02' +
        '03' +
        '00000001' +
        '00000002' +
        '00' +
        '00' +
        '000003e8' +
        '01' +
        '00',
    );
  });

  it('v0 response: per-topic error code and nullable message', () => {
    const w = new Writer().int32(0);
    w.array(
      [
        ['a', 0, null],
        ['b', 37, 'Topic currently has 4 partitions, which is higher than the requested 3.'],
      ] as const,
      (w, [name, code, message]) => w.string(name).int16(code).string(message),
    );
    expect(decodeBody(createPartitionsApi, w.toBuffer(), 0)).toEqual([
      { name: 'a', errorCode: 0, errorMessage: null },
      { name: 'b', errorCode: 37, errorMessage: 'Topic currently has 4 partitions, which is higher than the requested 3.' },
    ]);
  });

  it('v2+ response: compact forms with tag sections', () => {
    const w = new Writer().emptyTaggedFields().int32(0).uvarint(3);
    w.compactString('a').int16(0).compactString(null).emptyTaggedFields();
    w.compactString('x').int16(3).compactString('The topic x does not exist.').emptyTaggedFields();
    w.emptyTaggedFields();
    expect(decodeBody(createPartitionsApi, w.toBuffer(), 2)).toEqual([
      { name: 'a', errorCode: 0, errorMessage: null },
      { name: 'x', errorCode: 3, errorMessage: 'The topic x does not exist.' },
    ]);
  });

  it('picks v3 from Kafka 3.9 and 4.x (both 0-3)', () => {
    expect(pickVersion(createPartitionsApi, { 37: { minVersion: 0, maxVersion: 3 } })).toBe(3);
    expect(pickVersion(createPartitionsApi, { 37: { minVersion: 0, maxVersion: 1 } })).toBe(1);
  });
});
