import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

/** Kafka's ConfigResource.Type ids, for the resources the console alters. */
export const CONFIG_RESOURCE_TYPES = { TOPIC: 2, BROKER: 4, CLIENT_METRICS: 16, GROUP: 32 } as const;

/** Kafka's AlterConfigOp.OpType ids. APPEND/SUBTRACT only apply to list-valued configs. */
export const ALTER_CONFIG_OPS = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

export type IncrementalAlterConfigsInput = {
  resources: {
    resourceType: number;
    /** Topic name; broker id as text, or '' for the cluster-wide broker default. */
    resourceName: string;
    /** DELETE reverts to the inherited value (its `value` is ignored: send null). */
    configs: { name: string; op: number; value: string | null }[];
  }[];
  validateOnly: boolean;
};

/** INVALID_CONFIG (40), INVALID_REQUEST (42), UNKNOWN_TOPIC_OR_PARTITION (3), … with Kafka's reason in errorMessage. */
export type IncrementalAlterConfigsResult = { resourceType: number; resourceName: string; errorCode: number; errorMessage: string | null };

/**
 * IncrementalAlterConfigs (API 44, KIP-339), versions 0-1 (Kafka 3.9 and 4.x serve both); v1 is the flexible form.
 * Unlike AlterConfigs it changes only the named keys, leaving a topic's other overrides alone. Layouts from
 * Kafka's IncrementalAlterConfigsRequest.json / IncrementalAlterConfigsResponse.json.
 */
export const incrementalAlterConfigsApi: ProtocolApi<IncrementalAlterConfigsInput, IncrementalAlterConfigsResult[]> = {
  apiKey: 44,
  apiName: 'IncrementalAlterConfigs',
  minVersion: 0,
  maxVersion: 1,
  flexibleFrom: 1,
  encode(w, input, version) {
    const f = fieldWriter(w, version >= 1);
    f.array(input.resources, (w, resource) => {
      w.int8(resource.resourceType);
      f.string(resource.resourceName);
      f.array(resource.configs, (w, config) => {
        f.string(config.name);
        w.int8(config.op);
        f.string(config.value);
        f.tags();
      });
      f.tags();
    });
    w.bool(input.validateOnly);
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 1);
    r.int32(); // throttle time
    const results = f.array((r): IncrementalAlterConfigsResult => {
      const errorCode = r.int16();
      const errorMessage = f.nullableString();
      const resourceType = r.int8();
      const resourceName = f.string();
      f.tags();
      return { resourceType, resourceName, errorCode, errorMessage };
    });
    f.tags();
    return results;
  },
};

/**
 * IncrementalAlterConfigs on `broker`. A per-broker resource (BROKER with a broker id) must go to that broker;
 * topics and the broker default ('') to any broker (ZooKeeper: it writes to ZooKeeper; KRaft: it forwards to the
 * controller quorum). Per-resource errors are returned, not thrown.
 */
export async function incrementalAlterConfigs(
  broker: KafkajsBroker,
  input: IncrementalAlterConfigsInput,
): Promise<IncrementalAlterConfigsResult[]> {
  return sendRequest(broker, incrementalAlterConfigsApi, input);
}
