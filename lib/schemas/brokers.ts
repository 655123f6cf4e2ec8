import { z } from 'zod';
import { brokerId, epochMs, int64String } from '@/lib/schemas/common';
import { configEntrySchema } from '@/lib/schemas/configs';

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

export const brokerLogDirSchema = z
  .object({
    path: z.string(),
    /** Kafka's error for the directory (KAFKA_STORAGE_ERROR when its disk is offline); null when healthy. */
    error: z.string().nullable(),
    /** Replicas in this directory (future replicas of an intra-broker move included). */
    replicaCount: z.number().int().nonnegative(),
    sizeBytes: int64String,
    totalBytes: int64String.nullable(),
    usableBytes: int64String.nullable(),
  })
  .meta({ id: 'BrokerLogDir' });
export type BrokerLogDir = z.infer<typeof brokerLogDirSchema>;

export const brokerDetailResponseSchema = z
  .object({
    asOf: epochMs,
    partial: z.boolean().optional(),
    controllerId: brokerId.nullable(),
    broker: brokerSchema,
    /** Empty when the broker is down or its log dirs could not be read (see `broker.error`). */
    logDirs: z.array(brokerLogDirSchema),
    /** Absent with `?configs=false`; null when the broker could not be asked (see `configsError`). */
    configs: z.array(configEntrySchema).nullable().optional(),
    configsError: z.string().optional(),
  })
  .meta({ id: 'BrokerDetailResponse' });
export type BrokerDetailResponse = z.infer<typeof brokerDetailResponseSchema>;

/** A broker id from a URL segment: digits only ("1.0", " 1" or "-1" are not broker 1); null otherwise. */
export function brokerIdFromSegment(segment: string): number | null {
  return /^\d{1,9}$/.test(segment) ? Number(segment) : null;
}
