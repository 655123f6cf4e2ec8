// From two consecutive passes to the stored series (names and units are the metrics API's). Pure.
import { isInternalTopicName } from '@/lib/schemas/topic-name';
import type { MetricPointInput } from '@/server/metrics/write';
import { partitionKey } from '@/server/kafka/partition-key';
import { largestTimeLag } from '@/server/lag/time-lag';
import type { ClusterReading, PassReading } from '@/server/metrics/pass-reading-types';
import { partitionRates, type BytesPerMessage, type PartitionRates } from '@/server/metrics/partition-rates';

/** What a pass leaves for the next one. */
export type DeriveState = {
  /** The last cluster reading newer than the one before it, and the per-partition rates it gave. */
  cluster: ClusterReading | null;
  rates: ReadonlyMap<string, PartitionRates>;
  /** Measured per partition whenever newer log sizes arrive (they may be read less often than the passes). */
  bytesPerMessage: BytesPerMessage;
  /** Committed offsets per group and partitionKey at `groupsTime`. */
  committed: ReadonlyMap<string, ReadonlyMap<string, number>>;
  groupsTime: number | null;
};

export const initialDeriveState = (): DeriveState => ({
  cluster: null,
  rates: new Map(),
  bytesPerMessage: new Map(),
  committed: new Map(),
  groupsTime: null,
});

type Sum = { value: number; known: boolean };
const add = (sums: Map<string, Sum>, key: string, value: number | null) => {
  const sum = sums.get(key) ?? { value: 0, known: false };
  if (value !== null) sums.set(key, { value: sum.value + value, known: true });
  else sums.set(key, sum);
};
const valueOf = (sum: Sum | undefined) => (sum?.known ? sum.value : null);

/**
 * The points of one pass and the state for the next. Rates (per second) come from the previous pass: null on the
 * first one. A partition counts only where both passes read it; a sum is null when none of its parts is known.
 * A cluster reading no newer than the last (the snapshot was shared) keeps the last rates. Totals over the cluster
 * and brokers leave internal topics out (their traffic is commits and transaction markers, not data).
 */
export function derivePass(state: DeriveState, pass: PassReading): { points: MetricPointInput[]; state: DeriveState } {
  const points: MetricPointInput[] = [];
  const point = (
    scope: MetricPointInput['scope'],
    key: string,
    metric: string,
    unit: string,
    value: number | null,
    labels?: Record<string, string>,
  ) => points.push({ scope, key, metric, unit, value, ...(labels ? { labels } : {}) });

  const newer = state.cluster === null || pass.cluster.time > state.cluster.time;
  const { rates, bytesPerMessage } = newer
    ? partitionRates(state.cluster, pass.cluster, state.bytesPerMessage)
    : { rates: state.rates, bytesPerMessage: state.bytesPerMessage };

  const topicMessages = new Map<string, Sum>();
  const topicBytes = new Map<string, Sum>();
  const topicSize = new Map<string, Sum>();
  const brokerMessages = new Map<string, Sum>();
  const brokerBytes = new Map<string, Sum>();
  const clusterMessages = new Map<string, Sum>();
  const clusterBytes = new Map<string, Sum>();
  for (const [key, partition] of pass.cluster.partitions) {
    const rate = rates.get(key);
    add(topicMessages, partition.topic, rate?.messagesPerSec ?? null);
    add(topicBytes, partition.topic, rate?.bytesPerSec ?? null);
    add(topicSize, partition.topic, partition.leaderSizeBytes);
    // Kafka's internal topics (`__consumer_offsets`, …) are not traffic: left out of the cluster's totals.
    if (isInternalTopicName(partition.topic)) continue;
    add(clusterMessages, '', rate?.messagesPerSec ?? null);
    add(clusterBytes, '', rate?.bytesPerSec ?? null);
    if (partition.leader !== null) {
      add(brokerMessages, String(partition.leader), rate?.messagesPerSec ?? null);
      add(brokerBytes, String(partition.leader), rate?.bytesPerSec ?? null);
    }
  }
  for (const [topic, sum] of topicMessages) {
    point('topic', topic, 'messagesInPerSec', 'msg/s', valueOf(sum));
    point('topic', topic, 'bytesInPerSec', 'B/s', valueOf(topicBytes.get(topic)));
    point('topic', topic, 'sizeBytes', 'B', valueOf(topicSize.get(topic)));
  }
  for (const [broker, disk] of pass.cluster.brokerDiskBytes) {
    const id = String(broker);
    // A broker that leads no (non-internal) partition takes in nothing, known as such when it answered; one that
    // leads partitions whose rates are all unknown (the first pass) is unknown too.
    const idle = disk === null ? null : 0;
    point('broker', id, 'messagesInPerSec', 'msg/s', brokerMessages.has(id) ? valueOf(brokerMessages.get(id)) : idle);
    point('broker', id, 'bytesInPerSec', 'B/s', brokerBytes.has(id) ? valueOf(brokerBytes.get(id)) : idle);
    point('broker', id, 'diskUsedBytes', 'B', disk);
  }

  const groups = deriveGroups(state, pass, rates, point);
  point('cluster', '', 'messagesInPerSec', 'msg/s', valueOf(clusterMessages.get('')));
  point('cluster', '', 'bytesInPerSec', 'B/s', valueOf(clusterBytes.get('')));
  point('cluster', '', 'messagesConsumedPerSec', 'msg/s', groups.consumed);
  point('cluster', '', 'totalLag', 'msg', groups.totalLag);
  point('cluster', '', 'maxTimeLagSeconds', 's', groups.maxTimeLagSeconds);
  point('cluster', '', 'partialPass', 'bool', pass.partial ? 1 : 0);

  return {
    points,
    state: { cluster: newer ? pass.cluster : state.cluster, rates, bytesPerMessage, committed: groups.committed, groupsTime: pass.time },
  };
}

type PointFn = (
  scope: MetricPointInput['scope'],
  key: string,
  metric: string,
  unit: string,
  value: number | null,
  labels?: Record<string, string>,
) => void;

/** Per group: lag and time lag (total and per topic), consumed and produced messages a second; and the cluster's sums. */
function deriveGroups(state: DeriveState, pass: PassReading, rates: ReadonlyMap<string, PartitionRates>, point: PointFn) {
  const seconds = state.groupsTime === null ? null : (pass.time - state.groupsTime) / 1000;
  const committed = new Map<string, Map<string, number>>();
  let consumedTotal: number | null = null;
  let lagTotal: number | null = null;
  let maxTimeLagSeconds: number | null = null;
  for (const group of pass.groups) {
    const before = state.committed.get(group.groupId);
    const now = new Map<string, number>();
    const lag = new Map<string, Sum>();
    const topicRows = new Map<string, PassReading['groups'][number]['rows'][number][]>();
    let consumed: number | null = null;
    let produced: number | null = null;
    for (const row of group.rows) {
      const key = partitionKey(row.topic, row.partition);
      add(lag, row.topic, row.lag);
      topicRows.set(row.topic, [...(topicRows.get(row.topic) ?? []), row]);
      if (row.committed === null) continue;
      now.set(key, row.committed);
      const previous = before?.get(key);
      // A committed offset that went back was reset: not consumption.
      if (seconds !== null && seconds > 0 && previous !== undefined && row.committed >= previous)
        consumed = (consumed ?? 0) + (row.committed - previous) / seconds;
      const rate = rates.get(key)?.messagesPerSec;
      if (rate !== undefined && rate !== null) produced = (produced ?? 0) + rate;
    }
    committed.set(group.groupId, now);
    const total = valueOf(
      [...lag.values()].reduce<Sum>((s, l) => (l.known ? { value: s.value + l.value, known: true } : s), { value: 0, known: false }),
    );
    // The pages' rule: the largest known figure, never 0 while a lagging partition's is unknown.
    const inSeconds = (rows: PassReading['groups'][number]['rows']) => {
      const { ms } = largestTimeLag(rows);
      return ms === null ? null : ms / 1000;
    };
    const timeLag = new Map([...topicRows].map(([topic, rows]) => [topic, inSeconds(rows)]));
    const maxTimeLag = inSeconds(group.rows);
    point('group', group.groupId, 'lag', 'msg', total);
    for (const [topic, sum] of lag) point('group', group.groupId, 'lag', 'msg', valueOf(sum), { topic });
    point('group', group.groupId, 'timeLagSeconds', 's', maxTimeLag);
    for (const [topic, seconds] of timeLag) point('group', group.groupId, 'timeLagSeconds', 's', seconds, { topic });
    point('group', group.groupId, 'messagesConsumedPerSec', 'msg/s', consumed);
    point('group', group.groupId, 'messagesInPerSec', 'msg/s', produced);
    if (consumed !== null) consumedTotal = (consumedTotal ?? 0) + consumed;
    if (total !== null) lagTotal = (lagTotal ?? 0) + total;
    if (maxTimeLag !== null) maxTimeLagSeconds = Math.max(maxTimeLagSeconds ?? 0, maxTimeLag);
  }
  return { committed, consumed: consumedTotal, totalLag: lagTotal, maxTimeLagSeconds };
}
