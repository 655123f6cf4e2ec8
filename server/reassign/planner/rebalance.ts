import 'server-only';
import { groupByTopic, type PartitionRef, type Planning } from '@/server/reassign/planner/state';
import { spread } from '@/server/reassign/planner/spread';

/**
 * Rebalance: per topic, even out its replicas over every live broker (each ends with ⌊P·RF/B⌋ or ⌈P·RF/B⌉ where
 * racks allow), moving replicas only from brokers above their share to brokers below it. Minimum moves per topic:
 * Σ_b max(0, c(b) − t(b)) with the r = (P·RF mod B) ceil slots given to the brokers that hold the most.
 */
export function planRebalance(state: Planning, scope: readonly PartitionRef[]): void {
  for (const refs of groupByTopic(scope).values()) spread(state, { refs, sources: state.liveIds, targets: state.liveIds });
}
