import { z } from 'zod';
import { brokerId, epochMs } from '@/lib/schemas/common';

export const riskReasonSchema = z.enum(['offline', 'leaderless', 'under-min-isr', 'under-replicated', 'non-preferred-leader']);

/**
 * Who could still become a clean leader of a partition below min ISR (KIP-966): the replicas in the ISR or among the
 * eligible leader replicas, in replica order. Empty: only an unclean election (data loss) can give it a leader
 * once the current one is gone; `lastKnownElr` then names the replicas that were eligible last.
 */
export const cleanLeaderSchema = z
  .object({
    candidates: z.array(brokerId),
    eligibleLeaderReplicas: z.array(brokerId),
    lastKnownElr: z.array(brokerId),
  })
  .meta({ id: 'CleanLeaderCandidates' });
export type CleanLeader = z.infer<typeof cleanLeaderSchema>;

export const atRiskPartitionSchema = z.object({
  topic: z.string(),
  partition: z.number().int().nonnegative(),
  reasons: z.array(riskReasonSchema).min(1),
  /**
   * Partitions under min ISR only: the clean leader candidates; null where the cluster does not track eligible
   * leader replicas (ZooKeeper mode, Kafka before 3.8, eligible.leader.replicas.version 0) or they could not be read.
   */
  cleanLeader: cleanLeaderSchema.nullable().optional(),
});
export type AtRiskPartition = z.infer<typeof atRiskPartitionSchema>;

export const clusterHealthResponseSchema = z
  .object({
    asOf: epochMs,
    partial: z.boolean().optional(),
    /** Every at-risk partition, worst reason first; topics by name, partitions by number. */
    partitions: z.array(atRiskPartitionSchema),
  })
  .meta({ id: 'ClusterHealthResponse' });
export type ClusterHealthResponse = z.infer<typeof clusterHealthResponseSchema>;
