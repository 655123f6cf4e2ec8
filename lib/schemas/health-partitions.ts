import { z } from 'zod';
import { epochMs } from '@/lib/schemas/common';

export const riskReasonSchema = z.enum(['offline', 'leaderless', 'under-min-isr', 'under-replicated', 'non-preferred-leader']);

export const clusterHealthResponseSchema = z
  .object({
    asOf: epochMs,
    partial: z.boolean().optional(),
    /** Every at-risk partition, worst reason first; topics by name, partitions by number. */
    partitions: z.array(
      z.object({ topic: z.string(), partition: z.number().int().nonnegative(), reasons: z.array(riskReasonSchema).min(1) }),
    ),
  })
  .meta({ id: 'ClusterHealthResponse' });
export type ClusterHealthResponse = z.infer<typeof clusterHealthResponseSchema>;
