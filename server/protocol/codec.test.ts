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

describe('Writer buffer growth', () => {
  it('writes the same bytes across its initial capacity, however small', () => {
    const fill = (w: Writer) =>
      w
        .int8(-1)
        .int16(0x1234)
        .int32(7)
        .int64(9_007_199_254_740_993n)
        .uvarint(300)
        .compactString('topic-✓')
        .string('ab')
        .raw(Buffer.from('cafe', 'hex'))
        .compactArray([1, 2, 3], (w, v) => w.int32(v).emptyTaggedFields());
    const expected =
      'ff' +
      '1234' +
      '00000007' +
      '0020000000000001' +
      'ac02' +
      '0a' +
      Buffer.from('topic-✓').toString('hex') +
      '00026162' +
      'cafe' +
      '04' +
      '0000000100' +
      '0000000200' +
      '0000000300';
    for (const capacity of [1, 2, 3, 5, 8, 256]) expect(hex(fill(new Writer(capacity)))).toBe(expected);
  });

  it('grows past a value larger than twice its capacity in one step', () => {
    const long = 'x'.repeat(10_000);
    const buf = new Writer(4).int32(1).compactString(long).int8(2).toBuffer();
    expect(buf.length).toBe(4 + 2 + 10_000 + 1);
    const r = new Reader(buf);
    expect([r.int32(), r.compactString(), r.int8()]).toEqual([1, long, 2]);
  });

  it('encodes many fields past several doublings in order', () => {
    const w = new Writer(16);
    for (let i = 0; i < 1_000; i++) w.int32(i).int64(BigInt(-i));
    const r = new Reader(w.toBuffer());
    const read = Array.from({ length: 1_000 }, () => [r.int32(), r.int64()]);
    expect(read).toEqual(Array.from({ length: 1_000 }, (_, i) => [i, BigInt(-i)]));
    expect(r.remaining()).toBe(0);
  });

  it('keeps a returned buffer unchanged by later writes and growth', () => {
    const w = new Writer(4).int32(42);
    const first = w.toBuffer();
    w.int32(1).int64(2n);
    expect(first.toString('hex')).toBe('0000002a');
    expect(hex(w)).toBe('0000002a' + '00000001' + '0000000000000002');
  });
});

describe('int64 reads', () => {
  it.each([
    0n,
    1n,
    -1n,
    4_294_967_295n,
    4_294_967_296n,
    -4_294_967_296n,
    2n ** 53n - 1n,
    -(2n ** 53n),
    2n ** 53n,
    2n ** 53n + 1n,
    -(2n ** 53n) - 1n,
    2n ** 63n - 1n,
    -(2n ** 63n),
  ])('reads %s exactly as a bigint and as a decimal string', (value) => {
    const buf = new Writer().int64(value).toBuffer();
    expect(new Reader(buf).int64()).toBe(value);
    expect(new Reader(buf).int64String()).toBe(value.toString());
  });
});
