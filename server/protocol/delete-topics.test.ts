import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { deleteTopicsApi } from '@/server/protocol/delete-topics';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

const hex = (s: string) => Buffer.from(s).toString('hex');
const ZERO_UUID = '00'.repeat(16);
const INPUT = { names: ['a', 'bb'], timeoutMs: 1000 };

describe('DeleteTopics', () => {
  it('v1 request: topic names | timeout', () => {
    expect(encodeBody(deleteTopicsApi, INPUT, 1).toString('hex')).toBe('00000002' + `0001${hex('a')}` + `0002${hex('bb')}` + '000003e8');
  });

  it('v4-v5 request: compact names and tags', () => {
    expect(encodeBody(deleteTopicsApi, INPUT, 4).toString('hex')).toBe(
      '00' + '03' + `02${hex('a')}` + `03${hex('bb')}` + '000003e8' + '00',
    );
  });

  it('v6 request: topics as (name, zero topic id, tags)', () => {
    expect(encodeBody(deleteTopicsApi, INPUT, 6).toString('hex')).toBe(
      '00' + '03' + `02${hex('a')}` + ZERO_UUID + '00' + `03${hex('bb')}` + ZERO_UUID + '00' + '000003e8' + '00',
    );
  });

  it('v1 response: name and error code, no message', () => {
    const w = new Writer().int32(0);
    w.array(
      [
        ['a', 0],
        ['x', 3],
      ] as const,
      (w, [name, code]) => w.string(name).int16(code),
    );
    expect(decodeBody(deleteTopicsApi, w.toBuffer(), 1)).toEqual([
      { name: 'a', errorCode: 0, errorMessage: null },
      { name: 'x', errorCode: 3, errorMessage: null },
    ]);
  });

  it('v5 response: error messages', () => {
    const w = new Writer().emptyTaggedFields().int32(0).uvarint(2);
    w.compactString('x').int16(3).compactString('This server does not host this topic-partition.').emptyTaggedFields();
    w.emptyTaggedFields();
    expect(decodeBody(deleteTopicsApi, w.toBuffer(), 5)).toEqual([
      { name: 'x', errorCode: 3, errorMessage: 'This server does not host this topic-partition.' },
    ]);
  });

  it('v6 response: nullable name and a topic id per result', () => {
    const w = new Writer().emptyTaggedFields().int32(0).uvarint(3);
    w.compactString('a').raw(Buffer.alloc(16, 7)).int16(0).compactString(null).emptyTaggedFields();
    w.compactString('x').raw(Buffer.alloc(16)).int16(3).compactString('unknown').emptyTaggedFields();
    w.emptyTaggedFields();
    expect(decodeBody(deleteTopicsApi, w.toBuffer(), 6)).toEqual([
      { name: 'a', errorCode: 0, errorMessage: null },
      { name: 'x', errorCode: 3, errorMessage: 'unknown' },
    ]);
  });

  it('picks v6 from Kafka 3.9 (0-6) and 4.x (1-6); refuses a broker with v0 only', () => {
    expect(pickVersion(deleteTopicsApi, { 20: { minVersion: 0, maxVersion: 6 } })).toBe(6);
    expect(pickVersion(deleteTopicsApi, { 20: { minVersion: 1, maxVersion: 6 } })).toBe(6);
    expect(pickVersion(deleteTopicsApi, { 20: { minVersion: 0, maxVersion: 3 } })).toBe(3);
    expect(() => pickVersion(deleteTopicsApi, { 20: { minVersion: 0, maxVersion: 0 } })).toThrow(UnsupportedApiError);
  });
});
