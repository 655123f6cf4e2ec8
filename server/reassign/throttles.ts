// Replication throttles as kafka-reassign-partitions sets them: per topic, which replicas a leader may throttle
// (`partition:broker` for each current replica of a moving partition) and which followers (`partition:broker` for
// each replica being added); per broker, the rate for both. Pure: the worker applies them with IncrementalAlterConfigs.
import type { PartitionProgress } from '@/server/reassign/job-progress';
import { addedReplicas } from '@/server/reassign/job-progress';

export const LEADER_REPLICAS = 'leader.replication.throttled.replicas';
export const FOLLOWER_REPLICAS = 'follower.replication.throttled.replicas';
export const LEADER_RATE = 'leader.replication.throttled.rate';
export const FOLLOWER_RATE = 'follower.replication.throttled.rate';

export type TopicThrottle = { topic: string; leader: string[]; follower: string[] };

type Move = Pick<PartitionProgress, 'topic' | 'partition' | 'before' | 'target'>;

/** The topic throttle entries a set of moves needs, per topic, sorted. */
export function topicThrottles(moves: readonly Move[]): TopicThrottle[] {
  const byTopic = new Map<string, { leader: Set<string>; follower: Set<string> }>();
  for (const move of moves) {
    const added = addedReplicas(move);
    if (added.length === 0) continue;
    const entry = byTopic.get(move.topic) ?? { leader: new Set<string>(), follower: new Set<string>() };
    byTopic.set(move.topic, entry);
    for (const b of move.before) entry.leader.add(`${move.partition}:${b}`);
    for (const b of added) entry.follower.add(`${move.partition}:${b}`);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return [...byTopic]
    .map(([topic, e]) => ({ topic, leader: sorted(e.leader), follower: sorted(e.follower) }))
    .sort((a, b) => (a.topic < b.topic ? -1 : 1));
}

/** Brokers whose replication the rate applies to: every replica before and after of a moving partition. */
export function throttledBrokers(moves: readonly Move[]): number[] {
  const brokers = new Set<number>();
  for (const move of moves) if (addedReplicas(move).length > 0) for (const b of [...move.before, ...move.target]) brokers.add(b);
  return [...brokers].sort((a, b) => a - b);
}

/**
 * A throttle list value merged with entries the job needs: `*` (every replica) already covers them and is kept;
 * otherwise the union, so other throttles set by hand or by another job stay in force.
 */
export function mergeThrottleList(existing: string | null | undefined, entries: readonly string[]): string {
  const current = (existing ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (current.includes('*')) return '*';
  return [...new Set([...current, ...entries])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(',');
}

/** The value left once a job's entries are removed; null when nothing is left (delete the key), `*` stays. */
export function removeFromThrottleList(existing: string | null | undefined, entries: readonly string[]): string | null {
  const current = (existing ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (current.includes('*')) return '*';
  const gone = new Set(entries);
  const left = current.filter((e) => !gone.has(e));
  return left.length > 0 ? left.join(',') : null;
}
