import type { PartitionLayout } from '@/server/kafka/metadata';

/**
 * Why a partition is at risk, worst first:
 * - offline: every replica is offline (nothing can serve it until a replica returns);
 * - leaderless: no leader (unavailable: an election is pending or would have to be unclean);
 * - under-min-isr: fewer in-sync replicas than min.insync.replicas (acks=all producers are refused), or no leader
 *   at all (nothing accepts writes; kafka-topics --under-min-isr-partitions counts these too, whatever the ISR:
 *   ZooKeeper mode keeps the last replica in the ISR of a leaderless partition);
 * - under-replicated: some replica is out of sync;
 * - non-preferred-leader: the leader is not the first replica (load is off balance).
 */
export const RISK_REASONS = ['offline', 'leaderless', 'under-min-isr', 'under-replicated', 'non-preferred-leader'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export function partitionRisks(p: PartitionLayout, minIsr: number): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (p.replicas.length > 0 && p.replicas.every((r) => p.offlineReplicas.includes(r))) reasons.push('offline');
  if (p.leader === null) reasons.push('leaderless');
  if (p.leader === null || p.isr.length < minIsr) reasons.push('under-min-isr');
  if (p.isr.length < p.replicas.length) reasons.push('under-replicated');
  if (p.leader !== null && p.leader !== p.replicas[0]) reasons.push('non-preferred-leader');
  return reasons;
}

/**
 * The replicas a clean election could still choose (KIP-966): those in the ISR or the ELR, in replica order. null
 * when the broker does not track the ELR (it answers null, not an empty list).
 */
export function cleanLeaderCandidates(
  p: Pick<PartitionLayout, 'replicas' | 'isr'>,
  elr: { eligibleLeaderReplicas: number[] | null; lastKnownElr: number[] | null } | undefined,
) {
  if (!elr || elr.eligibleLeaderReplicas === null) return null;
  const eligible = new Set([...p.isr, ...elr.eligibleLeaderReplicas]);
  return {
    candidates: p.replicas.filter((r) => eligible.has(r)),
    eligibleLeaderReplicas: elr.eligibleLeaderReplicas,
    lastKnownElr: elr.lastKnownElr ?? [],
  };
}
