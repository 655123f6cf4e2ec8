// Messages and bytes a second into each partition between two cluster readings. Pure.
import type { ClusterReading, PartitionReading } from '@/server/metrics/pass-reading';

export type PartitionRates = { messagesPerSec: number | null; bytesPerSec: number | null };

/**
 * Bytes written per offset, from the leader's log: its size over the offsets it holds. null when unknown or empty.
 * (Batching and compression make this an average: right over a pass's many records, not per record.)
 */
function bytesPerOffset(p: PartitionReading): number | null {
  if (p.leaderSizeBytes === null || p.highWatermark === null || p.logStartOffset === null) return null;
  const offsets = p.highWatermark - p.logStartOffset;
  return offsets > 0 ? p.leaderSizeBytes / offsets : null;
}

/**
 * Per partition: messages in = Δ high watermark / Δt. Bytes in = Δ leader log size / Δt — unless the log shrank
 * (retention deleted a segment, compaction) or the leader changed (another replica's size), then the new messages
 * times the log's bytes per offset. A high watermark that went back (topic recreated, unclean election) gives null:
 * what was written in between is unknown. Empty on the first reading.
 */
export function partitionRates(previous: ClusterReading | null, current: ClusterReading): Map<string, PartitionRates> {
  const rates = new Map<string, PartitionRates>();
  if (previous === null || current.time <= previous.time) return rates;
  const seconds = (current.time - previous.time) / 1000;
  for (const [key, now] of current.partitions) {
    const before = previous.partitions.get(key);
    if (!before || now.highWatermark === null || before.highWatermark === null || now.highWatermark < before.highWatermark) {
      rates.set(key, { messagesPerSec: null, bytesPerSec: null });
      continue;
    }
    const messages = now.highWatermark - before.highWatermark;
    let bytes: number | null = null;
    const grown = now.leaderSizeBytes !== null && before.leaderSizeBytes !== null ? now.leaderSizeBytes - before.leaderSizeBytes : null;
    if (messages === 0) bytes = 0;
    else if (grown !== null && grown >= 0 && now.leader === before.leader) bytes = grown;
    else {
      const perOffset = bytesPerOffset(now) ?? bytesPerOffset(before);
      bytes = perOffset === null ? null : messages * perOffset;
    }
    rates.set(key, { messagesPerSec: messages / seconds, bytesPerSec: bytes === null ? null : bytes / seconds });
  }
  return rates;
}
