import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { sendRequest, supportsApi } from '@/server/kafka/send-request';
import type { ProtocolApi } from '@/server/protocol/request';

/** Tasks of one subtopology: a task per partition of its input topics. */
export type StreamsTasks = { subtopologyId: string; partitions: number[] };
export type StreamsAssignment = { active: StreamsTasks[]; standby: StreamsTasks[]; warmup: StreamsTasks[] };
/** An internal topic the group coordinator creates for the application (KIP-1071). */
export type StreamsTopicInfo = { name: string; partitions: number; replicationFactor: number };

export type StreamsSubtopology = {
  subtopologyId: string;
  sourceTopics: string[];
  repartitionSinkTopics: string[];
  stateChangelogTopics: StreamsTopicInfo[];
  repartitionSourceTopics: StreamsTopicInfo[];
};

export type StreamsGroupMember = {
  memberId: string;
  memberEpoch: number;
  instanceId: string | null;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  topologyEpoch: number;
  /** One Kafka Streams instance (process) runs a member per stream thread: they share this id. */
  processId: string;
  userEndpoint: { host: string; port: number } | null;
  clientTags: { key: string; value: string }[];
  assignment: StreamsAssignment;
  targetAssignment: StreamsAssignment;
  /** A member still on the classic protocol, upgrading (the tool's MEMBER-PROTOCOL "classic"). */
  isClassic: boolean;
};

export type StreamsGroupDescription = {
  groupId: string;
  /** 0, or e.g. GROUP_ID_NOT_FOUND (69), NOT_COORDINATOR (16). */
  errorCode: number;
  errorMessage: string | null;
  /** "Empty", "NotReady", "Assigning", "Reconciling", "Stable", "Dead", or "" on error. */
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  /** null until the first member has sent the application's topology. */
  topology: { epoch: number; subtopologies: StreamsSubtopology[] } | null;
  members: StreamsGroupMember[];
  /** The task assignor (v1, Kafka 4.4+); null on older brokers. */
  assignorName: string | null;
};

function tasks(r: Reader): StreamsTasks {
  const subtopologyId = r.compactString();
  const partitions = r.compactArray((r) => r.int32());
  r.taggedFields();
  return { subtopologyId, partitions };
}

function assignment(r: Reader): StreamsAssignment {
  const active = r.compactArray(tasks);
  const standby = r.compactArray(tasks);
  const warmup = r.compactArray(tasks);
  r.taggedFields();
  return { active, standby, warmup };
}

function keyValue(r: Reader) {
  const key = r.compactString();
  const value = r.compactString();
  r.taggedFields();
  return { key, value };
}

function topicInfo(r: Reader): StreamsTopicInfo {
  const name = r.compactString();
  const partitions = r.int32();
  const replicationFactor = r.int16();
  r.compactArray(keyValue); // topic configs
  r.taggedFields();
  return { name, partitions, replicationFactor };
}

function subtopology(r: Reader): StreamsSubtopology {
  const subtopologyId = r.compactString();
  const sourceTopics = r.compactArray((r) => r.compactString());
  const repartitionSinkTopics = r.compactArray((r) => r.compactString());
  const stateChangelogTopics = r.compactArray(topicInfo);
  const repartitionSourceTopics = r.compactArray(topicInfo);
  r.taggedFields();
  return { subtopologyId, sourceTopics, repartitionSinkTopics, stateChangelogTopics, repartitionSourceTopics };
}

/** A nullable struct in a flexible version: a presence byte (-1 = null, 1 = present) before the fields. */
function nullableStruct<T>(r: Reader, read: (r: Reader) => T): T | null {
  return r.int8() < 0 ? null : read(r);
}

function member(r: Reader): StreamsGroupMember {
  const memberId = r.compactString();
  const memberEpoch = r.int32();
  const instanceId = r.compactNullableString();
  const rackId = r.compactNullableString();
  const clientId = r.compactString();
  const clientHost = r.compactString();
  const topologyEpoch = r.int32();
  const processId = r.compactString();
  const userEndpoint = nullableStruct(r, (r) => {
    const host = r.compactString();
    const port = r.uint16();
    r.taggedFields();
    return { host, port };
  });
  const clientTags = r.compactArray(keyValue);
  const offsets = () =>
    r.compactArray((r) => {
      r.compactString(); // subtopology
      r.int32(); // partition
      r.int64(); // offset
      r.taggedFields();
    });
  offsets(); // task offsets (changelog positions the member reports)
  offsets(); // task end offsets
  const current = assignment(r);
  const target = assignment(r);
  const isClassic = r.bool();
  r.taggedFields();
  return {
    memberId,
    memberEpoch,
    instanceId,
    rackId,
    clientId,
    clientHost,
    topologyEpoch,
    processId,
    userEndpoint,
    clientTags,
    assignment: current,
    targetAssignment: target,
    isClassic,
  };
}

/**
 * StreamsGroupDescribe (API 89, KIP-1071), versions 0–1, flexible. v1 (Kafka 4.4) adds the assignor's name and an
 * optional topology description from a broker plugin (KIP-1331); the console does not ask for it (the subtopologies
 * of v0 carry every topic), so it is always null. Layout from Kafka's StreamsGroupDescribeResponse.json.
 */
export const streamsGroupDescribeApi: ProtocolApi<readonly string[], { groups: StreamsGroupDescription[] }> = {
  apiKey: 89,
  apiName: 'StreamsGroupDescribe',
  minVersion: 0,
  maxVersion: 1,
  flexibleFrom: 0,
  encode(w, groupIds, version) {
    w.compactArray(groupIds, (w, groupId) => w.compactString(groupId));
    w.bool(false); // include authorized operations
    if (version >= 1) w.bool(false); // include the topology description
    w.emptyTaggedFields();
  },
  decode(r, version) {
    r.int32(); // throttle time
    const groups = r.compactArray((): StreamsGroupDescription => {
      const errorCode = r.int16();
      const errorMessage = r.compactNullableString();
      const groupId = r.compactString();
      const state = r.compactString();
      const groupEpoch = r.int32();
      const assignmentEpoch = r.int32();
      const topology = nullableStruct(r, (r) => {
        const epoch = r.int32();
        const subtopologies = r.compactNullableArray(subtopology) ?? [];
        r.taggedFields();
        return { epoch, subtopologies };
      });
      const members = r.compactArray(member);
      r.int32(); // authorized operations
      let assignorName: string | null = null;
      if (version >= 1) {
        if (r.int8() >= 0) throw new Error('StreamsGroupDescribe: a topology description the console did not ask for');
        r.int8(); // topology description status
        assignorName = r.compactNullableString();
      }
      r.taggedFields();
      return { groupId, errorCode, errorMessage, state, groupEpoch, assignmentEpoch, topology, members, assignorName };
    });
    r.taggedFields();
    return { groups };
  },
};

/** Whether the broker serves streams groups' describe (Kafka 4.1+; streams.version 1 finalized to have any). */
export function supportsStreamsGroups(broker: KafkajsBroker) {
  return supportsApi(broker, streamsGroupDescribeApi.apiKey);
}

export async function streamsGroupDescribe(broker: KafkajsBroker, groupIds: readonly string[]): Promise<StreamsGroupDescription[]> {
  if (groupIds.length === 0) return [];
  return (await sendRequest(broker, streamsGroupDescribeApi, groupIds)).groups;
}
