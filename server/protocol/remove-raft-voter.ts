import 'server-only';
import { decodeVoterChangeResponse, writeUuid, type VoterChangeResponse } from '@/server/protocol/add-raft-voter';
import { type ProtocolApi } from '@/server/protocol/request';

// KIP-853's RemoveRaftVoter (API 81), what `kafka-metadata-quorum remove-controller` sends; forwarded by brokers to
// the active controller like AddRaftVoter. A voter is named by id and directory id together: a controller whose disk
// was replaced comes back with a new directory id and is a different replica to the quorum.

export type RemoveRaftVoterInput = { voterId: number; voterDirectoryId: string };

export const removeRaftVoterApi: ProtocolApi<RemoveRaftVoterInput, VoterChangeResponse> = {
  apiKey: 81,
  apiName: 'RemoveRaftVoter',
  minVersion: 0,
  maxVersion: 0,
  flexibleFrom: 0,
  encode(w, input) {
    w.compactString(null); // cluster id: not checked when null
    w.int32(input.voterId);
    writeUuid(w, input.voterDirectoryId);
    w.emptyTaggedFields();
  },
  decode: (r) => decodeVoterChangeResponse(r),
};
