import { describe, expect, it } from 'vitest';
import { ProtocolDecodeError, Reader, Writer } from '@/server/protocol/codec';

const hex = (w: Writer) => w.toBuffer().toString('hex');

describe('unsigned varints', () => {
  it.each([
    [0, '00'],
    [1, '01'],
    [127, '7f'],
    [128, '8001'],
    [300, 'ac02'],
    [2 ** 31, '8080808008'],
  ])('%d encodes as %s and reads back', (value, bytes) => {
    expect(hex(new Writer().uvarint(value))).toBe(bytes);
    expect(new Reader(Buffer.from(bytes, 'hex')).uvarint()).toBe(value);
  });

  it('refuses a varint longer than 5 bytes', () => {
    expect(() => new Reader(Buffer.from('8080808080', 'hex')).uvarint()).toThrow(ProtocolDecodeError);
  });
});

describe('strings and arrays', () => {
  it('writes compact strings as length + 1, null as 0', () => {
    expect(hex(new Writer().compactString('ab'))).toBe('036162');
    expect(hex(new Writer().compactString(null))).toBe('00');
    expect(hex(new Writer().compactString(''))).toBe('01');
  });

  it('writes classic strings with an int16 length, null as -1', () => {
    expect(hex(new Writer().string('ab'))).toBe('00026162');
    expect(hex(new Writer().string(null))).toBe('ffff');
  });

  it('round-trips unicode compact strings by bytes, not characters', () => {
    const buf = new Writer().compactString('主题-✓').toBuffer();
    expect(buf[0]).toBe(Buffer.byteLength('主题-✓') + 1);
    expect(new Reader(buf).compactString()).toBe('主题-✓');
  });

  it('writes compact arrays as length + 1 and classic arrays with an int32 length', () => {
    expect(hex(new Writer().compactArray([7, 8], (w, v) => w.int32(v)))).toBe('030000000700000008');
    expect(hex(new Writer().compactArray(null, (w, v: number) => w.int32(v)))).toBe('00');
    expect(hex(new Writer().array([7], (w, v) => w.int32(v)))).toBe('0000000100000007');
  });

  it('reads arrays back, null arrays as empty', () => {
    expect(new Reader(Buffer.from('030000000700000008', 'hex')).compactArray((r) => r.int32())).toEqual([7, 8]);
    expect(new Reader(Buffer.from('00', 'hex')).compactArray((r) => r.int32())).toEqual([]);
    expect(new Reader(Buffer.from('ffffffff', 'hex')).array((r) => r.int32())).toEqual([]);
  });
});

describe('numbers', () => {
  it('keeps int64 exact beyond 2^53', () => {
    const value = 9_007_199_254_740_993n;
    expect(new Reader(new Writer().int64(value).toBuffer()).int64()).toBe(value);
    expect(new Reader(new Writer().int64(-1n).toBuffer()).int64()).toBe(-1n);
  });
});

describe('tagged fields', () => {
  it('skips unknown tagged fields and lands on the next field', () => {
    // 2 fields: tag 0 with 3 bytes, tag 5 with 1 byte; then an int16.
    const buf = Buffer.from('02' + '00' + '03' + 'aabbcc' + '05' + '01' + 'dd' + '002a', 'hex');
    const r = new Reader(buf);
    r.taggedFields();
    expect(r.int16()).toBe(42);
    expect(r.remaining()).toBe(0);
  });

  it('reports a truncated response instead of reading garbage', () => {
    expect(() => new Reader(Buffer.from('0005', 'hex')).string()).toThrow(/truncated/);
  });
});
