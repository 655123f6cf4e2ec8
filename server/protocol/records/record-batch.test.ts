import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESSIONS } from '@/server/protocol/records/compression';
import { encodeRecordBatch } from '@/server/protocol/records/encode-batch';
import { decodeRecordBatches, RecordFormatError } from '@/server/protocol/records/record-batch';

// A log segment of a Kafka 4.3.1 broker holding batches from two producers: kcat (librdkafka 2.0.2: raw snappy,
// LZ4 frames with content checksum) with keys, an empty key, repeated and empty headers, for each codec; then Kafka's
// console producer (Java, idempotent: producer ids and sequences) without and with each codec (xerial snappy).
const SEGMENT = readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/producer-batches.log'));

const text = (b: Buffer | null) => (b === null ? null : b.toString('utf8'));

describe('decodeRecordBatches on batches written by real producers', () => {
  const batches = decodeRecordBatches(SEGMENT);

  it('reads every batch of the segment, for every codec of both producers', () => {
    expect(batches.map((b) => [Number(b.baseOffset), b.compression, b.records.length])).toEqual([
      [0, 'none', 3],
      [3, 'gzip', 3],
      [6, 'snappy', 3],
      [9, 'lz4', 3],
      [12, 'zstd', 3],
      [15, 'none', 2],
      [17, 'none', 2],
      [19, 'none', 2],
      [21, 'none', 2],
      [23, 'none', 2],
      [25, 'gzip', 2],
      [27, 'snappy', 2],
      [29, 'lz4', 2],
      [31, 'zstd', 2],
    ]);
    const offsets = batches.flatMap((b) => b.records.map((r) => Number(r.offset)));
    expect(offsets).toEqual(Array.from({ length: 33 }, (_, i) => i));
  });

  it('reads keys, values and headers in order, repeats included', () => {
    for (const batch of batches.slice(0, 5)) {
      const [first, second, third] = batch.records;
      expect(text(first!.key)).toBe('k1');
      expect(JSON.parse(text(first!.value)!)).toEqual({ codec: batch.compression, n: 1 });
      expect(text(second!.value)).toBe(`second record ${batch.compression} with some repeated repeated repeated text`);
      expect(text(third!.key)).toBe('');
      expect(first!.headers.map((h) => [h.key, text(h.value)])).toEqual([
        ['h1', 'v1'],
        ['h1', 'dup'],
        ['empty', ''],
      ]);
      expect(batch.timestampType).toBe('CreateTime');
      expect(batch.producerId).toBe(-1n);
      expect(first!.sequence).toBeNull();
    }
  });

  it('gives the idempotent producer its id, epoch and record sequences', () => {
    const java = batches.slice(5);
    expect(java.map((b) => Number(b.producerId))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (const batch of java) expect(batch.records.map((r) => r.sequence)).toEqual([0, 1]);
    expect(text(java.at(-1)!.records[0]!.value)).toBe('{"java":"zstd"}');
  });

  it('refuses a corrupt batch (CRC-32C) and leaves out a batch cut off at the end', () => {
    const corrupt = Buffer.from(SEGMENT);
    corrupt[80] = corrupt[80]! ^ 0xff;
    expect(() => decodeRecordBatches(corrupt)).toThrow(/CRC/);
    const firstSize = 12 + SEGMENT.readInt32BE(8);
    expect(decodeRecordBatches(SEGMENT.subarray(0, firstSize + 30))).toHaveLength(1);
  });
});

describe('encodeRecordBatch', () => {
  const records = [
    {
      key: Buffer.from('a'),
      value: Buffer.from('{"x":1}'.repeat(50)),
      headers: [
        { key: 'trace', value: Buffer.from('t1') },
        { key: 'n', value: null },
      ],
      timestamp: 1_700_000_000_000,
    },
    { key: null, value: null, headers: [], timestamp: 1_700_000_000_500 },
    { key: Buffer.from('ключ'), value: Buffer.alloc(20_000, 7), headers: [], timestamp: 1_699_999_999_000 },
  ];

  it.each(COMPRESSIONS)('writes a %s batch that reads back exactly, with a valid CRC', async (codec) => {
    const [batch] = decodeRecordBatches(await encodeRecordBatch(records, codec));
    expect(batch!.compression).toBe(codec);
    expect(batch!.records.map((r) => ({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp }))).toEqual(records);
    expect(batch!.records.map((r) => r.offset)).toEqual([0n, 1n, 2n]);
    expect(batch!.lastOffset).toBe(2n);
  });

  it('compresses: a repetitive value is smaller with every codec', async () => {
    const plain = (await encodeRecordBatch(records, 'none')).length;
    for (const codec of COMPRESSIONS.slice(1)) expect((await encodeRecordBatch(records, codec)).length).toBeLessThan(plain / 10);
  });
});

/** A legacy (magic 0/1) log entry: offset, size, crc (unchecked), magic, attributes, [timestamp], key, value. */
function legacyEntry(offset: bigint, magic: 0 | 1, attributes: number, timestamp: bigint, key: Buffer | null, value: Buffer | null) {
  const bytes = (b: Buffer | null) => {
    const length = Buffer.alloc(4);
    length.writeInt32BE(b === null ? -1 : b.length);
    return b === null ? length : Buffer.concat([length, b]);
  };
  const ts = Buffer.alloc(8);
  ts.writeBigInt64BE(timestamp);
  const message = Buffer.concat([
    Buffer.alloc(4),
    Buffer.from([magic, attributes]),
    magic === 1 ? ts : Buffer.alloc(0),
    bytes(key),
    bytes(value),
  ]);
  const head = Buffer.alloc(12);
  head.writeBigInt64BE(offset);
  head.writeInt32BE(message.length, 8);
  return Buffer.concat([head, message]);
}

describe('legacy message sets (magic 0 and 1)', () => {
  it('reads plain messages with and without timestamps', () => {
    const data = Buffer.concat([
      legacyEntry(5n, 0, 0, 0n, Buffer.from('k'), Buffer.from('v0')),
      legacyEntry(6n, 1, 0, 1_500_000_000_000n, null, Buffer.from('v1')),
    ]);
    const records = decodeRecordBatches(data).flatMap((b) => b.records);
    expect(records.map((r) => [r.offset, r.timestamp, text(r.key), text(r.value)])).toEqual([
      [5n, -1, 'k', 'v0'],
      [6n, 1_500_000_000_000, null, 'v1'],
    ]);
  });

  it('unwraps a compressed magic 1 wrapper: relative inner offsets, LogAppendTime from the wrapper', () => {
    const inner = Buffer.concat([0n, 1n, 2n].map((o) => legacyEntry(o, 1, 0, 1_000n + o, null, Buffer.from(`m${o}`))));
    const wrapper = legacyEntry(42n, 1, 0x01 | 0x08, 9_999n, null, gzipSync(inner));
    const [batch] = decodeRecordBatches(wrapper);
    expect(batch!.compression).toBe('gzip');
    expect(batch!.timestampType).toBe('LogAppendTime');
    expect(batch!.records.map((r) => [r.offset, r.timestamp, text(r.value)])).toEqual([
      [40n, 9_999, 'm0'],
      [41n, 9_999, 'm1'],
      [42n, 9_999, 'm2'],
    ]);
  });

  it('refuses an unknown format', () => {
    const bad = legacyEntry(0n, 0, 0, 0n, null, Buffer.from('x'));
    bad[16] = 7;
    expect(() => decodeRecordBatches(bad)).toThrow(RecordFormatError);
  });
});

describe('zstd frames', () => {
  it('reads the content size a frame declares, and refuses one that declares more than the cap', async () => {
    const { compress, decompress, zstdDeclaredSize, MAX_DECOMPRESSED_BYTES } = await import('@/server/protocol/records/compression');
    const frame = await compress('zstd', Buffer.alloc(70_000, 3));
    expect(zstdDeclaredSize(frame)).toBe(70_000);
    expect(decompress('zstd', frame).equals(Buffer.alloc(70_000, 3))).toBe(true);
    const bomb = Buffer.from(frame);
    // Frame header: magic, descriptor; with a 4-byte size field the size follows the window byte.
    bomb[4] = 0x80; // size field of 4 bytes, no single segment, no dictionary
    bomb.writeUInt32LE(MAX_DECOMPRESSED_BYTES + 1, 6);
    expect(zstdDeclaredSize(bomb)).toBe(MAX_DECOMPRESSED_BYTES + 1);
    expect(() => decompress('zstd', bomb)).toThrow(/declares/);
    expect(zstdDeclaredSize(Buffer.from('not zstd'))).toBeNull();
  });
});
