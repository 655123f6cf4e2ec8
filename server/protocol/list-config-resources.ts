import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { kafkaError, sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type ListConfigResourcesResponse = { errorCode: number; resources: { name: string; type: number }[] };

/** What v0 (ListClientMetricsResources) lists, and the type a v1 entry defaults to: CLIENT_METRICS. */
const CLIENT_METRICS_TYPE = 16;

/**
 * ListConfigResources (API 74), versions 0-1, both flexible. v0 is KIP-714's ListClientMetricsResources (Kafka 3.7
 * to 4.0 on KRaft): it takes no fields and lists the client metrics resources. v1 (KIP-1142, Kafka 4.1+) takes the
 * resource types to list (empty: every type the broker knows) and answers each entry's type. ZooKeeper-mode brokers
 * do not advertise the API at all. Layouts from Kafka's ListConfigResourcesRequest.json / …Response.json.
 */
export const listConfigResourcesApi: ProtocolApi<{ resourceTypes: readonly number[] }, ListConfigResourcesResponse> = {
  apiKey: 74,
  apiName: 'ListConfigResources',
  minVersion: 0,
  maxVersion: 1,
  flexibleFrom: 0,
  encode(w, input, version) {
    if (version >= 1) w.compactArray(input.resourceTypes, (w, type) => w.int8(type));
    w.emptyTaggedFields();
  },
  decode(r, version) {
    r.int32(); // throttle time
    const errorCode = r.int16();
    const resources = r.compactArray((r) => {
      const name = r.compactString();
      const type = version >= 1 ? r.int8() : CLIENT_METRICS_TYPE;
      r.taggedFields();
      return { name, type };
    });
    r.taggedFields();
    return { errorCode, resources };
  },
};

/** The names of the cluster's client metrics resources (as kafka-client-metrics --list); Kafka's error is thrown. */
export async function listClientMetricsResources(broker: KafkajsBroker): Promise<string[]> {
  const response = await sendRequest(broker, listConfigResourcesApi, { resourceTypes: [CLIENT_METRICS_TYPE] });
  const error = kafkaError(response.errorCode);
  if (error) throw error;
  // v0 lists nothing else; v1 was asked for this type only, but a broker answering more is not trusted blindly.
  return response.resources.filter((r) => r.type === CLIENT_METRICS_TYPE).map((r) => r.name);
}
