import 'server-only';
import { ApiError } from '@/lib/errors';
import { kafkaRefusal } from '@/server/kafka/kafka-refusal';
import type { UpdateFeaturesOutput } from '@/server/protocol/update-features';

// UpdateFeatures' own error codes (Errors.java); kafkajs 2.2.4 predates them and would call both UNKNOWN.
const INVALID_UPDATE_VERSION = 95;
const FEATURE_UPDATE_FAILED = 96;
const INVALID_REQUEST = 42;

/** The first refusal in an UpdateFeatures answer: v2 has only the top-level error, v1 may put it per feature. */
export function firstRefusal(answer: UpdateFeaturesOutput): { errorCode: number; errorMessage: string | null } | null {
  if (answer.errorCode !== 0) return answer;
  return answer.results.find((r) => r.errorCode !== 0) ?? null;
}

/**
 * Kafka's refusal of a feature upgrade as the console's error. The controller's reasons ("Local controller 1 only
 * supports versions 7-33", "Can't downgrade the version of this feature without …", "… does not support this
 * feature") are what the person must read: they come back word for word as a 422 on the field they are about
 * (`feature` when no broker reports the feature, else `level`). FEATURE_UPDATE_FAILED (the controller could not
 * apply a valid update) is a 502; anything else maps as every Kafka refusal does. Null when Kafka accepted.
 */
export function featureRefusal(answer: UpdateFeaturesOutput, { knownFeature }: { knownFeature: boolean }): ApiError | null {
  const refusal = firstRefusal(answer);
  if (!refusal) return null;
  const reason = refusal.errorMessage || 'no reason given';
  if (refusal.errorCode === INVALID_UPDATE_VERSION || refusal.errorCode === INVALID_REQUEST) {
    const field = knownFeature ? 'level' : 'feature';
    return new ApiError('VALIDATION', `Kafka refused the upgrade: ${reason}`, { fieldErrors: { [field]: [reason] } });
  }
  if (refusal.errorCode === FEATURE_UPDATE_FAILED) return new ApiError('KAFKA_ERROR', `FEATURE_UPDATE_FAILED: ${reason}`);
  return kafkaRefusal(refusal.errorCode, refusal.errorMessage, { configField: 'request', configKeys: [], byType: {} });
}
