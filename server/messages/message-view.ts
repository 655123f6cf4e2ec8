import { isUtf8 } from 'node:buffer';
import type { Message } from '@/lib/schemas/messages';
import type { Match } from '@/server/messages/read-records';

type Encoded = { text: string | null; encoding: 'utf8' | 'base64' | null };

/** Bytes as the API carries them: UTF-8 text when they are valid UTF-8, base64 otherwise, null for null. */
export function encodeBytes(bytes: Buffer | null): Encoded {
  if (bytes === null) return { text: null, encoding: null };
  return isUtf8(bytes) ? { text: bytes.toString('utf8'), encoding: 'utf8' } : { text: bytes.toString('base64'), encoding: 'base64' };
}

/**
 * A record as the API shows it, from its masked parts (`match.parts`) and what its batch says. Sizes are the stored
 * ones; `aborted` appears only where the read was READ_UNCOMMITTED (READ_COMMITTED never shows aborted records).
 */
export function toMessage({ pending, parts, masked }: Match, isolation: 'read_committed' | 'read_uncommitted'): Message {
  const { record, batch } = pending;
  const key = encodeBytes(parts.key);
  const value = encodeBytes(parts.value);
  const message: Message = {
    partition: pending.partition,
    offset: record.offset.toString(),
    timestamp: record.timestamp >= 0 ? record.timestamp : null,
    timestampType: record.timestamp >= 0 ? batch.timestampType : null,
    key: key.text,
    keyEncoding: key.encoding,
    value: value.text,
    valueEncoding: value.encoding,
    headers: parts.headers.map((h) => {
      const v = encodeBytes(h.value);
      return { key: h.key, value: v.text, valueEncoding: v.encoding };
    }),
    keySize: record.key?.length ?? null,
    valueSize: record.value?.length ?? null,
    compression: batch.compression,
    transactional: batch.transactional,
  };
  if (batch.producerId >= 0n) {
    message.producerId = batch.producerId.toString();
    message.producerEpoch = batch.producerEpoch;
  }
  if (record.sequence !== null) message.sequence = record.sequence;
  if (batch.control) message.control = batch.control;
  else if (batch.transactional && isolation === 'read_uncommitted') message.aborted = pending.aborted;
  if (masked) message.masked = true;
  return message;
}
