import { describe, expect, it } from 'vitest';
import type { QuorumDescription, QuorumReplica } from '@/server/protocol/describe-quorum';
import {
  addVoterChecks,
  CAUGHT_UP_WITHIN_MS,
  removeVoterChecks,
  type NewVoterEndpoint,
  type QuorumFacts,
} from '@/server/quorum/voter-checks';

const NOW = 1_800_000_000_000;
const DIR = { 1: 'diVrEmBPTHGscqY6MzA00w', 5: 'A22BAnDh6upIZf_z2aTvKA', other: 'AAAAAAAAAAAAAAAAAAAAAQ' };

const replica = (replicaId: number, directoryId: string | null, logEndOffset: string, caughtUp: number | null): QuorumReplica => ({
  replicaId,
  directoryId,
  logEndOffset,
  lastFetchTimestamp: caughtUp,
  lastCaughtUpTimestamp: caughtUp,
});

/** Node 1 the only voter and leader (its own caught-up time is the leader's clock), node 5 observing. */
function facts(observer = replica(5, DIR[5], '48', NOW - 200), more: Partial<QuorumDescription> = {}): QuorumFacts {
  return {
    kraftVersion: 1,
    brokerIds: [1],
    quorum: {
      leaderId: 1,
      leaderEpoch: 1,
      highWatermark: '48',
      voters: [replica(1, DIR[1], '50', NOW)],
      observers: [observer],
      voterEndpoints: new Map([[1, ['CONTROLLER://127.0.0.1:12292']]]),
      ...more,
    },
  };
}

const add = { voterId: 5, voterDirectoryId: DIR[5] };
/** Node 5 as the controllers list it (DescribeCluster, controllers). */
const known: NewVoterEndpoint = { listeners: [{ name: 'CONTROLLER', host: '127.0.0.1', port: 12296 }], unknown: null };
const failing = (checks: { id: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.id);

describe('add voter preconditions (kafka-metadata-quorum add-controller)', () => {
  it('all hold for a caught-up observer controller whose endpoint the controllers list', () => {
    const checks = addVoterChecks(facts(), add, known);
    expect(failing(checks)).toEqual([]);
    expect(checks.map((c) => c.id)).toEqual(['kraftVersion', 'observer', 'controller', 'caughtUp', 'notVoter', 'endpoint']);
    expect(checks.at(-1)?.detail).toBe("Kafka's controllers list node 5 at CONTROLLER://127.0.0.1:12296 (DescribeCluster, controllers)");
    expect(checks.find((c) => c.id === 'caughtUp')?.detail).toMatch(/^2 records behind the leader, last caught up 200 ms/);
  });

  it('a directory id other than the observer’s is named, not silently matched by node id', () => {
    const checks = addVoterChecks(facts(), { ...add, voterDirectoryId: DIR.other }, known);
    expect(failing(checks)).toEqual(['observer', 'caughtUp']);
    expect(checks[1]?.detail).toContain(`observes with directory ${DIR[5]}`);
  });

  it('an observer last caught up too long before the leader’s clock is not caught up', () => {
    expect(failing(addVoterChecks(facts(replica(5, DIR[5], '10', NOW - CAUGHT_UP_WITHIN_MS - 1)), add, known))).toEqual(['caughtUp']);
    expect(failing(addVoterChecks(facts(replica(5, DIR[5], '10', null)), add, known))).toEqual(['caughtUp']);
  });

  it('refuses a registered broker, an existing voter and a node whose endpoint the controllers cannot tell', () => {
    expect(failing(addVoterChecks({ ...facts(), brokerIds: [1, 5] }, add, known))).toEqual(['controller']);
    const asVoter = facts(replica(9, null, '0', null), { voters: [replica(1, DIR[1], '50', NOW), replica(5, DIR[5], '50', NOW)] });
    expect(failing(addVoterChecks(asVoter, add, known))).toEqual(['observer', 'caughtUp', 'notVoter']);
    const unreachable = addVoterChecks(facts(), add, { listeners: [], unknown: 'controller 1 (listener CONTROLLER) refused' });
    expect(failing(unreachable)).toEqual(['endpoint']);
    expect(unreachable.at(-1)?.detail).toBe('controller 1 (listener CONTROLLER) refused');
  });
});

describe('remove voter preconditions (kafka-metadata-quorum remove-controller)', () => {
  const two = facts(replica(9, null, '0', null), { voters: [replica(1, DIR[1], '50', NOW), replica(5, DIR[5], '50', NOW)] });

  it('hold for a voter named by id and directory while others remain', () => {
    expect(failing(removeVoterChecks(two, 5, DIR[5]))).toEqual([]);
  });

  it('refuse the last voter, a wrong directory id and a node that is not a voter', () => {
    expect(failing(removeVoterChecks(facts(), 1, DIR[1]))).toEqual(['notLastVoter']);
    expect(failing(removeVoterChecks(two, 5, DIR.other))).toEqual(['voter']);
    expect(failing(removeVoterChecks(two, 7, DIR[5]))).toEqual(['voter']);
  });
});
