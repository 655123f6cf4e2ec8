import 'server-only';
import type { Reader, Writer } from '@/server/protocol/codec';
import { type ProtocolApi } from '@/server/protocol/request';

// KIP-853's AddRaftVoter (API 80), what `kafka-metadata-quorum add-controller` sends. Brokers forward it to the
// active controller (its JSON lists both listeners), so the console sends it on a broker connection like its other
// controller writes.

export type RaftListener = { name: string; host: string; port: number };

export type AddRaftVoterInput = {
  voterId: number;
  /** The new voter's metadata log directory id as Kafka prints it (base64url, 22 characters). */
  voterDirectoryId: string;
  listeners: readonly RaftListener[];
  /** How long the leader may take (the new voter set must be committed) before answering REQUEST_TIMED_OUT. */
  timeoutMs: number;
};

/** What both voter changes answer: an error code and Kafka's own sentence about it. */
export type VoterChangeResponse = { errorCode: number; errorMessage: string | null };

/** Kafka's Uuid on the wire: 16 bytes, printed as base64url. A wrong length would shift every later field. */
export function writeUuid(w: Writer, id: string) {
  const bytes = Buffer.from(id, 'base64url');
  if (bytes.length !== 16) throw new Error(`not a Kafka uuid: ${id}`);
  w.raw(bytes);
}

export function decodeVoterChangeResponse(r: Reader): VoterChangeResponse {
  r.int32(); // throttle time
  const errorCode = r.int16();
  const errorMessage = r.compactNullableString();
  r.taggedFields();
  return { errorCode, errorMessage };
}

export const addRaftVoterApi: ProtocolApi<AddRaftVoterInput, VoterChangeResponse> = {
  apiKey: 80,
  apiName: 'AddRaftVoter',
  minVersion: 0,
  maxVersion: 1,
  flexibleFrom: 0,
  encode(w, input, version) {
    // A null cluster id: the leader then skips its cluster id check (the console reached the cluster already).
    w.compactString(null);
    w.int32(input.timeoutMs);
    w.int32(input.voterId);
    writeUuid(w, input.voterDirectoryId);
    w.compactArray(input.listeners, (w, l) => w.compactString(l.name).compactString(l.host).uint16(l.port).emptyTaggedFields());
    // v1: answer once the new voter set is committed, so that a DescribeQuorum right after shows it.
    if (version >= 1) w.bool(true);
    w.emptyTaggedFields();
  },
  decode: (r) => decodeVoterChangeResponse(r),
};
