import 'server-only';
import { VIEW_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { withKafka } from '@/server/kafka/clients';
import { freshCache } from '@/server/kafka/fresh-cache';
import { readLogDirs, type BrokerLogDirsResult } from '@/server/kafka/log-dirs';
import { readClusterMetadata, type ClusterMetadata } from '@/server/kafka/metadata';
import { withQuorum } from '@/server/kafka/quorum';

/** What a broker's page shows of the cluster, read for that broker. */
export type BrokerView = {
  /** Every broker and partition (its leader and replica counts, and their skew, are relative to all of them). */
  metadata: ClusterMetadata;
  /** This broker's DescribeLogDirs answer (empty when it is not live). */
  logDirs: BrokerLogDirsResult[];
};

/**
 * One broker read on its own: Metadata (with the quorum, for the controller badge) and DescribeLogDirs of this
 * broker only. Not the cluster snapshot's ListOffsets for every partition, nor every broker's log dirs.
 */
async function readBrokerView(clusterId: string, brokerId: number): Promise<BrokerView> {
  return withKafka(clusterId, async (connection) => {
    const layout = await readClusterMetadata(connection);
    const live = layout.brokers.some((b) => b.id === brokerId);
    const [metadata, logDirs] = await Promise.all([withQuorum(clusterId, layout), live ? readLogDirs(connection, [brokerId]) : []]);
    return { metadata, logDirs };
  });
}

/** Bounded: ids come from URLs, and an id that is no broker is read (and answered 404) like any other. */
const MAX_VIEWS = 1_000;
const views = freshCache(
  'broker-view',
  (_key, broker: { clusterId: string; id: number } | undefined) => readBrokerView(broker!.clusterId, broker!.id),
  { maxKeys: MAX_VIEWS },
);

/** The broker's view, shared by its viewers while younger than `maxAgeMs` (single-flight). */
export function getBrokerView(clusterId: string, brokerId: number, { maxAgeMs = VIEW_MAX_AGE_MS } = {}): Promise<BrokerView> {
  return views(`${clusterId}\u0000${brokerId}`, maxAgeMs, { options: { clusterId, id: brokerId } });
}
