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

/** Body of POST …/features/upgrade: one feature to one higher level, as `kafka-features upgrade --feature name=level`. */
export const featureUpgradeInputSchema = z
  .object({
    /** A feature the cluster reports (GET …/features); Kafka's controller refuses one it does not support. */
    feature: z.string().min(1).max(255),
    /** Level 0 and below would delete the feature: Kafka's downgrade, which the console does not offer. */
    level: z.number().int().min(1, 'Upgrade to level 1 or higher').max(32_767),
    /** true: Kafka validates the upgrade (validateOnly) and changes nothing, as kafka-features upgrade --dry-run. */
    dryRun: z.boolean(),
    /** The feature name typed again; required to execute (an upgrade cannot be undone), not for a dry run. */
    confirm: z.string().optional(),
  })
  .meta({ id: 'FeatureUpgradeInput' });
export type FeatureUpgradeInput = z.infer<typeof featureUpgradeInputSchema>;

export const featureUpgradeResponseSchema = z
  .object({
    feature: z.string(),
    dryRun: z.boolean(),
    /** The finalized level before the request. */
    fromLevel: level,
    /** The level asked for, which Kafka accepted. */
    toLevel: level,
    /** The finalized level the brokers report after the request: fromLevel after a dry run, toLevel once propagated. */
    finalizedLevel: level,
    labels: z.object({ from: levelLabel, to: levelLabel, finalized: levelLabel }),
    /** What kafka-features upgrade prints: "<feature> can be upgraded to <level>." / "… was upgraded to …". */
    message: z.string(),
  })
  .meta({ id: 'FeatureUpgradeResponse' });
export type FeatureUpgradeResponse = z.infer<typeof featureUpgradeResponseSchema>;

/** The confirmation check of an executed upgrade: the exact feature name, nothing else. */
export function featureConfirmationErrors(confirm: string | undefined, feature: string) {
  return confirm === feature ? null : { confirm: [`Type the feature name exactly ("${feature}") to confirm`] };
}
