// Kafka's on-disk and on-wire record format, read: v2 record batches (magic 2, KIP-98) and the legacy message sets
// of magic 0 and 1 (logs written before Kafka 0.11, which a broker still serves as they are on disk). Layouts from
// Kafka's DefaultRecordBatch, DefaultRecord, LegacyRecord and AbstractLegacyRecordBatch.
import { compressionOfAttributes, decompress, type Compression } from '@/server/protocol/records/compression';
import { crc32c } from '@/server/protocol/records/crc32c';
import { RecordReader } from '@/server/protocol/records/varint';

export type RecordHeader = { key: string; value: Buffer | null };

export type KafkaRecord = {
  offset: bigint;
  /** Epoch ms: the record's own (CreateTime) or the broker's (LogAppendTime, the batch's max timestamp); -1 = none. */
  timestamp: number;
  /** Views into the response or the decompressed batch: valid as long as the caller keeps them. */
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
  /** The record's producer sequence (base sequence + offset delta); null for non-idempotent producers. */
  sequence: number | null;
};

export type ControlType = 'ABORT' | 'COMMIT';

export type RecordBatch = {
  magic: number;
  baseOffset: bigint;
  /** The offset of the batch's last record as written (compaction may have removed records, never this offset). */
  lastOffset: bigint;
  compression: Compression;
  timestampType: 'CreateTime' | 'LogAppendTime';
  transactional: boolean;
  /** A transaction marker (its one record says ABORT or COMMIT) rather than data. */
  control: ControlType | null;
  /** -1 when the producer is neither idempotent nor transactional (and always for magic 0/1). */
  producerId: bigint;
  producerEpoch: number;
  /** The batch's bytes on the wire (compressed), from its offset field to its end. */
  sizeInBytes: number;
  /** How many records the batch holds, from its header (no decompression). */
  recordCount: number;
  /**
   * The records, decompressed and decoded on first access: a reader that keeps many batches waiting holds their
   * compressed bytes only, and one decompressed batch per partition at a time. Throws on a corrupt batch.
   */
  readonly records: KafkaRecord[];
};

export class RecordFormatError extends Error {
  override name = 'RecordFormatError';
}

const LOG_OVERHEAD = 12; // offset int64 + size int32
const V2_HEADER = 61; // through the record count
const ATTR_TIMESTAMP_TYPE = 0x08;
const ATTR_TRANSACTIONAL = 0x10;
const ATTR_CONTROL = 0x20;

export type DecodeOptions = {
  /** Check each v2 batch's CRC-32C, as Kafka's consumer does by default (check.crcs). */
  verifyCrc?: boolean;
};

/**
 * Every complete batch in `data` (a Fetch response's records). A batch cut off at the end is normal (the broker
 * stops at the partition's byte limit) and is left out; a corrupt or unreadable batch throws.
 */
export function decodeRecordBatches(data: Buffer, { verifyCrc = true }: DecodeOptions = {}): RecordBatch[] {
  const batches: RecordBatch[] = [];
  let at = 0;
  while (at + LOG_OVERHEAD <= data.length) {
    const size = data.readInt32BE(at + 8);
    const end = at + LOG_OVERHEAD + size;
    if (size < 0) throw new RecordFormatError(`negative batch size at byte ${at}`);
    if (end > data.length) break;
    if (size < 5) throw new RecordFormatError(`batch of ${size} bytes at byte ${at}`);
    const magic = data.readInt8(at + 16);
    if (magic === 2) batches.push(decodeV2Batch(data, at, end, verifyCrc));
    else if (magic === 0 || magic === 1) batches.push(...decodeLegacyEntry(data.subarray(at, end), magic));
    else throw new RecordFormatError(`unknown record format (magic ${magic}) at byte ${at}`);
    at = end;
  }
  return batches;
}

function decodeV2Batch(data: Buffer, at: number, end: number, verifyCrc: boolean): RecordBatch {
  if (end - at < V2_HEADER) throw new RecordFormatError('record batch shorter than its header');
  const baseOffset = data.readBigInt64BE(at);
  const crc = data.readUInt32BE(at + 17);
  if (verifyCrc && crc32c(data, at + 21, end) !== crc) {
    throw new RecordFormatError(`record batch at offset ${baseOffset} failed its CRC check (corrupt)`);
  }
  const attributes = data.readInt16BE(at + 21);
  const header: V2Header = {
    baseOffset,
    compression: compressionOfAttributes(attributes),
    logAppendTime: (attributes & ATTR_TIMESTAMP_TYPE) !== 0,
    baseTimestamp: Number(data.readBigInt64BE(at + 27)),
    maxTimestamp: Number(data.readBigInt64BE(at + 35)),
    baseSequence: data.readInt32BE(at + 53),
    count: data.readInt32BE(at + 57),
    payload: data.subarray(at + V2_HEADER, end),
  };
  let records: KafkaRecord[] | null = null;
  const batch: RecordBatch = {
    magic: 2,
    baseOffset,
    lastOffset: baseOffset + BigInt(data.readInt32BE(at + 23)),
    compression: header.compression,
    timestampType: header.logAppendTime ? 'LogAppendTime' : 'CreateTime',
    transactional: (attributes & ATTR_TRANSACTIONAL) !== 0,
    control: null,
    producerId: data.readBigInt64BE(at + 43),
    producerEpoch: data.readInt16BE(at + 51),
    sizeInBytes: end - at,
    recordCount: Math.max(0, header.count),
    get records() {
      records ??= decodeV2Records(header);
      return records;
    },
  };
  // A marker's kind is in its one record: read now (control batches are tiny and never compressed in practice).
  if ((attributes & ATTR_CONTROL) !== 0) batch.control = controlType(batch.records[0]);
  return batch;
}

type V2Header = {
  baseOffset: bigint;
  compression: Compression;
  logAppendTime: boolean;
  baseTimestamp: number;
  maxTimestamp: number;
  baseSequence: number;
  count: number;
  /** The records section as written (compressed when the batch is). */
  payload: Buffer;
};

function decodeV2Records({
  baseOffset,
  compression,
  logAppendTime,
  baseTimestamp,
  maxTimestamp,
  baseSequence,
  count,
  payload,
}: V2Header): KafkaRecord[] {
  const body = compression === 'none' ? payload : decompress(compression, payload);
  const reader = new RecordReader(body);
  const records: KafkaRecord[] = new Array(Math.max(0, count));
  for (let i = 0; i < count; i += 1) {
    const length = reader.varint();
    const recordEnd = reader.at + length;
    reader.int8(); // record attributes: unused
    const timestampDelta = reader.varlong();
    const offsetDelta = reader.varint();
    const key = reader.bytes(reader.varint());
    const value = reader.bytes(reader.varint());
    const headerCount = reader.varint();
    const headers: RecordHeader[] = new Array(Math.max(0, headerCount));
    for (let h = 0; h < headerCount; h += 1) {
      const headerKey = reader.bytes(reader.varint());
      headers[h] = { key: headerKey ? headerKey.toString('utf8') : '', value: reader.bytes(reader.varint()) };
    }
    if (reader.at !== recordEnd) throw new RecordFormatError(`record ${i} of the batch at offset ${baseOffset} is not as long as it says`);
    records[i] = {
      offset: baseOffset + BigInt(offsetDelta),
      timestamp: logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta,
      key,
      value,
      headers,
      sequence: baseSequence < 0 ? null : (baseSequence + offsetDelta) % 2_147_483_648,
    };
  }
  return records;
}

/** A control record's key: version int16, type int16 (0 ABORT, 1 COMMIT; Kafka's ControlRecordType). */
function controlType(record: KafkaRecord | undefined): ControlType {
  const type = record?.key && record.key.length >= 4 ? record.key.readInt16BE(2) : -1;
  if (type === 0) return 'ABORT';
  if (type === 1) return 'COMMIT';
  throw new RecordFormatError(`unknown control record type ${type}`);
}

/**
 * One legacy log entry (offset, size, message): a single message, or a compressed wrapper whose value is a message
 * set. Magic 1 wrappers hold inner offsets relative to the wrapper (whose own offset is the last inner one); magic 0
 * inner offsets are absolute. The CRC-32 of magic 0/1 is not checked (Node 20's zlib has no crc32).
 */
function decodeLegacyEntry(entry: Buffer, magic: number): RecordBatch[] {
  const offset = entry.readBigInt64BE(0);
  const reader = new RecordReader(entry, LOG_OVERHEAD + 5); // crc int32, magic int8
  const attributes = reader.int8();
  const timestamp = magic >= 1 ? Number(readInt64(reader)) : -1;
  const key = reader.bytes(readInt32(reader));
  const value = reader.bytes(readInt32(reader));
  const compression = compressionOfAttributes(attributes);
  const logAppendTime = magic >= 1 && (attributes & ATTR_TIMESTAMP_TYPE) !== 0;
  const batch = (records: KafkaRecord[]): RecordBatch => ({
    magic,
    baseOffset: records[0]?.offset ?? offset,
    lastOffset: offset,
    compression,
    timestampType: logAppendTime ? 'LogAppendTime' : 'CreateTime',
    transactional: false,
    control: null,
    producerId: -1n,
    producerEpoch: -1,
    sizeInBytes: entry.length,
    recordCount: records.length,
    records,
  });
  if (compression === 'none') return [batch([{ offset, timestamp, key, value, headers: [], sequence: null }])];
  if (!value) throw new RecordFormatError(`compressed legacy message at offset ${offset} has no value`);
  const inner = decodeRecordBatches(decompress(compression, value), { verifyCrc: false }).flatMap((b) => b.records);
  const last = inner.at(-1)?.offset ?? 0n;
  const records = inner.map((r) => ({
    ...r,
    offset: magic === 1 ? offset - (last - r.offset) : r.offset,
    timestamp: logAppendTime ? timestamp : r.timestamp,
  }));
  return [batch(records)];
}

function readInt32(reader: RecordReader) {
  const v = reader.buf.readInt32BE(reader.at);
  reader.at += 4;
  return v;
}

function readInt64(reader: RecordReader) {
  const v = reader.buf.readBigInt64BE(reader.at);
  reader.at += 8;
  return v;
}
