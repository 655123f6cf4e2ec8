import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { kafkaError, sendRequest } from '@/server/kafka/send-request';
import type { Reader } from '@/server/protocol/codec';
import type { ProtocolApi } from '@/server/protocol/request';

export type FeatureRange = { name: string; minVersion: number; maxVersion: number };

/** What a broker says of the cluster's feature flags (KIP-584) besides its API versions. */
export type BrokerFeatures = {
  /** The feature versions this node's software supports. */
  supported: FeatureRange[];
  /** The finalized features' epoch; null when the broker knows none (ZooKeeper mode without finalized features). */
  finalizedEpoch: string | null;
  /** The cluster-wide finalized levels (valid only with an epoch); minVersion/maxVersion are the min and max level. */
  finalized: FeatureRange[];
};

const featureRange = (r: Reader, levelsMaxFirst: boolean): FeatureRange => {
  const name = r.compactString();
  const first = r.int16();
  const second = r.int16();
  r.taggedFields();
  // FinalizedFeatureKey writes MaxVersionLevel before MinVersionLevel; SupportedFeatureKey min before max.
  return levelsMaxFirst ? { name, minVersion: second, maxVersion: first } : { name, minVersion: first, maxVersion: second };
};

/**
 * ApiVersions (API 18) at versions 3-4, for its tagged fields: SupportedFeatures (tag 0), FinalizedFeaturesEpoch
 * (tag 1) and FinalizedFeatures (tag 2), which is how Admin.describeFeatures learns them (kafkajs asks v2 and only
 * for API ranges). v4 also lists features whose minimum is 0, which v3 leaves out. The response header stays v0
 * (ApiVersionsResponse.json; KIP-511). The client name and version are what the broker's request metrics show.
 */
export const apiVersionsApi: ProtocolApi<void, BrokerFeatures & { errorCode: number }> = {
  apiKey: 18,
  apiName: 'ApiVersions',
  minVersion: 3,
  maxVersion: 4,
  flexibleFrom: 3,
  responseHeaderV0: true,
  encode(w) {
    w.compactString('kafka-console').compactString('1').emptyTaggedFields();
  },
  decode(r) {
    const errorCode = r.int16();
    r.compactArray((r) => {
      r.int16();
      r.int16();
      r.int16();
      r.taggedFields();
    });
    r.int32(); // throttle time
    const answer: BrokerFeatures = { supported: [], finalizedEpoch: null, finalized: [] };
    r.taggedFields({
      0: (r) => (answer.supported = r.compactArray((r) => featureRange(r, false))),
      1: (r) => {
        const epoch = r.int64();
        answer.finalizedEpoch = epoch < 0n ? null : epoch.toString();
      },
      2: (r) => (answer.finalized = r.compactArray((r) => featureRange(r, true))),
    });
    return { errorCode, ...answer };
  },
};

/** The features one broker reports. Kafka's error (none is expected at these versions) is thrown. */
export async function describeBrokerFeatures(broker: KafkajsBroker): Promise<BrokerFeatures> {
  const { errorCode, ...features } = await sendRequest(broker, apiVersionsApi, undefined);
  const error = kafkaError(errorCode);
  if (error) throw error;
  return features;
}
