// A v2 record batch, written as Kafka's MemoryRecordsBuilder writes it for a plain (non-idempotent) producer: base
// offset 0 (the broker assigns offsets), partition leader epoch -1, CreateTime, producer id -1, no sequence.
import { compress, COMPRESSIONS, type Compression } from '@/server/protocol/records/compression';
import { crc32c } from '@/server/protocol/records/crc32c';
import { writeVarint, writeVarlong } from '@/server/protocol/records/varint';

export type RecordToWrite = {
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
  /** Epoch ms (CreateTime). */
  timestamp: number;
};

const HEADER_BYTES = 61;

function nullableBytes(parts: (number[] | Buffer)[], bytes: Buffer | null) {
  const length: number[] = [];
  writeVarint(length, bytes === null ? -1 : bytes.length);
  parts.push(length);
  if (bytes) parts.push(bytes);
}

/** One record as DefaultRecord.writeTo lays it out: its length first, then attributes 0 and the deltas. */
function encodeRecord(record: RecordToWrite, offsetDelta: number, baseTimestamp: number): Buffer {
  const body: (number[] | Buffer)[] = [];
  const head: number[] = [0];
  writeVarlong(head, record.timestamp - baseTimestamp);
  writeVarint(head, offsetDelta);
  body.push(head);
  nullableBytes(body, record.key);
  nullableBytes(body, record.value);
  const count: number[] = [];
  writeVarint(count, record.headers.length);
  body.push(count);
  for (const header of record.headers) {
    nullableBytes(body, Buffer.from(header.key, 'utf8'));
    nullableBytes(body, header.value);
  }
  const bytes = Buffer.concat(body.map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(part))));
  const length: number[] = [];
  writeVarint(length, bytes.length);
  return Buffer.concat([Buffer.from(length), bytes]);
}

export async function encodeRecordBatch(records: readonly RecordToWrite[], compression: Compression = 'none'): Promise<Buffer> {
  if (records.length === 0) throw new Error('a record batch holds at least one record');
  const baseTimestamp = records[0]!.timestamp;
  const maxTimestamp = Math.max(...records.map((r) => r.timestamp));
  const plain = Buffer.concat(records.map((record, i) => encodeRecord(record, i, baseTimestamp)));
  const payload = await compress(compression, plain);
  const batch = Buffer.alloc(HEADER_BYTES + payload.length);
  batch.writeBigInt64BE(0n, 0); // base offset: assigned by the broker
  batch.writeInt32BE(batch.length - 12, 8);
  batch.writeInt32BE(-1, 12); // partition leader epoch
  batch.writeInt8(2, 16); // magic
  batch.writeInt16BE(COMPRESSIONS.indexOf(compression), 21); // attributes: codec; CreateTime, not transactional
  batch.writeInt32BE(records.length - 1, 23); // last offset delta
  batch.writeBigInt64BE(BigInt(baseTimestamp), 27);
  batch.writeBigInt64BE(BigInt(maxTimestamp), 35);
  batch.writeBigInt64BE(-1n, 43); // producer id
  batch.writeInt16BE(-1, 51); // producer epoch
  batch.writeInt32BE(-1, 53); // base sequence
  batch.writeInt32BE(records.length, 57);
  payload.copy(batch, HEADER_BYTES);
  batch.writeUInt32BE(crc32c(batch, 21), 17);
  return batch;
}
