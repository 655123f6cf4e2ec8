import { describe, expect, it } from 'vitest';
import { cleanLeaderCandidates, partitionRisks } from '@/server/cluster-state/partition-health';

const p = (leader: number | null, replicas: number[], isr: number[], offlineReplicas: number[] = []) => ({
  partition: 0,
  errorCode: 0,
  leader,
  replicas,
  isr,
  offlineReplicas,
});

describe('partitionRisks', () => {
  it('finds nothing wrong with a healthy partition led by its preferred replica', () => {
    expect(partitionRisks(p(1, [1, 2, 3], [1, 2, 3]), 2)).toEqual([]);
  });

  it('names every reason, worst first', () => {
    expect(partitionRisks(p(null, [3], [], [3]), 1)).toEqual(['offline', 'leaderless', 'under-min-isr', 'under-replicated']);
    expect(partitionRisks(p(2, [1, 2], [2], [1]), 2)).toEqual(['under-min-isr', 'under-replicated', 'non-preferred-leader']);
    expect(partitionRisks(p(1, [1, 2, 3], [1, 2]), 2)).toEqual(['under-replicated']);
    expect(partitionRisks(p(null, [1, 2], [2]), 1)).toEqual(['leaderless', 'under-min-isr', 'under-replicated']);
  });

  it('counts a leaderless partition as under min ISR whatever its ISR, as kafka-topics does', () => {
    // ZooKeeper mode keeps the last in-sync replica in the ISR after its broker stopped.
    expect(partitionRisks(p(null, [3], [3], [3]), 1)).toEqual(['offline', 'leaderless', 'under-min-isr']);
  });

  it('counts a partition at exactly min.insync.replicas as not under it', () => {
    expect(partitionRisks(p(1, [1, 2], [1]), 1)).toEqual(['under-replicated']);
  });
});

describe('cleanLeaderCandidates', () => {
  const p = { replicas: [3, 1, 2], isr: [1] };
  it('takes the ISR and the eligible leader replicas, in replica order', () => {
    expect(cleanLeaderCandidates(p, { eligibleLeaderReplicas: [2, 3], lastKnownElr: [] })).toEqual({
      candidates: [3, 1, 2],
      eligibleLeaderReplicas: [2, 3],
      lastKnownElr: [],
    });
  });
  it('answers no candidate when the ISR and the ELR are empty, keeping the last known ELR', () => {
    expect(cleanLeaderCandidates({ replicas: [3, 1], isr: [] }, { eligibleLeaderReplicas: [], lastKnownElr: [3] })).toEqual({
      candidates: [],
      eligibleLeaderReplicas: [],
      lastKnownElr: [3],
    });
  });
  it('does not know without an ELR from the broker (null is not an empty ELR)', () => {
    expect(cleanLeaderCandidates(p, undefined)).toBeNull();
    expect(cleanLeaderCandidates(p, { eligibleLeaderReplicas: null, lastKnownElr: null })).toBeNull();
  });
});
