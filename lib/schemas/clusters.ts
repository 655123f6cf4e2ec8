import { z } from 'zod';
import { brokerId, clusterIdSchema } from '@/lib/schemas/common';

export const clusterStatusSchema = z.enum(['ok', 'degraded', 'unreachable']);
export type ClusterStatus = z.infer<typeof clusterStatusSchema>;

export const clusterSummarySchema = z
  .object({
    id: clusterIdSchema,
    name: z.string(),
    readOnly: z.boolean(),
    /** degraded = reachable, but a broker seen before is missing or partitions are offline. */
    status: clusterStatusSchema,
    brokerCount: z.number().int().nonnegative().nullable(),
    controllerId: brokerId.nullable(),
  })
  .meta({ id: 'ClusterSummary' });
export type ClusterSummary = z.infer<typeof clusterSummarySchema>;

export const clusterListResponseSchema = z.object({ clusters: z.array(clusterSummarySchema) }).meta({ id: 'ClusterListResponse' });
export type ClusterListResponse = z.infer<typeof clusterListResponseSchema>;
