import { describe, expect, it } from 'vitest';
import type { QuorumDescription } from '@/server/protocol/describe-quorum';
import { endpointsToAsk } from '@/server/quorum/voter-endpoint';

const voter = (replicaId: number) => ({
  replicaId,
  directoryId: null,
  logEndOffset: '0',
  lastFetchTimestamp: null,
  lastCaughtUpTimestamp: null,
});

function quorum(leaderId: number | null, endpoints: [number, string[]][]): QuorumDescription {
  return {
    leaderId,
    leaderEpoch: 1,
    highWatermark: '0',
    voters: endpoints.map(([id]) => voter(id)),
    observers: [],
    voterEndpoints: new Map(endpoints),
  };
}

describe('the voter endpoints the controllers are asked on', () => {
  it('the leader’s first, then the other voters’, all on the leader’s first listener (Raft’s own)', () => {
    const asked = endpointsToAsk(
      quorum(2, [
        [1, ['CONTROLLER://c1:9093', 'SECURE://c1:9094']],
        [2, ['CONTROLLER://c2:9093', 'SECURE://c2:9094']],
        [3, ['CONTROLLER://[::1]:9093']],
      ]),
    );
    expect(asked).toEqual([
      { nodeId: 2, listener: 'CONTROLLER', host: 'c2', port: 9093 },
      { nodeId: 1, listener: 'CONTROLLER', host: 'c1', port: 9093 },
      { nodeId: 3, listener: 'CONTROLLER', host: '[::1]', port: 9093 },
    ]);
  });

  it('none without DescribeQuorum v2’s endpoints; a leaderless quorum is asked on its voters', () => {
    expect(endpointsToAsk({ ...quorum(1, [[1, []]]), voterEndpoints: null })).toEqual([]);
    expect(endpointsToAsk(quorum(null, [[1, ['CONTROLLER://c1:9093']]]))).toEqual([
      { nodeId: 1, listener: 'CONTROLLER', host: 'c1', port: 9093 },
    ]);
  });
});
