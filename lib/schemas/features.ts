import { z } from 'zod';
import { brokerId, epochMs, int64String, unsupportedSchema } from '@/lib/schemas/common';

const level = z.number().int().nonnegative();

/** A level as kafka-features prints it: metadata.version's release name (e.g. "4.3-IV0"), every other one's number. */
const levelLabel = z.string();

export const clusterFeatureSchema = z
  .object({
    /** e.g. metadata.version, kraft.version, group.version, share.version, streams.version, transaction.version. */
    name: z.string(),
    /** The cluster-wide finalized level; 0 when the feature is not finalized (as kafka-features prints it). */
    finalizedLevel: level,
    /** The range every broker read supports: a feature can be upgraded to a level in it and no further. */
    supportedMinLevel: level,
    supportedMaxLevel: level,
    labels: z.object({ finalized: levelLabel, supportedMin: levelLabel, supportedMax: levelLabel }),
    /** Each broker's own supported range; a broker that does not know the feature is absent. */
    nodes: z.array(z.object({ nodeId: brokerId, minLevel: level, maxLevel: level })),
  })
  .meta({ id: 'ClusterFeature' });
export type ClusterFeature = z.infer<typeof clusterFeatureSchema>;

export const clusterFeaturesSchema = z
  .object({
    supported: z.literal(true),
    asOf: epochMs,
    /** The finalized features' epoch: on KRaft the metadata log offset the answering broker had applied (it keeps growing). */
    finalizedEpoch: int64String,
    features: z.array(clusterFeatureSchema),
    /** Brokers that did not answer (their ranges are missing from `nodes`, and from the intersection). */
    unreadBrokers: z.array(z.object({ nodeId: brokerId, error: z.string() })),
    partial: z.boolean().optional(),
  })
  .meta({ id: 'ClusterFeatures' });

export const clusterFeaturesResponseSchema = z
  .discriminatedUnion('supported', [clusterFeaturesSchema, unsupportedSchema])
  .meta({ id: 'ClusterFeaturesResponse' });
export type ClusterFeaturesResponse = z.infer<typeof clusterFeaturesResponseSchema>;
