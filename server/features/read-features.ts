import 'server-only';
import { ApiError } from '@/lib/errors';
import type { ClusterFeature, ClusterFeaturesResponse } from '@/lib/schemas/features';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { featureLevelLabel } from '@/server/features/metadata-versions';
import { onBrokers } from '@/server/kafka/broker-wave';
import { withKafka } from '@/server/kafka/clients';
import { describeBrokerFeatures, type BrokerFeatures } from '@/server/protocol/api-versions';

export const FEATURES_REQUIRE = 'KRaft mode: a ZooKeeper-era cluster finalizes no feature levels (KIP-584, KIP-778)';

type Answer = { nodeId: number; features: BrokerFeatures };

const newestEpoch = (answers: Answer[]) =>
  answers.reduce((newest, a) => (BigInt(a.features.finalizedEpoch ?? -1) > BigInt(newest.features.finalizedEpoch ?? -1) ? a : newest));

/** The cluster's features from each broker's answer; pure, for the unit tests. */
export function combineFeatures(answers: Answer[]): { finalizedEpoch: string; features: ClusterFeature[] } | null {
  if (answers.length === 0) return null;
  // Brokers learn finalized levels from the metadata log: the one furthest along has the latest.
  const newest = newestEpoch(answers);
  const names = [...new Set(answers.flatMap((a) => a.features.supported.map((f) => f.name)))].sort();
  // ZooKeeper-era brokers answer an epoch (0) and no feature at all.
  if (newest.features.finalizedEpoch === null || names.length === 0) return null;
  const features = names.map((name): ClusterFeature => {
    const nodes = answers.flatMap((a) => {
      const range = a.features.supported.find((f) => f.name === name);
      return range ? [{ nodeId: a.nodeId, minLevel: range.minVersion, maxLevel: range.maxVersion }] : [];
    });
    // A broker that does not know the feature supports only level 0 of it.
    const everyone = nodes.length === answers.length;
    const supportedMinLevel = Math.max(...nodes.map((n) => n.minLevel));
    const supportedMaxLevel = everyone ? Math.min(...nodes.map((n) => n.maxLevel)) : 0;
    const finalizedLevel = newest.features.finalized.find((f) => f.name === name)?.maxVersion ?? 0;
    return {
      name,
      finalizedLevel,
      supportedMinLevel: Math.min(supportedMinLevel, supportedMaxLevel),
      supportedMaxLevel,
      labels: {
        finalized: featureLevelLabel(name, finalizedLevel),
        supportedMin: featureLevelLabel(name, Math.min(supportedMinLevel, supportedMaxLevel)),
        supportedMax: featureLevelLabel(name, supportedMaxLevel),
      },
      nodes,
    };
  });
  return { finalizedEpoch: newest.features.finalizedEpoch, features };
}

/**
 * The cluster's feature flags (what `kafka-features describe` prints) with every broker's supported range: one
 * ApiVersions v3+ per broker, whose tagged fields carry them. Controllers are not asked (the console connects to
 * brokers); Kafka checks them itself when a feature is upgraded.
 */
export async function readClusterFeatures(clusterId: string): Promise<ClusterFeaturesResponse> {
  const { metadata } = await getClusterSnapshot(clusterId, { logDirsMaxAgeMs: Infinity });
  const outcomes = await withKafka(clusterId, (connection) =>
    onBrokers(
      connection,
      metadata.brokers.map((b) => b.id),
      describeBrokerFeatures,
    ),
  );
  const answers = outcomes.flatMap((o) => (o.ok ? [{ nodeId: o.brokerId, features: o.value }] : []));
  const unreadBrokers = outcomes.flatMap((o) => (o.ok ? [] : [{ nodeId: o.brokerId, error: o.error }]));
  if (answers.length === 0) {
    throw new ApiError('KAFKA_UNAVAILABLE', `no broker answered ApiVersions: ${unreadBrokers.map((b) => b.error).join('; ')}`);
  }
  const combined = combineFeatures(answers);
  if (!combined) return { supported: false, requires: FEATURES_REQUIRE };
  return {
    supported: true,
    asOf: Date.now(),
    ...combined,
    unreadBrokers,
    ...(unreadBrokers.length ? { partial: true } : {}),
  };
}
