import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import { fieldReader, fieldWriter } from '@/server/protocol/fields';
import { sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type DeleteGroupsResult = { groupId: string; errorCode: number };

/**
 * DeleteGroups (API 42), versions 0-2 (Kafka 3.9 and 4.x serve all three). v1 only changes throttling, v2 is the
 * flexible form. Errors are per group: NON_EMPTY_GROUP while members are active, GROUP_ID_NOT_FOUND, NOT_COORDINATOR.
 * Layouts from Kafka's DeleteGroupsRequest.json / DeleteGroupsResponse.json.
 */
export const deleteGroupsApi: ProtocolApi<readonly string[], { results: DeleteGroupsResult[] }> = {
  apiKey: 42,
  apiName: 'DeleteGroups',
  minVersion: 0,
  maxVersion: 2,
  flexibleFrom: 2,
  encode(w, groupIds, version) {
    const f = fieldWriter(w, version >= 2);
    f.array(groupIds, (_w, groupId) => f.string(groupId));
    f.tags();
  },
  decode(r, version) {
    const f = fieldReader(r, version >= 2);
    r.int32(); // throttle time
    const results = f.array((r): DeleteGroupsResult => {
      const groupId = f.string();
      const errorCode = r.int16();
      f.tags();
      return { groupId, errorCode };
    });
    f.tags();
    return { results };
  },
};

/** DeleteGroups on the groups' coordinator; per-group errors are returned, not thrown. */
export async function deleteGroups(broker: KafkajsBroker, groupIds: readonly string[]): Promise<DeleteGroupsResult[]> {
  const response = await sendRequest(broker, deleteGroupsApi, groupIds);
  return response.results;
}
