import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { pickVersion, UnsupportedApiError, type ProtocolApi } from '@/server/protocol/request';

/** Kafka's ElectionType (KIP-460): the preferred replica (replicas[0]) if in sync, or any live replica when none is. */
export const ELECTION_TYPES = { PREFERRED: 0, UNCLEAN: 1 } as const;

export type ElectLeadersInput = {
  electionType: number;
  /** null elects for every partition of the cluster; the answer then leaves out the ELECTION_NOT_NEEDED ones. */
  topicPartitions: { topic: string; partitions: number[] }[] | null;
  timeoutMs: number;
};

export type ElectLeadersOutput = {
  /** Top-level error (v1+; 0 from a v0 broker), e.g. CLUSTER_AUTHORIZATION_FAILED (31). */
  errorCode: number;
  results: {
    topic: string;
    /** UNKNOWN_TOPIC_OR_PARTITION (3), NOT_CONTROLLER (41), 80, 83, 84, … */
    partitions: { partition: number; errorCode: number; errorMessage: string | null }[];
  }[];
};

/** v0 only knows preferred elections: sending it an unclean one would silently run a preferred one. */
function refuseElectionType(version: number, input: ElectLeadersInput) {
  if (version < 1 && input.electionType !== ELECTION_TYPES.PREFERRED) {
    throw new UnsupportedApiError('the broker only runs preferred leader elections (ElectLeaders v0)');
  }
}

/**
 * ElectLeaders (API 43, KIP-183/KIP-460), versions 0-2 (Kafka 3.9 and 4.x serve all three): v1 adds ElectionType
 * and a top-level error code, v2 is the flexible form. kafkajs 2.2.4 does not have it. Layouts from Kafka's
 * ElectLeadersRequest.json / ElectLeadersResponse.json.
 */
export const electLeadersApi: ProtocolApi<ElectLeadersInput, ElectLeadersOutput> = {
  apiKey: 43,
  apiName: 'ElectLeaders',
  minVersion: 0,
  maxVersion: 2,
  flexibleFrom: 2,
  encode(w, input, version) {
    refuseElectionType(version, input);
    const f = fieldWriter(w, version >= 2);
    if (version >= 1) w.int8(input.electionType);
    // Nullable: null (-1, or compact 0) means every partition, an empty list none.
    f.array(input.topicPartitions, (_w, topic) => {
      f.string(topic.topic);
      f.array(topic.partitions, (w, partition) => w.int32(partition));
      f.tags();
    });
    w.int32(input.timeoutMs);
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 2);
    r.int32(); // throttle time
    const errorCode = version >= 1 ? r.int16() : 0;
    const results = f.array(() => {
      const topic = f.string();
      const partitions = f.array((r) => {
        const partition = { partition: r.int32(), errorCode: r.int16(), errorMessage: f.nullableString() };
        f.tags();
        return partition;
      });
      f.tags();
      return { topic, partitions };
    });
    f.tags();
    return { errorCode, results };
  },
};

/**
 * ElectLeaders on `broker`, which must be the controller on ZooKeeper clusters (others answer NOT_CONTROLLER per
 * partition; on KRaft any broker forwards it). Kafka answers once the elections are done or `timeoutMs` passed
 * (REQUEST_TIMED_OUT per partition). Errors are returned, not thrown.
 */
export async function electLeaders(broker: KafkajsBroker, input: ElectLeadersInput): Promise<ElectLeadersOutput> {
  // Checked before sending: an error thrown while kafkajs encodes would leave its request queue waiting.
  refuseElectionType(pickVersion(electLeadersApi, broker.versions), input);
  return sendRequest(broker, electLeadersApi, input);
}
