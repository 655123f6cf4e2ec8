import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { kafkaError, sendRequest, supportsApi } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

/** KRaft's metadata log; DescribeQuorum describes its single partition. */
const METADATA_TOPIC = '__cluster_metadata';

export type QuorumReplica = {
  replicaId: number;
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
};

const timestamp = (value: bigint) => (value < 0n ? null : Number(value));

function replica(r: Reader, version: number): QuorumReplica {
  const replicaId = r.int32();
  if (version >= 2) r.uuid(); // replica directory id (KIP-853), not used by the console
  const logEndOffset = r.int64().toString();
  const lastFetch = version >= 1 ? r.int64() : -1n;
  const lastCaughtUp = version >= 1 ? r.int64() : -1n;
  r.taggedFields();
  return { replicaId, logEndOffset, lastFetchTimestamp: timestamp(lastFetch), lastCaughtUpTimestamp: timestamp(lastCaughtUp) };
}

type Partition = QuorumDescription & { errorCode: number; errorMessage: string | null };

export const describeQuorumApi: ProtocolApi<void, { errorCode: number; errorMessage: string | null; partitions: Partition[] }> = {
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
    // v2 appends the voters' endpoints (Nodes) and a tag section; the console has them from Metadata already.
    return { errorCode, errorMessage, partitions };
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
  return quorum;
}
