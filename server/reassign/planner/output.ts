import 'server-only';
import type { ReassignmentJson } from '@/lib/schemas/reassignments';
import { partitionKey } from '@/server/kafka/partition-key';
import type { ClusterLayout, LayoutBroker, PlanChange } from '@/server/reassign/planner/types';

// From a plan to what the server answers and the tool takes, and back to a layout (to replay a plan in tests).

const byTopicPartition = (a: { topic: string; partition: number }, b: { topic: string; partition: number }) =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;

/** The plan (`after`) or its rollback (`before`) in kafka-reassign-partitions' format, without log_dirs. */
export function toReassignmentJson(changes: readonly PlanChange[], which: 'after' | 'before'): ReassignmentJson {
  const partitions = [...changes].sort(byTopicPartition).map((c) => ({ topic: c.topic, partition: c.partition, replicas: [...c[which]] }));
  return { version: 1, partitions };
}

/** Replicas created on a broker that did not hold them (each one copies the partition's data). */
export const movedReplicas = (changes: readonly PlanChange[]) =>
  changes.reduce((sum, c) => sum + c.after.filter((b) => !c.before.includes(b)).length, 0);

/** Partitions whose preferred leader (replicas[0]) changes. */
export const leaderChanges = (changes: readonly PlanChange[]) => changes.filter((c) => c.after[0] !== c.before[0]).length;

/** The layout once a reassignment JSON has completed: its partitions take its replica lists, the rest stay. */
export function applyReassignment(layout: ClusterLayout, json: ReassignmentJson): ClusterLayout {
  const target = new Map(json.partitions.map((p) => [partitionKey(p.topic, p.partition), p.replicas]));
  return {
    brokers: layout.brokers.map((b) => ({ ...b })),
    topics: layout.topics.map((t) => ({
      ...t,
      partitions: t.partitions.map((p) => ({
        partition: p.partition,
        replicas: [...(target.get(partitionKey(t.name, p.partition)) ?? p.replicas)],
      })),
    })),
  };
}

/** A layout holding exactly the partitions of a reassignment JSON (e.g. an imported assignment), no internal topics. */
export function layoutFromReassignment(json: ReassignmentJson, brokers: readonly LayoutBroker[]): ClusterLayout {
  const topics = new Map<string, { partition: number; replicas: number[] }[]>();
  for (const p of json.partitions) {
    const partitions = topics.get(p.topic) ?? [];
    topics.set(p.topic, partitions);
    partitions.push({ partition: p.partition, replicas: [...p.replicas] });
  }
  return {
    brokers: brokers.map((b) => ({ ...b })),
    topics: [...topics].map(([name, partitions]) => ({ name, internal: false, partitions })),
  };
}
