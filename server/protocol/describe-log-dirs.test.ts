import { describe, expect, it } from 'vitest';
import { Writer } from '@/server/protocol/codec';
import { describeLogDirsApi, toBrokerLogDirs } from '@/server/protocol/describe-log-dirs';
import { decodeBody, encodeBody, pickVersion, UnsupportedApiError } from '@/server/protocol/request';

type Dir = { error: number; path: string; topics: [string, [number, bigint, boolean][]][]; total: bigint; usable: bigint };

const DIRS: Dir[] = [
  {
    error: 0,
    path: '/data/kafka-1',
    topics: [
      [
        'orders',
        [
          [0, 12_345_678_901_234n, false],
          [2, 0n, false],
        ],
      ],
      ['payments', [[1, 4096n, true]]],
    ],
    total: 500_000_000_000n,
    usable: 123_456_789_012n,
  },
  { error: 56, path: '/data/kafka-2', topics: [], total: -1n, usable: -1n },
];

/** A response as a broker would send it (after the correlation id), for the given version. */
function response(version: number, topLevelError = 0) {
  const flexible = version >= 2;
  const w = new Writer();
  if (flexible) w.emptyTaggedFields(); // response header v1 tags
  const string = (value: string) => (flexible ? w.compactString(value) : w.string(value));
  const array = <T>(items: T[], each: (w: Writer, item: T) => void) => (flexible ? w.compactArray(items, each) : w.array(items, each));
  const tags = () => {
    if (flexible) w.emptyTaggedFields();
  };
  w.int32(0); // throttle time
  if (version >= 3) w.int16(topLevelError);
  array(DIRS, (_w, dir) => {
    w.int16(dir.error);
    string(dir.path);
    array(dir.topics, (_w, [name, partitions]) => {
      string(name);
      array(partitions, (_w, [index, size, future]) => {
        w.int32(index)
          .int64(size)
          .int64(future ? 7n : 0n)
          .bool(future);
        tags();
      });
      tags();
    });
    if (version >= 4) w.int64(dir.total).int64(dir.usable);
    tags();
  });
  tags();
  return w.toBuffer();
}

describe('DescribeLogDirs', () => {
  it('encodes v1 as a null topic list (all topics)', () => {
    expect(encodeBody(describeLogDirsApi, undefined, 1).toString('hex')).toBe('ffffffff');
  });

  it.each([2, 3, 4])('encodes v%d as header tags | null compact array | tags', (version) => {
    expect(encodeBody(describeLogDirsApi, undefined, version).toString('hex')).toBe('00' + '00' + '00');
  });

  it('encodes a filter as the topics and partitions to describe, in both layouts', () => {
    const filter = [{ topic: 'ab', partitions: [0, 2] }];
    // v1: int32 count | int16-length string | int32 count, int32 partitions.
    expect(encodeBody(describeLogDirsApi, filter, 1).toString('hex')).toBe(
      '00000001' + '0002' + '6162' + '00000002' + '00000000' + '00000002',
    );
    // v2+: header tags | compact count+1 | compact string (length+1) | compact partitions | topic tags | request tags.
    expect(encodeBody(describeLogDirsApi, filter, 2).toString('hex')).toBe(
      '00' + '02' + '03' + '6162' + '03' + '00000000' + '00000002' + '00' + '00',
    );
  });

  it.each([1, 2, 3, 4])('decodes a v%d response', (version) => {
    const decoded = decodeBody(describeLogDirsApi, response(version), version);
    expect(decoded.errorCode).toBe(0);
    expect(decoded.results.map((d) => [d.errorCode, d.logDir])).toEqual([
      [0, '/data/kafka-1'],
      [56, '/data/kafka-2'],
    ]);
    expect(decoded.results[0]!.topics[1]!.partitions[0]).toEqual({ partition: 1, size: 4096n, offsetLag: 7n, isFutureKey: true });

    const plain = toBrokerLogDirs(2, decoded);
    expect(plain.brokerId).toBe(2);
    const [healthy, offline] = plain.logDirs;
    expect(healthy).toEqual({
      path: '/data/kafka-1',
      error: null,
      totalBytes: version >= 4 ? '500000000000' : null,
      usableBytes: version >= 4 ? '123456789012' : null,
      partitions: [
        // Beyond 2^53: sizes stay exact decimal strings.
        { topic: 'orders', partition: 0, sizeBytes: '12345678901234', isFuture: false },
        { topic: 'orders', partition: 2, sizeBytes: '0', isFuture: false },
        { topic: 'payments', partition: 1, sizeBytes: '4096', isFuture: true },
      ],
    });
    expect(offline).toMatchObject({ path: '/data/kafka-2', totalBytes: null, usableBytes: null, partitions: [] });
    expect(offline!.error).toMatch(/^KAFKA_STORAGE_ERROR: /);
  });

  it('reads the v3+ top-level error code', () => {
    expect(decodeBody(describeLogDirsApi, response(3, 31), 3).errorCode).toBe(31);
  });

  it('fails loudly on a truncated response', () => {
    const full = response(4);
    expect(() => decodeBody(describeLogDirsApi, full.subarray(0, full.length - 5), 4)).toThrow(/truncated/);
  });

  it('negotiates v1-v4: 4 on Kafka 3.x and 4.x, refuses a broker offering v0 only', () => {
    expect(pickVersion(describeLogDirsApi, { 35: { minVersion: 0, maxVersion: 4 } })).toBe(4);
    expect(pickVersion(describeLogDirsApi, { 35: { minVersion: 1, maxVersion: 5 } })).toBe(4);
    expect(pickVersion(describeLogDirsApi, { 35: { minVersion: 0, maxVersion: 2 } })).toBe(2);
    expect(() => pickVersion(describeLogDirsApi, { 35: { minVersion: 0, maxVersion: 0 } })).toThrow(UnsupportedApiError);
  });
});
