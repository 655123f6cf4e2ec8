import { describe, expect, it } from 'vitest';
import { partitionRisks } from '@/server/cluster-state/partition-health';

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
