import { z } from 'zod';
import { brokerId, epochMs } from '@/lib/schemas/common';

export const brokerSchema = z
  .object({
    id: brokerId,
    host: z.string(),
    port: z.number().int().min(1).max(65535),
    rack: z.string().nullable(),
    /** Partitions this broker leads. */
    leaderCount: z.number().int().nonnegative(),
    /** Partition replicas assigned to this broker, in sync or not. */
    replicaCount: z.number().int().nonnegative(),
  })
  .meta({ id: 'Broker' });
export type Broker = z.infer<typeof brokerSchema>;

export const brokerListResponseSchema = z
  .object({
    asOf: epochMs,
    /** The active controller: the KRaft quorum leader, or the ZooKeeper-elected controller broker. */
    controllerId: brokerId.nullable(),
    brokers: z.array(brokerSchema),
  })
  .meta({ id: 'BrokerListResponse' });
export type BrokerListResponse = z.infer<typeof brokerListResponseSchema>;
