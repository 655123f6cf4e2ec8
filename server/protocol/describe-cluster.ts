import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { kafkaError, sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

// DescribeCluster (API 60) with KIP-919's EndpointType (v1+): asked of a controller with type 2, it lists every
// registered controller, voters and observers alike, with its endpoint on the listener the request came in on
// (what `kafka-cluster list-endpoints --bootstrap-controller` prints). Brokers refuse type 2, so it is only ever
// sent on a controller connection.

export const ENDPOINT_TYPE = { brokers: 1, controllers: 2 } as const;

export type DescribeClusterInput = { endpointType: (typeof ENDPOINT_TYPE)[keyof typeof ENDPOINT_TYPE] };

export type ClusterNode = { nodeId: number; host: string; port: number; rack: string | null; fenced: boolean };

export type DescribeClusterResponse = {
  errorCode: number;
  errorMessage: string | null;
  clusterId: string;
  /** Asked of a controller: the quorum leader. */
  controllerId: number;
  nodes: ClusterNode[];
};

export const describeClusterApi: ProtocolApi<DescribeClusterInput, DescribeClusterResponse> = {
  apiKey: 60,
  apiName: 'DescribeCluster',
  // v0 has no EndpointType: it always describes brokers.
  minVersion: 1,
  maxVersion: 2,
  flexibleFrom: 0,
  encode(w, input, version) {
    w.bool(false); // IncludeClusterAuthorizedOperations
    w.int8(input.endpointType);
    if (version >= 2) w.bool(false); // IncludeFencedBrokers: about brokers only
    w.emptyTaggedFields();
  },
  decode(r, version) {
    r.int32(); // throttle time
    const errorCode = r.int16();
    const errorMessage = r.compactNullableString();
    r.int8(); // EndpointType, as asked
    const clusterId = r.compactString();
    const controllerId = r.int32();
    const nodes = r.compactArray((r): ClusterNode => {
      const nodeId = r.int32();
      const host = r.compactString();
      const port = r.int32();
      const rack = r.compactNullableString();
      const fenced = version >= 2 ? r.bool() : false;
      r.taggedFields();
      return { nodeId, host, port, rack, fenced };
    });
    r.int32(); // ClusterAuthorizedOperations (not asked for)
    r.taggedFields();
    return { errorCode, errorMessage, clusterId, controllerId, nodes };
  },
};

/** The registered controllers, as the controller behind `broker` knows them; Kafka's refusal is thrown. */
export async function describeControllers(broker: KafkajsBroker): Promise<ClusterNode[]> {
  const response = await sendRequest(broker, describeClusterApi, { endpointType: ENDPOINT_TYPE.controllers });
  const error = kafkaError(response.errorCode, response.errorMessage);
  if (error) throw error;
  return response.nodes;
}
