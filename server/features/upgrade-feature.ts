import 'server-only';
import { ApiError } from '@/lib/errors';
import type { FeatureUpgradeInput, FeatureUpgradeResponse } from '@/lib/schemas/features';
import { featureRefusal } from '@/server/features/feature-refusal';
import { featureLevelLabel } from '@/server/features/metadata-versions';
import { readClusterFeatures } from '@/server/features/read-features';
import { withKafkaForwarded } from '@/server/kafka/clients';
import { onControllerWithRetry } from '@/server/kafka/controller';
import { UnsupportedApiError } from '@/server/protocol/request';
import { updateFeatures, type UpdateFeaturesOutput } from '@/server/protocol/update-features';
import { untilPropagated } from '@/server/topics/propagation';

/** What a cluster needs for the console to upgrade a feature: UpdateFeatures with validateOnly (KIP-778). */
export const UPGRADE_REQUIRES = 'UpdateFeatures v1 or later (Kafka 3.3+ in KRaft mode), for its validateOnly dry run';

/** How long the controller may take to apply the update (the request's timeoutMs); below the route's deadline. */
const CONTROLLER_TIMEOUT_MS = 8_000;

async function sendUpgrade(clusterId: string, input: FeatureUpgradeInput): Promise<UpdateFeaturesOutput> {
  const request = { timeoutMs: CONTROLLER_TIMEOUT_MS, updates: [{ feature: input.feature, maxVersionLevel: input.level }] };
  return withKafkaForwarded(clusterId, async (connection) => {
    try {
      // KRaft brokers forward UpdateFeatures to the active controller, so any broker will do; onControllerWithRetry
      // repeats it once on fresh metadata when a broker answers NOT_CONTROLLER (it changed nothing then).
      const [answer] = await onControllerWithRetry(connection, async (broker) => [
        await updateFeatures(broker, { ...request, validateOnly: input.dryRun }),
      ]);
      return answer!;
    } catch (error) {
      if (error instanceof UnsupportedApiError)
        throw new ApiError('CONFLICT', `Upgrading a feature needs ${UPGRADE_REQUIRES}: ${error.message}`);
      throw error;
    }
  });
}

/**
 * `kafka-features upgrade --feature name=level [--dry-run]`: one feature to a higher level, UpgradeType 1 (upgrade
 * only), so Kafka itself refuses a downgrade. A dry run is Kafka's validateOnly answer and changes nothing. After an
 * executed upgrade the brokers' finalized level is read back (they learn it from the metadata log) and answered as
 * it is, propagated or not, so a slow cluster never makes the console report a level it has not seen.
 */
export async function upgradeFeature(clusterId: string, input: FeatureUpgradeInput): Promise<FeatureUpgradeResponse> {
  const before = await readClusterFeatures(clusterId);
  if (!before.supported) throw new ApiError('CONFLICT', `Upgrading a feature needs ${before.requires}, and ${UPGRADE_REQUIRES}`);
  const current = before.features.find((f) => f.name === input.feature);
  const fromLevel = current?.finalizedLevel ?? 0;
  // Kafka accepts the current level as a no-op upgrade (and refuses a lower one with its own reason): a dry run says
  // so, as kafka-features upgrade --dry-run does; executing it would only write an audit entry for nothing.
  const unchanged = current !== undefined && input.level === fromLevel;
  if (unchanged && !input.dryRun) {
    const reason = `${input.feature} is already finalized at ${featureLevelLabel(input.feature, fromLevel)}: choose a higher level`;
    throw new ApiError('VALIDATION', reason, { fieldErrors: { level: [reason] } });
  }
  const refusal = featureRefusal(await sendUpgrade(clusterId, input), { knownFeature: current !== undefined });
  if (refusal) throw refusal;

  let finalizedLevel = fromLevel;
  if (!input.dryRun) {
    const readLevel = async () => {
      const after = await readClusterFeatures(clusterId);
      finalizedLevel = (after.supported ? after.features.find((f) => f.name === input.feature)?.finalizedLevel : undefined) ?? fromLevel;
      return finalizedLevel >= input.level;
    };
    await untilPropagated(readLevel);
  }
  const label = (level: number) => featureLevelLabel(input.feature, level);
  return {
    feature: input.feature,
    dryRun: input.dryRun,
    fromLevel,
    toLevel: input.level,
    finalizedLevel,
    labels: { from: label(fromLevel), to: label(input.level), finalized: label(finalizedLevel) },
    message: unchanged
      ? `${input.feature} is already finalized at ${label(fromLevel)}: the upgrade would change nothing.`
      : `${input.feature} ${input.dryRun ? 'can be' : 'was'} upgraded to ${label(input.level)}.`,
  };
}
