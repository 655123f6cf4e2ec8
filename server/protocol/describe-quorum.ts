import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { kafkaError, sendRequest, supportsApi } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

/** KRaft's metadata log; DescribeQuorum describes its single partition. */
const METADATA_TOPIC = '__cluster_metadata';

export type QuorumReplica = {
  replicaId: number;
  /** KIP-853: the replica's metadata log directory; null below v2 and in a static quorum (Kafka's zero id). */
  directoryId: string | null;
  logEndOffset: string;
  /** Epoch ms, null when unknown (always unknown below v1). */
  lastFetchTimestamp: number | null;
  lastCaughtUpTimestamp: number | null;
};

export type QuorumDescription = {
  leaderId: number | null;
  leaderEpoch: number;
  highWatermark: string;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
  /** v2: the voters' listeners as `NAME://host:port`, by node id (kafka-metadata-quorum's CurrentVoters endpoints); null below v2. */
  voterEndpoints: Map<number, string[]> | null;
};

/** Kafka's Uuid.ZERO_UUID (no directory id), as this codec prints ids. */
const ZERO_UUID = Buffer.alloc(16).toString('base64url');

const timestamp = (value: bigint) => (value < 0n ? null : Number(value));

function replica(r: Reader, version: number): QuorumReplica {
  const replicaId = r.int32();
  const directory = version >= 2 ? r.uuid() : ZERO_UUID;
  const logEndOffset = r.int64().toString();
  const lastFetch = version >= 1 ? r.int64() : -1n;
  const lastCaughtUp = version >= 1 ? r.int64() : -1n;
  r.taggedFields();
  return {
    replicaId,
    directoryId: directory === ZERO_UUID ? null : directory,
    logEndOffset,
    lastFetchTimestamp: timestamp(lastFetch),
    lastCaughtUpTimestamp: timestamp(lastCaughtUp),
  };
}

type Partition = Omit<QuorumDescription, 'voterEndpoints'> & { errorCode: number; errorMessage: string | null };

type Response = { errorCode: number; errorMessage: string | null; partitions: Partition[]; voterEndpoints: Map<number, string[]> | null };

export const describeQuorumApi: ProtocolApi<void, Response> = {
  apiKey: 55,
  apiName: 'DescribeQuorum',
  minVersion: 0,
  maxVersion: 2,
  flexibleFrom: 0,
  encode(w) {
    w.compactArray([METADATA_TOPIC], (w, topic) => {
      w.compactString(topic);
      w.compactArray([0], (w, partition) => w.int32(partition).emptyTaggedFields());
      w.emptyTaggedFields();
    });
    w.emptyTaggedFields();
  },
  decode(r, version) {
    const errorCode = r.int16();
    const errorMessage = version >= 2 ? r.compactNullableString() : null;
    const partitions = r
      .compactArray((r) => {
        r.compactString();
        const parts = r.compactArray((r): Partition => {
          r.int32();
          const partitionError = r.int16();
          const partitionMessage = version >= 2 ? r.compactNullableString() : null;
          const leaderId = r.int32();
          const leaderEpoch = r.int32();
          const highWatermark = r.int64().toString();
          const voters = r.compactArray((r) => replica(r, version));
          const observers = r.compactArray((r) => replica(r, version));
          r.taggedFields();
          return {
            errorCode: partitionError,
            errorMessage: partitionMessage,
            leaderId: leaderId < 0 ? null : leaderId,
            leaderEpoch,
            highWatermark,
            voters,
            observers,
          };
        });
        r.taggedFields();
        return parts;
      })
      .flat();
    let voterEndpoints: Map<number, string[]> | null = null;
    if (version >= 2) {
      // Nodes: each voter's listeners (KIP-853).
      const nodes = r.compactArray((r) => {
        const nodeId = r.int32();
        const endpoints = r.compactArray((r) => {
          const name = r.compactString();
          const host = r.compactString();
          const port = r.uint16();
          r.taggedFields();
          return `${name}://${host}:${port}`;
        });
        r.taggedFields();
        return [nodeId, endpoints] as const;
      });
      voterEndpoints = new Map(nodes);
    }
    r.taggedFields();
    return { errorCode, errorMessage, partitions, voterEndpoints };
  },
};

/** True on KRaft brokers; ZooKeeper-mode brokers do not expose DescribeQuorum. */
export function isKraftBroker(broker: KafkajsBroker) {
  return supportsApi(broker, describeQuorumApi.apiKey);
}

export async function describeQuorum(broker: KafkajsBroker): Promise<QuorumDescription> {
  const response = await sendRequest(broker, describeQuorumApi, undefined);
  const topLevel = kafkaError(response.errorCode, response.errorMessage);
  if (topLevel) throw topLevel;
  const partition = response.partitions[0];
  if (!partition) throw new Error('DescribeQuorum answered without the metadata partition');
  const partitionError = kafkaError(partition.errorCode, partition.errorMessage);
  if (partitionError) throw partitionError;
  const { errorCode: _code, errorMessage: _message, ...quorum } = partition;
  return { ...quorum, voterEndpoints: response.voterEndpoints };
}
