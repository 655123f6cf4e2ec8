import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';

/** The part of kafkajs's Broker this module calls (not in kafkajs-internals.d.ts's KafkajsBroker). */
type CoordinatorLookup = {
  findGroupCoordinator(args: { groupId: string }): Promise<{ coordinator: { nodeId: number; host: string; port: number } }>;
};

/**
 * The broker id coordinating `groupId`, asked of any broker: only for the NOT_COORDINATOR fallback (coordinators
 * moved since ListGroups mapped them). kafkajs's own FindCoordinator is reused: it negotiates v0-v2, which
 * Kafka 3.9 and 4.x both still serve (KIP-896 kept FindCoordinator v0+), and it is counted under kafkajs's name
 * for API 10, "GroupCoordinator". A per-group lookup is enough here; batching (v4+, KIP-699) would only pay off
 * if many coordinators moved at once. Errors (COORDINATOR_NOT_AVAILABLE while __consumer_offsets has no leader)
 * are kafkajs's typed protocol errors.
 */
export async function findGroupCoordinatorId(broker: KafkajsBroker, groupId: string): Promise<number> {
  const lookup = broker as unknown as CoordinatorLookup;
  const { coordinator } = await lookup.findGroupCoordinator({ groupId });
  return coordinator.nodeId;
}
