import 'server-only';
import { ApiError } from '@/lib/errors';
import {
  voterConfirmationErrors,
  type AddVoterInput,
  type RaftListener,
  type RemoveVoterInput,
  type VoterChangeResponse,
  type VoterCheck,
} from '@/lib/schemas/quorum';
import { refreshSnapshotAfter } from '@/server/cluster-state/snapshot';
import { requireConfirmation } from '@/server/http/confirmation';
import { withKafkaForwarded } from '@/server/kafka/clients';
import { onAnyBroker, type KafkaConnection } from '@/server/kafka/connection';
import { kafkaError, sendRequest } from '@/server/kafka/send-request';
import { addRaftVoterApi, type VoterChangeResponse as WireAnswer } from '@/server/protocol/add-raft-voter';
import type { QuorumDescription } from '@/server/protocol/describe-quorum';
import { removeRaftVoterApi } from '@/server/protocol/remove-raft-voter';
import { readQuorumFacts } from '@/server/quorum/read-quorum-facts';
import { addVoterChecks, removeVoterChecks, type QuorumFacts } from '@/server/quorum/voter-checks';
import { findNewVoterEndpoint } from '@/server/quorum/voter-endpoint';

// The leader answers once the new voter set is committed, or REQUEST_TIMED_OUT after this long. It stays under
// onAnyBroker's 4 s per attempt, so a slow answer is Kafka's timeout, not the console giving up on the broker.
const LEADER_TIMEOUT_MS = 3_000;
const QUORUM_WRITE_DEADLINE_MS = 20_000;

// Kafka's refusals of a voter change (org.apache.kafka.common.protocol.Errors), which kafkajs 2.2.4 does not know.
const REFUSALS: Record<number, string> = {
  35: 'UNSUPPORTED_VERSION', // kraft.version 0, or a voter change already in progress
  125: 'INVALID_VOTER_KEY',
  126: 'DUPLICATE_VOTER',
  127: 'VOTER_NOT_FOUND',
};

type Action = VoterChangeResponse['action'];

/** A change as planned from the quorum read before it; an add also shows the endpoints AddRaftVoter carries. */
type Plan = {
  checks: VoterCheck[];
  listeners?: RaftListener[];
  send: () => Promise<WireAnswer>;
  done: (quorum: QuorumDescription) => boolean;
};

function answerError({ errorCode, errorMessage }: WireAnswer) {
  const refusal = REFUSALS[errorCode];
  if (refusal) return new ApiError('CONFLICT', `Kafka refused the change: ${refusal}${errorMessage ? `: ${errorMessage}` : ''}`);
  return kafkaError(errorCode, errorMessage);
}

const members = (replicas: QuorumDescription['voters']) => replicas.map((r) => ({ id: r.replicaId, directoryId: r.directoryId }));

function reply(action: Action, voterId: number, facts: QuorumFacts, plan: Plan, outcome: { applied: boolean; dryRun: boolean }) {
  return {
    action,
    voterId,
    ...outcome,
    kraftVersion: facts.kraftVersion,
    checks: plan.checks,
    listeners: plan.listeners,
    voters: members(facts.quorum.voters),
    observers: members(facts.quorum.observers),
  };
}

/**
 * Checks, sends, and reads the quorum again. A change that failed on the way (a timeout, a broker gone, an answer
 * lost) may still have been carried out, and a repeat answers DUPLICATE_VOTER / VOTER_NOT_FOUND: the quorum read
 * afterwards decides, and only a change it does not show is reported as failed.
 */
async function changeVoters(
  connection: KafkaConnection,
  action: Action,
  voterId: number,
  options: { confirm?: string; dryRun?: boolean },
  planFor: (facts: QuorumFacts) => Plan | Promise<Plan>,
): Promise<VoterChangeResponse> {
  const facts = await readQuorumFacts(connection);
  const plan = await planFor(facts);
  const { checks, send, done } = plan;
  if (options.dryRun) return reply(action, voterId, facts, plan, { applied: false, dryRun: true });
  requireConfirmation(voterConfirmationErrors(options.confirm, voterId), 'node id');
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    const verb = action === 'add' ? `add node ${voterId} as a voter` : `remove voter ${voterId}`;
    throw new ApiError('CONFLICT', `Cannot ${verb}: ${failed.map((c) => c.detail).join('; ')}`);
  }
  let failure: unknown = null;
  try {
    const error = answerError(await send());
    if (error) failure = error;
  } catch (error) {
    failure = error;
  }
  const after = await readQuorumFacts(connection);
  if (!done(after.quorum)) throw failure ?? new ApiError('KAFKA_ERROR', 'Kafka accepted the change but the quorum does not show it');
  return reply(action, voterId, after, plan, { applied: true, dryRun: false });
}

/** The overview shows the quorum of the shared snapshot: after a change, one read taken after it, as topic changes do. */
async function shownOnPages(clusterId: string, change: Promise<VoterChangeResponse>) {
  const changed = await change;
  if (changed.applied) await refreshSnapshotAfter(clusterId, Date.now());
  return changed;
}

const isReplica = (id: number, directoryId: string) => (r: { replicaId: number; directoryId: string | null }) =>
  r.replicaId === id && r.directoryId === directoryId;

/**
 * AddRaftVoter, as `kafka-metadata-quorum add-controller`: an observer controller, caught up, becomes a voter. Its
 * endpoint is the one the controllers list for it (voter-endpoint.ts), never one a caller sent.
 */
export function addQuorumVoter(clusterId: string, input: AddVoterInput): Promise<VoterChangeResponse> {
  const { voterId, voterDirectoryId } = input;
  const change = withKafkaForwarded(
    clusterId,
    (connection) =>
      changeVoters(connection, 'add', voterId, input, async (facts) => {
        const endpoint = await findNewVoterEndpoint(clusterId, facts.quorum, voterId);
        const { listeners } = endpoint;
        return {
          checks: addVoterChecks(facts, input, endpoint),
          listeners,
          send: () =>
            onAnyBroker(connection, (broker) =>
              sendRequest(broker, addRaftVoterApi, { voterId, voterDirectoryId, listeners, timeoutMs: LEADER_TIMEOUT_MS }),
            ),
          done: (quorum) => quorum.voters.some(isReplica(voterId, voterDirectoryId)),
        };
      }),
    { deadlineMs: QUORUM_WRITE_DEADLINE_MS },
  );
  return shownOnPages(clusterId, change);
}

/** RemoveRaftVoter, as `kafka-metadata-quorum remove-controller`: the voter goes back to observing (if it runs). */
export function removeQuorumVoter(
  clusterId: string,
  voterId: number,
  directoryId: string,
  input: RemoveVoterInput,
): Promise<VoterChangeResponse> {
  const change = withKafkaForwarded(
    clusterId,
    (connection) =>
      changeVoters(connection, 'remove', voterId, input, (facts) => ({
        checks: removeVoterChecks(facts, voterId, directoryId),
        send: () =>
          onAnyBroker(connection, (broker) => sendRequest(broker, removeRaftVoterApi, { voterId, voterDirectoryId: directoryId })),
        done: (quorum) => !quorum.voters.some(isReplica(voterId, directoryId)),
      })),
    { deadlineMs: QUORUM_WRITE_DEADLINE_MS },
  );
  return shownOnPages(clusterId, change);
}
