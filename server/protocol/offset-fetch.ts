import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { pickVersion, type ProtocolApi } from '@/server/protocol/request';

export type OffsetFetchPartition = {
  partition: number;
  /** Exact int64 as a decimal string; null when the group has no commit (Kafka answers -1). */
  committedOffset: string | null;
  /** The leader epoch of the committed record (v5+); null when unknown (-1) or not sent. */
  leaderEpoch: number | null;
  metadata: string | null;
  errorCode: number;
};

export type OffsetFetchTopic = { name: string; partitions: OffsetFetchPartition[] };

export type OffsetFetchGroup = {
  groupId: string;
  /** The group's error (v8+), or the top-level error of a single-group answer (v2-v7). 0 = none. */
  errorCode: number;
  topics: OffsetFetchTopic[];
};

/** `topics: null` asks for every partition the group has committed (what kafka-consumer-groups --describe shows). */
export type OffsetFetchRequestGroup = { groupId: string; topics: { name: string; partitions: number[] }[] | null };

export type OffsetFetchInput = {
  groups: OffsetFetchRequestGroup[];
  /** false: answer at once even while a transactional commit is pending (as the CLI does). */
  requireStable?: boolean;
};

function partition(r: Reader, f: ReturnType<typeof fieldReader>, withEpoch: boolean): OffsetFetchPartition {
  const index = r.int32();
  const offset = r.int64();
  const epoch = withEpoch ? r.int32() : -1;
  const metadata = f.nullableString();
  const errorCode = r.int16();
  f.tags();
  return {
    partition: index,
    committedOffset: offset < 0n ? null : offset.toString(),
    leaderEpoch: epoch < 0 ? null : epoch,
    metadata,
    errorCode,
  };
}

function topics(r: Reader, f: ReturnType<typeof fieldReader>, withEpoch: boolean): OffsetFetchTopic[] {
  return f.array((): OffsetFetchTopic => {
    const name = f.string();
    const partitions = f.array(() => partition(r, f, withEpoch));
    f.tags();
    return { name, partitions };
  });
}

/**
 * OffsetFetch (API 9) for many groups in one request: versions 8-9 (flexible). v9 adds MemberId/MemberEpoch
 * for KIP-848 members (null/-1 here: an admin read, as the Java admin client sends it). v10 replaces topic names
 * by topic ids in request and response; the console stops at v9 so a committed offset stays tied to the topic
 * name without a Metadata id→name lookup (brokers answer v9 as long as they list v10). Layouts from Kafka's
 * OffsetFetchRequest.json / OffsetFetchResponse.json.
 */
export const offsetFetchApi: ProtocolApi<OffsetFetchInput, { groups: OffsetFetchGroup[] }> = {
  apiKey: 9,
  apiName: 'OffsetFetch',
  minVersion: 8,
  maxVersion: 9,
  flexibleFrom: 6,
  encode(w, input, version) {
    w.compactArray(input.groups, (w, group) => {
      w.compactString(group.groupId);
      if (version >= 9) w.compactString(null).int32(-1); // member id, member epoch
      w.compactArray(group.topics, (w, topic) => {
        w.compactString(topic.name);
        w.compactArray(topic.partitions, (w, index) => w.int32(index));
        w.emptyTaggedFields();
      });
      w.emptyTaggedFields();
    });
    w.bool(input.requireStable ?? false);
    w.emptyTaggedFields();
  },
  decode(r) {
    const f = fieldReader(r, true);
    r.int32(); // throttle time
    const groups = f.array((): OffsetFetchGroup => {
      const groupId = f.string();
      const groupTopics = topics(r, f, true);
      const errorCode = r.int16();
      f.tags();
      return { groupId, errorCode, topics: groupTopics };
    });
    f.tags();
    return { groups };
  },
};

export type SingleGroupInput = OffsetFetchRequestGroup & { requireStable?: boolean };

/**
 * OffsetFetch for one group: versions 2-7, for brokers without v8 (before Kafka 3.0). v2 is the first that takes
 * `topics: null` (all committed partitions) and has a top-level error code (before it, coordinator errors came
 * per partition); Kafka 4.0 removed v0 (KIP-896). v3 adds the throttle time, v5 the leader epoch, v6 is the
 * first flexible version, v7 adds RequireStable. The answer carries no group id: the caller's is used.
 */
export const offsetFetchSingleGroupApi: ProtocolApi<SingleGroupInput, { errorCode: number; topics: OffsetFetchTopic[] }> = {
  apiKey: 9,
  apiName: 'OffsetFetch',
  minVersion: 2,
  maxVersion: 7,
  flexibleFrom: 6,
  encode(w, input, version) {
    const f = fieldWriter(w, version >= 6);
    f.string(input.groupId);
    f.array(input.topics, (w, topic) => {
      f.string(topic.name);
      f.array(topic.partitions, (w, index) => w.int32(index));
      f.tags();
    });
    if (version >= 7) w.bool(input.requireStable ?? false);
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 6);
    if (version >= 3) r.int32(); // throttle time
    const groupTopics = topics(r, f, version >= 5);
    const errorCode = r.int16();
    f.tags();
    return { errorCode, topics: groupTopics };
  },
};

/**
 * Committed offsets of groups that `broker` coordinates: one v8+ request for all of them, or on older brokers one
 * single-group request per group, pipelined on the same connection. Errors stay per group (NOT_COORDINATOR →
 * look the coordinator up again; COORDINATOR_LOAD_IN_PROGRESS → retry), never thrown. `maxVersion` caps the
 * version (tests compare the two forms on one broker). An unknown group answers no topics and no error. Match the
 * answers by group id: Kafka 4.x does not keep the request's order.
 */
export async function fetchCommittedOffsets(
  broker: KafkajsBroker,
  groups: readonly OffsetFetchRequestGroup[],
  { maxVersion = offsetFetchApi.maxVersion, requireStable = false }: { maxVersion?: number; requireStable?: boolean } = {},
): Promise<OffsetFetchGroup[]> {
  if (groups.length === 0) return [];
  const multi = { ...offsetFetchApi, maxVersion: Math.min(maxVersion, offsetFetchApi.maxVersion) };
  const range = broker.versions?.[offsetFetchApi.apiKey];
  if (range && range.maxVersion >= multi.minVersion && multi.maxVersion >= multi.minVersion) {
    const response = await sendRequest(broker, multi, { groups: [...groups], requireStable });
    return response.groups;
  }
  const single = { ...offsetFetchSingleGroupApi, maxVersion: Math.min(maxVersion, offsetFetchSingleGroupApi.maxVersion) };
  pickVersion(single, broker.versions); // UnsupportedApiError before any request when there is no common version
  return Promise.all(
    groups.map(async (group) => {
      const response = await sendRequest(broker, single, { ...group, requireStable });
      return { groupId: group.groupId, errorCode: response.errorCode, topics: response.topics };
    }),
  );
}

/** The request shape for "every partition each group has committed" (topics null, requireStable false). */
export const allCommittedPartitions = (groupIds: readonly string[]): OffsetFetchRequestGroup[] =>
  groupIds.map((groupId) => ({ groupId, topics: null }));
