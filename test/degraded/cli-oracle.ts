// What Kafka's own tools say about a degraded cluster: every partition's layout, which replicas are offline, and
// the partitions `kafka-topics --describe` lists under each of its risk filters. The tests compare the console's
// answers with this, never with numbers written into the test.
import type { RiskReason } from '@/server/cluster-state/partition-health';
import { kafkaCli, parseBrokerApiVersions, parseTopicsDescribe, type CliPartition } from '../support/cli';

export type CliLayout = CliPartition & { offlineReplicas: number[] };

export type CliState = {
  /** Brokers that answer (kafka-broker-api-versions). */
  live: number[];
  partitions: CliLayout[];
  /** `topic:partition` keys listed by --under-replicated-partitions, --unavailable-partitions, --under-min-isr-partitions. */
  underReplicated: Set<string>;
  unavailable: Set<string>;
  underMinIsr: Set<string>;
};

export const keyOf = (p: { topic: string; partition: number }) => `${p.topic}:${p.partition}`;
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

export function readCliState(bootstrap: string): CliState {
  const describe = (...filter: string[]) =>
    parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', ...filter]));
  const live = parseBrokerApiVersions(kafkaCli('kafka-broker-api-versions', ['--bootstrap-server', bootstrap])).map((b) => b.id);
  // kafka-topics --describe has no offline column (AdminClient's TopicPartitionInfo carries none): a replica is
  // offline when its broker is not among the live ones, which is what Metadata's offline_replicas reports.
  const partitions = describe().map((p) => ({ ...p, offlineReplicas: sorted(p.replicas.filter((r) => !live.includes(r))) }));
  const keys = (rows: CliPartition[]) => new Set(rows.map(keyOf));
  return {
    live: sorted(live),
    partitions,
    underReplicated: keys(describe('--under-replicated-partitions')),
    unavailable: keys(describe('--unavailable-partitions')),
    underMinIsr: keys(describe('--under-min-isr-partitions')),
  };
}

/** A partition's layout in a comparable form: replicas in assignment order, ISR and offline replicas as sets. */
export const comparableLayout = (p: CliLayout) => ({
  topic: p.topic,
  partition: p.partition,
  leader: p.leader,
  replicas: p.replicas,
  isr: sorted(p.isr),
  offlineReplicas: sorted(p.offlineReplicas),
});

/**
 * The reasons the health view must give, from the CLI's filters: offline = every replica offline,
 * leaderless = --unavailable-partitions, under-min-isr = --under-min-isr-partitions (which lists leaderless
 * partitions too: nothing accepts their writes), under-replicated = --under-replicated-partitions,
 * non-preferred-leader = led by another replica than the first.
 */
export function expectedReasons(p: CliLayout, state: CliState): RiskReason[] {
  const key = keyOf(p);
  const reasons: [RiskReason, boolean][] = [
    ['offline', p.replicas.length > 0 && p.offlineReplicas.length === p.replicas.length],
    ['leaderless', state.unavailable.has(key)],
    ['under-min-isr', state.underMinIsr.has(key)],
    ['under-replicated', state.underReplicated.has(key)],
    ['non-preferred-leader', p.leader !== null && p.leader !== p.replicas[0]],
  ];
  return reasons.filter(([, yes]) => yes).map(([reason]) => reason);
}

/**
 * Who a clean election could choose for a partition under min ISR, as the CLI's ISR and ELR say (KIP-966: a
 * replica in either); null where the tool prints no ELR (ZooKeeper mode, brokers before 3.8).
 */
export function expectedCleanLeader(p: CliLayout) {
  if (p.elr === null || p.elr === undefined) return null;
  const eligible = new Set([...p.isr, ...p.elr]);
  return { candidates: p.replicas.filter((r) => eligible.has(r)), eligibleLeaderReplicas: p.elr, lastKnownElr: p.lastKnownElr ?? [] };
}

/** Overview counts as the CLI gives them. */
export function expectedCounts(state: CliState) {
  const count = (reason: RiskReason) => state.partitions.filter((p) => expectedReasons(p, state).includes(reason)).length;
  return {
    topics: new Set(state.partitions.map((p) => p.topic)).size,
    partitions: state.partitions.length,
    replicas: state.partitions.reduce((t, p) => t + p.replicas.length, 0),
    underReplicated: state.underReplicated.size,
    offline: count('offline'),
    underMinIsr: state.underMinIsr.size,
    leaderless: state.unavailable.size,
    nonPreferredLeaders: count('non-preferred-leader'),
  };
}
