import type { AddVoterInput, RaftListener, VoterCheck } from '@/lib/schemas/quorum';
import type { QuorumDescription, QuorumReplica } from '@/server/protocol/describe-quorum';

// The preconditions of a quorum change, checked before anything is sent and shown to the person making it. Pure:
// the quorum, kraft.version and broker ids are read by read-quorum-facts.ts, the new voter's endpoint by
// voter-endpoint.ts.

/**
 * How far behind the leader's clock an observer's last caught-up time may be. The leader compares with its
 * controller.quorum.fetch.timeout.ms (2 s by default); a little more here, because the quorum is read a moment
 * before the change is sent, and the leader decides for itself anyway.
 */
export const CAUGHT_UP_WITHIN_MS = 10_000;

export type QuorumFacts = {
  kraftVersion: number;
  quorum: QuorumDescription;
  /** Registered brokers: a broker-only node fetches the metadata log as an observer too, but can never vote. */
  brokerIds: readonly number[];
};

/** The new voter's endpoint as the controllers list it (DescribeCluster), or why they could not tell it. */
export type NewVoterEndpoint = { listeners: RaftListener[]; unknown: null } | { listeners: []; unknown: string };

const check = (id: string, ok: boolean, detail: string): VoterCheck => ({ id, ok, detail });

const kraftVersionCheck = (kraftVersion: number) =>
  check(
    'kraftVersion',
    kraftVersion >= 1,
    kraftVersion >= 1 ? `kraft.version is ${kraftVersion}: the quorum is dynamic` : `kraft.version is ${kraftVersion}: a static quorum`,
  );

const endpointText = (l: RaftListener) => `${l.name}://${l.host}:${l.port}`;

const sameReplica = (r: QuorumReplica, id: number, directoryId: string) => r.replicaId === id && r.directoryId === directoryId;

/** The leader's own row: its last caught-up time is the leader's current time, so observers compare with its clock. */
const leaderRow = (quorum: QuorumDescription) => quorum.voters.find((v) => v.replicaId === quorum.leaderId);

export function addVoterChecks(
  { kraftVersion, quorum, brokerIds }: QuorumFacts,
  { voterId, voterDirectoryId }: AddVoterInput,
  endpoint: NewVoterEndpoint,
): VoterCheck[] {
  const observer = quorum.observers.find((o) => sameReplica(o, voterId, voterDirectoryId));
  const sameIdObserver = quorum.observers.find((o) => o.replicaId === voterId);
  const voter = quorum.voters.find((v) => v.replicaId === voterId);
  const leader = leaderRow(quorum);
  const lag = observer && leader ? BigInt(leader.logEndOffset) - BigInt(observer.logEndOffset) : null;
  const behindMs =
    observer?.lastCaughtUpTimestamp != null && leader?.lastCaughtUpTimestamp != null
      ? leader.lastCaughtUpTimestamp - observer.lastCaughtUpTimestamp
      : null;
  const caughtUp = behindMs !== null && behindMs <= CAUGHT_UP_WITHIN_MS;
  return [
    kraftVersionCheck(kraftVersion),
    check(
      'observer',
      observer !== undefined,
      observer
        ? `node ${voterId} is an observer with directory ${voterDirectoryId}`
        : sameIdObserver
          ? `node ${voterId} observes with directory ${sameIdObserver.directoryId ?? 'none'}, not ${voterDirectoryId}`
          : `node ${voterId} is not an observer of the quorum (is it running, formatted with --no-initial-controllers?)`,
    ),
    check(
      'controller',
      !brokerIds.includes(voterId),
      brokerIds.includes(voterId)
        ? `node ${voterId} is a registered broker: add a combined broker+controller with kafka-metadata-quorum add-controller on that node`
        : `node ${voterId} is not a broker (a controller-only node)`,
    ),
    check(
      'caughtUp',
      caughtUp,
      lag === null
        ? 'its lag is unknown'
        : `${lag} records behind the leader, last caught up ${behindMs === null ? 'never' : `${Math.max(0, behindMs)} ms`} before the leader's time`,
    ),
    check('notVoter', voter === undefined, voter ? `node ${voterId} is already a voter` : `node ${voterId} is not a voter`),
    check(
      'endpoint',
      endpoint.unknown === null,
      endpoint.unknown ??
        `Kafka's controllers list node ${voterId} at ${endpoint.listeners.map(endpointText).join(', ')} (DescribeCluster, controllers)`,
    ),
  ];
}

export function removeVoterChecks({ kraftVersion, quorum }: QuorumFacts, voterId: number, directoryId: string): VoterCheck[] {
  const voter = quorum.voters.find((v) => sameReplica(v, voterId, directoryId));
  const sameId = quorum.voters.find((v) => v.replicaId === voterId);
  return [
    kraftVersionCheck(kraftVersion),
    check(
      'voter',
      voter !== undefined,
      voter
        ? `node ${voterId} is a voter with directory ${directoryId}`
        : sameId
          ? `voter ${voterId} has directory ${sameId.directoryId ?? 'none'}, not ${directoryId}`
          : `node ${voterId} is not a voter`,
    ),
    check(
      'notLastVoter',
      quorum.voters.length > 1,
      quorum.voters.length > 1
        ? `${quorum.voters.length} voters: ${quorum.voters.length - 1} remain`
        : 'it is the last voter: the quorum cannot lose it',
    ),
  ];
}
