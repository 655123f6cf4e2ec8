import { describe, expect, it } from 'vitest';
import { leaderChanges, movedReplicas } from '@/server/reassign/planner/output';
import { planReassignment } from '@/server/reassign/planner/plan';
import { brokers, kafkaPlacement, topic } from '@/test/support/planner-layouts';
import type { ClusterLayout } from '@/server/reassign/planner/types';

const replace = (layout: ClusterLayout, from: number, to: number, topics?: string[]) =>
  planReassignment(layout, { mode: 'replace', from, to, topics });

describe('replace', () => {
  const three = brokers([1, 2, 3]);
  const layout = {
    brokers: brokers([1, 2, 3, 4]),
    topics: [topic('orders', kafkaPlacement(12, 2, three)), topic('__consumer_offsets', kafkaPlacement(6, 3, three), true)],
  };

  it('puts the new broker at the same position in every list (leaders stay leaders), internal topics included', () => {
    const changes = replace(layout, 3, 4);
    const holding3 = layout.topics.flatMap((t) =>
      t.partitions.filter((p) => p.replicas.includes(3)).map((p) => `${t.name}-${p.partition}`),
    );
    expect(changes.map((c) => `${c.topic}-${c.partition}`).sort()).toEqual(holding3.sort());
    for (const c of changes) expect(c.after).toEqual(c.before.map((b) => (b === 3 ? 4 : b)));
    expect(movedReplicas(changes)).toBe(holding3.length);
    expect(leaderChanges(changes)).toBe(changes.filter((c) => c.before[0] === 3).length);
  });

  it('a broker that is down can be replaced; topics narrow the scope', () => {
    const down = { ...layout, brokers: brokers([1, 2, 4]) };
    const changes = replace(down, 3, 4, ['orders']);
    expect(changes.every((c) => c.topic === 'orders' && c.after.includes(4) && !c.after.includes(3))).toBe(true);
  });

  it('refuses the same broker, a broker that is not live, a foreign broker, and a partition that already holds the new one', () => {
    expect(() => replace(layout, 3, 3)).toThrow(expect.objectContaining({ field: 'to' }));
    expect(() => replace(layout, 3, 7)).toThrow(expect.objectContaining({ field: 'to', message: 'broker 7 is not live' }));
    expect(() => replace(layout, 9, 4)).toThrow(
      expect.objectContaining({ field: 'from', message: 'broker 9 is not part of this cluster' }),
    );
    const clash = {
      brokers: three,
      topics: [
        topic('t', [
          [1, 2],
          [2, 3],
          [3, 1],
        ]),
      ],
    };
    expect(() => replace(clash, 1, 2)).toThrow(
      expect.objectContaining({ field: 'to', message: 'broker 2 already holds a replica of t-0' }),
    );
  });

  it('refuses a broker whose rack would narrow a partition, and accepts one in the same rack', () => {
    const racked = {
      brokers: brokers([1, 2, 3, 4], ['a', 'b', 'a', 'b']),
      topics: [
        topic('t', [
          [1, 2],
          [2, 1],
        ]),
      ],
    };
    expect(() => replace(racked, 1, 4)).toThrow(
      expect.objectContaining({ field: 'to', message: 'broker 4 (b) would leave t-0, t-1 spread over fewer racks' }),
    );
    expect(replace(racked, 1, 3)).toEqual([
      { topic: 't', partition: 0, before: [1, 2], after: [3, 2] },
      { topic: 't', partition: 1, before: [2, 1], after: [2, 3] },
    ]);
  });
});
