import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { sendRequest } from '@/server/kafka/send-request';
import type { ProtocolApi } from '@/server/protocol/request';

/** FeatureUpdateKey.UpgradeType: 1 upgrades only; 2 (safe) and 3 (unsafe) downgrades, which the console never sends. */
export const FEATURE_UPGRADE_TYPE = { UPGRADE: 1 } as const;

export type UpdateFeaturesInput = {
  timeoutMs: number;
  updates: { feature: string; maxVersionLevel: number }[];
  /** Kafka checks the updates as it would apply them and applies nothing (kafka-features upgrade --dry-run). */
  validateOnly: boolean;
};

export type UpdateFeaturesOutput = {
  errorCode: number;
  errorMessage: string | null;
  /** Per-feature results, v1 only; v2 answers a refusal in the top-level error alone (and this is empty). */
  results: { feature: string; errorCode: number; errorMessage: string | null }[];
};

/**
 * UpdateFeatures (API 57, KIP-584) at versions 1-2: v1 is the first with ValidateOnly (the dry run) and UpgradeType
 * (replacing v0's AllowDowngrade); v2 drops the per-feature results. Every version is flexible. Kafka 3.9 serves
 * 0-1, 4.x 0-2. Layouts from Kafka's UpdateFeaturesRequest.json / UpdateFeaturesResponse.json.
 */
export const updateFeaturesApi: ProtocolApi<UpdateFeaturesInput, UpdateFeaturesOutput> = {
  apiKey: 57,
  apiName: 'UpdateFeatures',
  minVersion: 1,
  maxVersion: 2,
  flexibleFrom: 0,
  encode(w, input) {
    w.int32(input.timeoutMs);
    w.compactArray(input.updates, (w, update) => {
      w.compactString(update.feature).int16(update.maxVersionLevel).int8(FEATURE_UPGRADE_TYPE.UPGRADE);
      w.emptyTaggedFields();
    });
    w.bool(input.validateOnly);
    w.emptyTaggedFields();
  },
  decode(r, version) {
    r.int32(); // throttle time
    const errorCode = r.int16();
    const errorMessage = r.compactNullableString();
    const results =
      version <= 1
        ? r.compactArray((r) => {
            const feature = r.compactString();
            const code = r.int16();
            const message = r.compactNullableString();
            r.taggedFields();
            return { feature, errorCode: code, errorMessage: message };
          })
        : [];
    r.taggedFields();
    return { errorCode, errorMessage, results };
  },
};

/**
 * UpdateFeatures on `broker`: on KRaft any broker forwards it to the active controller. Refusals come back as error
 * codes (top-level or per feature), not thrown; a broker without v1 throws UnsupportedApiError before sending.
 */
export async function updateFeatures(broker: KafkajsBroker, input: UpdateFeaturesInput): Promise<UpdateFeaturesOutput> {
  return sendRequest(broker, updateFeaturesApi, input);
}
