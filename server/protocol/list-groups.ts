import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { onBrokers, type BrokerOutcome } from '@/server/kafka/broker-wave';
import type { KafkaConnection } from '@/server/kafka/connection';
import { fieldReader } from '@/server/protocol/fields';
import { kafkaError, sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type ListGroupsInput = {
  /** Group states to keep (v4+, e.g. "Stable", "Empty"); empty or absent = all. */
  statesFilter?: readonly string[];
  /** Group types to keep (v5+: "classic", "consumer", "share", "streams"); empty or absent = all. */
  typesFilter?: readonly string[];
};

export type ListedGroup = {
  groupId: string;
  /** "consumer" for consumer groups (classic and KIP-848), "" for groups that only commit offsets, … */
  protocolType: string;
  /** v4+ (KIP-518), null when the broker is older. */
  groupState: string | null;
  /** v5+ (KIP-848): "classic", "consumer", "share", "streams"; null when the broker is older. */
  groupType: string | null;
};

export type ListGroupsResponse = { errorCode: number; groups: ListedGroup[] };

/**
 * ListGroups (API 16), versions 1-5. A broker lists only the groups it coordinates (those whose
 * __consumer_offsets partition it leads), so asking every broker once maps every group to its coordinator
 * without FindCoordinator. v1 adds the throttle time, v3 is the first flexible version, v4 adds StatesFilter and
 * GroupState, v5 adds TypesFilter and GroupType. Filters are applied by the broker; versions without them
 * return every group. Layouts from Kafka's ListGroupsRequest.json / ListGroupsResponse.json.
 */
export const listGroupsApi: ProtocolApi<ListGroupsInput, ListGroupsResponse> = {
  apiKey: 16,
  apiName: 'ListGroups',
  minVersion: 1,
  maxVersion: 5,
  flexibleFrom: 3,
  encode(w, input, version) {
    // v1-2 have an empty body; v3 only the tag section.
    if (version < 3) return;
    if (version >= 4) w.compactArray(input.statesFilter ?? [], (w, state) => w.compactString(state));
    if (version >= 5) w.compactArray(input.typesFilter ?? [], (w, type) => w.compactString(type));
    w.emptyTaggedFields();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 3);
    r.int32(); // throttle time
    const errorCode = r.int16();
    const groups = f.array((): ListedGroup => {
      const groupId = f.string();
      const protocolType = f.string();
      const groupState = version >= 4 ? f.string() : null;
      const groupType = version >= 5 ? f.string() : null;
      f.tags();
      return { groupId, protocolType, groupState, groupType };
    });
    f.tags();
    return { errorCode, groups };
  },
};

/**
 * The groups one broker coordinates. A top-level error (COORDINATOR_LOAD_IN_PROGRESS while the broker loads a
 * __consumer_offsets partition, COORDINATOR_NOT_AVAILABLE) is thrown: the list would be incomplete.
 */
export async function listGroups(broker: KafkajsBroker, input: ListGroupsInput = {}): Promise<ListedGroup[]> {
  const response = await sendRequest(broker, listGroupsApi, input);
  const error = kafkaError(response.errorCode);
  if (error) throw error;
  return response.groups;
}

export type CoordinatedGroup = ListedGroup & { coordinatorId: number };

/**
 * ListGroups on every given broker in parallel (one request each): every group with the broker that answered
 * for it, its coordinator. Brokers that fail are reported in `failed` (their groups are missing, not guessed),
 * so a caller can show a partial list. Sorted by group id.
 */
export async function listGroupsByCoordinator(
  connection: KafkaConnection,
  brokerIds: readonly number[],
  input: ListGroupsInput = {},
): Promise<{ groups: CoordinatedGroup[]; failed: Extract<BrokerOutcome<unknown>, { ok: false }>[] }> {
  const outcomes = await onBrokers(connection, brokerIds, (broker) => listGroups(broker, input));
  const groups: CoordinatedGroup[] = [];
  const failed: Extract<BrokerOutcome<unknown>, { ok: false }>[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) failed.push(outcome);
    else for (const group of outcome.value) groups.push({ ...group, coordinatorId: outcome.brokerId });
  }
  groups.sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : a.coordinatorId - b.coordinatorId));
  return { groups, failed };
}
