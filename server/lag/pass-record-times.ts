import 'server-only';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { withKafka } from '@/server/kafka/clients';
import { partitionKey } from '@/server/kafka/partition-key';
import { commitsOffsets, type LagGroup } from '@/server/lag/lag-groups';
import { hwmTable, type LagSampleStore } from '@/server/lag/lag-samples';
import { fillRecordTimes, type RecordTimeWanted } from '@/server/lag/record-times';
import { timeLagMs } from '@/server/lag/time-lag';

/** A pass waits at most this long for record times; what is not read by then is looked up on the next pass. */
const FILL_DEADLINE_MS = 5_000;

/**
 * Reads the record times that the groups' lagging partitions need because interpolation has no answer for them
 * (no sampler, or a high watermark that stood still while the table was kept). Called by each sampler pass before
 * it is recorded (history, alerts and /metrics then see the same figure as the pages) and by a group's page for its
 * own partitions. Never rejects.
 */
export async function fillGroupRecordTimes(
  clusterId: string,
  asOf: number,
  groups: readonly LagGroup[],
  store: LagSampleStore | null,
): Promise<void> {
  const needed = new Map<string, { topic: string; partition: number; offset: string; highWatermark: string }>();
  for (const group of groups) {
    if (group.error || !commitsOffsets(group)) continue;
    for (const { topic, partition, committed, highWatermark: hwm } of group.rows) {
      if (committed === null || hwm === null || BigInt(committed) >= BigInt(hwm)) continue;
      const table = store ? hwmTable(store, topic, partition) : [];
      if (timeLagMs(table, Number(committed), Number(hwm), asOf) !== null) continue;
      needed.set(`${partitionKey(topic, partition)}\u0000${committed}`, { topic, partition, offset: committed, highWatermark: hwm });
    }
  }
  if (needed.size === 0) return;
  try {
    const { metadata } = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: Infinity });
    const leaders = new Map<string, number | null>();
    for (const t of metadata.topics) for (const p of t.partitions) leaders.set(partitionKey(t.name, p.partition), p.leader);
    const wanted: RecordTimeWanted[] = [...needed.values()].map((n) => ({
      ...n,
      leader: leaders.get(partitionKey(n.topic, n.partition)) ?? null,
    }));
    await withKafka(clusterId, (connection) => fillRecordTimes(connection, wanted), { channel: 'records', deadlineMs: FILL_DEADLINE_MS });
  } catch {
    // Unknown stays unknown (null): the next pass or page view tries again.
  }
}
