import { z } from 'zod';
import { brokerId, epochMs, int64String } from '@/lib/schemas/common';

const quorumReplicaSchema = z.object({
  id: brokerId,
  /** KIP-853: the replica's metadata log directory id; null in a static quorum (kraft.version 0) or before Kafka 3.9. */
  directoryId: z.string().nullable(),
  /** Voters: their listeners as `NAME://host:port` (kafka-metadata-quorum's CurrentVoters); null for observers or when unknown. */
  endpoints: z.array(z.string()).nullable(),
  /**
   * A controller that is not a broker (process.roles=controller): listed here, never counted among the brokers. An
   * observer marked so is a controller of a dynamic quorum that can be added as a voter.
   */
  controllerOnly: z.boolean(),
  logEndOffset: int64String,
  /** The leader's log end offset minus this replica's, as kafka-metadata-quorum --replication shows it. */
  lag: int64String,
  lastCaughtUpTimestamp: epochMs.nullable(),
});

export const clusterOverviewSchema = z
  .object({
    asOf: epochMs,
    partial: z.boolean().optional(),
    mode: z.enum(['kraft', 'zookeeper']),
    /** Inferred from the brokers' ApiVersions, never read from a broker config: labelled as such. */
    kafkaVersion: z.object({ label: z.string(), release: z.string().nullable(), exact: z.boolean() }),
    controllerId: brokerId.nullable(),
    quorum: z
      .object({
        leaderId: brokerId.nullable(),
        leaderEpoch: z.number().int(),
        highWatermark: int64String,
        voters: z.array(quorumReplicaSchema),
        observers: z.array(quorumReplicaSchema),
      })
      .nullable(),
    brokers: z.object({
      up: z.number().int().nonnegative(),
      /** Every broker the console has seen in this cluster. */
      known: z.number().int().nonnegative(),
      /** Seen before, missing now. */
      down: z.array(brokerId),
    }),
    topics: z.number().int().nonnegative(),
    partitions: z.number().int().nonnegative(),
    replicas: z.number().int().nonnegative(),
    underReplicated: z.number().int().nonnegative(),
    offline: z.number().int().nonnegative(),
    underMinIsr: z.number().int().nonnegative(),
    leaderless: z.number().int().nonnegative(),
    nonPreferredLeaders: z.number().int().nonnegative(),
    /** Σ leader replica sizes; null when some broker's log dirs could not be read. */
    totalSizeBytes: int64String.nullable(),
  })
  .meta({ id: 'ClusterOverview' });
export type ClusterOverview = z.infer<typeof clusterOverviewSchema>;
