import { z } from 'zod';
import { brokerId, epochMs, int64String } from '@/lib/schemas/common';

export const brokerSchema = z
  .object({
    id: brokerId,
    host: z.string(),
    port: z.number().int().min(1).max(65535),
    rack: z.string().nullable(),
    /** down = seen before by the console and now missing from the cluster's metadata. */
    status: z.enum(['up', 'down']),
    /** Partitions this broker leads. */
    leaderCount: z.number().int().nonnegative(),
    /** Partition replicas assigned to this broker, in sync or not. */
    replicaCount: z.number().int().nonnegative(),
    /** Partitions whose preferred (first) replica is this broker. */
    preferredLeaderCount: z.number().int().nonnegative(),
    /** Σ replica sizes in its log dirs; null when they could not be read. */
    sizeBytes: int64String.nullable(),
    /** Σ over log dirs of the volume's size and free space (Kafka ≥ 3.3 reports them); null when unknown. */
    totalBytes: int64String.nullable(),
    usableBytes: int64String.nullable(),
    /** (replicas − mean) / mean × 100 over the listed brokers: + above, − below its share. */
    replicaSkewPercent: z.number(),
    leaderSkewPercent: z.number(),
    error: z.string().optional(),
  })
  .meta({ id: 'Broker' });
export type Broker = z.infer<typeof brokerSchema>;

export const brokerListResponseSchema = z
  .object({
    asOf: epochMs,
    partial: z.boolean().optional(),
    /** The active controller: the KRaft quorum leader, or the ZooKeeper-elected controller broker. */
    controllerId: brokerId.nullable(),
    brokers: z.array(brokerSchema),
  })
  .meta({ id: 'BrokerListResponse' });
export type BrokerListResponse = z.infer<typeof brokerListResponseSchema>;
