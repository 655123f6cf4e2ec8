// Messages and bytes a second into each partition between two cluster readings. Pure.
import type { ClusterReading, PartitionReading } from '@/server/metrics/pass-reading-types';

export type PartitionRates = { messagesPerSec: number | null; bytesPerSec: number | null };

/** Per partition: bytes per message measured from the growth of its log between two size readings. */
export type BytesPerMessage = ReadonlyMap<string, number>;

/**
 * A log's size and its offsets come from different requests (DescribeLogDirs, ListOffsets) sent side by side, so
 * a few messages may be counted on one side only. Bytes per message is measured over at least this many messages,
 * where that skew is a few percent at most.
 */
export const MIN_MEASURED_MESSAGES = 500;

/**
 * Bytes written per offset, from the leader's log: its size over the offsets it held when the size was read. null
 * when unknown, empty, or sized at 0 (read just before its first messages arrived). (Batching and compression make
 * this an average: right over many records, not per record.)
 */
function bytesPerOffset(p: PartitionReading): number | null {
  if (p.leaderSizeBytes === null || p.sizedHighWatermark === null || p.sizedLogStartOffset === null) return null;
  const offsets = p.sizedHighWatermark - p.sizedLogStartOffset;
  return offsets > 0 && p.leaderSizeBytes > 0 ? p.leaderSizeBytes / offsets : null;
}

/** How much the leader's log grew between two size readings; undefined if a size is unknown or the leader changed. */
function growth(before: PartitionReading, now: PartitionReading) {
  if (now.leaderSizeBytes === null || before.leaderSizeBytes === null || now.leader !== before.leader) return undefined;
  if (now.sizedHighWatermark === null || before.sizedHighWatermark === null) return undefined;
  return { bytes: now.leaderSizeBytes - before.leaderSizeBytes, messages: now.sizedHighWatermark - before.sizedHighWatermark };
}

/**
 * Per partition: messages in = Δ high watermark / Δt. Bytes in, when both readings read their own sizes (every
 * pass does with metrics.logDirsEveryMs 0): Δ leader log size / Δt, exact over consecutive passes. Otherwise the
 * new messages × bytes per message: measured whenever a newer size reading shows the log grown under the same
 * leader by at least MIN_MEASURED_MESSAGES, and used until the next; never measured: the log's bytes per offset
 * (the new log's, else the old one's). So a log that shrank (retention deleted a segment, compaction) or changed
 * leader (another replica's size) is estimated too. A high watermark that went back (topic recreated, unclean
 * election) gives null: what was written in between is unknown. Empty on the first reading. Returns the bytes per
 * message to pass to the next call.
 */
export function partitionRates(
  previous: ClusterReading | null,
  current: ClusterReading,
  lastBytesPerMessage: BytesPerMessage = new Map(),
): { rates: Map<string, PartitionRates>; bytesPerMessage: BytesPerMessage } {
  const rates = new Map<string, PartitionRates>();
  if (previous === null || current.time <= previous.time) return { rates, bytesPerMessage: lastBytesPerMessage };
  const bytesPerMessage = new Map<string, number>();
  const seconds = (current.time - previous.time) / 1000;
  const newSizes = current.sizesTime > previous.sizesTime;
  const ownSizes = previous.sizesTime === previous.time && current.sizesTime === current.time;
  for (const [key, now] of current.partitions) {
    const before = previous.partitions.get(key);
    if (!before || now.highWatermark === null || before.highWatermark === null || now.highWatermark < before.highWatermark) {
      rates.set(key, { messagesPerSec: null, bytesPerSec: null });
      continue;
    }
    const grown = newSizes ? growth(before, now) : undefined;
    const measured = grown && grown.bytes > 0 && grown.messages >= MIN_MEASURED_MESSAGES ? grown.bytes / grown.messages : undefined;
    const known = measured ?? lastBytesPerMessage.get(key);
    if (known !== undefined) bytesPerMessage.set(key, known);
    const messages = now.highWatermark - before.highWatermark;
    let bytes: number | null;
    if (messages === 0) bytes = 0;
    else if (ownSizes && grown && grown.bytes >= 0) bytes = grown.bytes;
    else {
      const perMessage = known ?? bytesPerOffset(now) ?? bytesPerOffset(before);
      bytes = perMessage === null ? null : messages * perMessage;
    }
    rates.set(key, { messagesPerSec: messages / seconds, bytesPerSec: bytes === null ? null : bytes / seconds });
  }
  return { rates, bytesPerMessage };
}
