import 'server-only';
import { ApiError } from '@/lib/errors';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { describeBrokerFeatures } from '@/server/protocol/api-versions';
import { describeQuorum, isKraftBroker } from '@/server/protocol/describe-quorum';
import type { QuorumFacts } from '@/server/quorum/voter-checks';

/** What a quorum change needs; the 409 of a cluster without it names it. */
export const QUORUM_CHANGE_REQUIRES =
  'kraft.version 1 (a dynamic controller quorum, KIP-853: Kafka 3.9+ formatted with kafka-storage format --standalone or --initial-controllers, or upgraded with kafka-features upgrade --feature kraft.version=1)';

/**
 * kraft.version, the quorum and the registered brokers, all from one broker: its ApiVersions answer carries the
 * finalized feature levels, DescribeQuorum is forwarded to the active controller. A ZooKeeper-mode cluster or a
 * static quorum (kraft.version 0) cannot change its voters: 409, before anything else is looked at.
 */
export async function readQuorumFacts(connection: KafkaConnection): Promise<QuorumFacts> {
  const facts = await onAnyBroker(connection, async (broker) => {
    if (!isKraftBroker(broker)) return null;
    const features = await describeBrokerFeatures(broker);
    const kraftVersion = features.finalized.find((f) => f.name === 'kraft.version')?.maxVersion ?? 0;
    return { kraftVersion, quorum: await describeQuorum(broker) };
  });
  if (!facts) {
    throw new ApiError(
      'CONFLICT',
      `A ZooKeeper-mode cluster has no controller quorum to change: adding or removing voters needs ${QUORUM_CHANGE_REQUIRES}`,
    );
  }
  if (facts.kraftVersion < 1) {
    throw new ApiError(
      'CONFLICT',
      `The controller quorum is static (kraft.version ${facts.kraftVersion}, controller.quorum.voters): adding or removing voters needs ${QUORUM_CHANGE_REQUIRES}`,
    );
  }
  const { brokers } = await connection.admin.describeCluster();
  return { ...facts, brokerIds: brokers.map((b) => b.nodeId) };
}
