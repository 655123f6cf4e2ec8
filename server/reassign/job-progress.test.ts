import { describe, expect, it } from 'vitest';
import {
  SETTLE_MS,
  initialProgress,
  keyOf,
  markSubmitted,
  nextChunk,
  observe,
  summarize,
  type Observation,
} from '@/server/reassign/job-progress';

const k = (partition: number) => keyOf('t', partition);

const changes = [
  { topic: 't', partition: 0, before: [1, 2], after: [1, 3] },
  { topic: 't', partition: 1, before: [2, 3], after: [3, 4] },
  { topic: 't', partition: 2, before: [3, 1], after: [3, 1] },
];
const sizes = new Map([
  [k(0), 1000n],
  [k(1), 500n],
  [k(2), 700n],
]);
const seen = (at: number, over: Partial<Observation> = {}): Observation => ({
  at,
  reassigning: new Map(),
  replicas: new Map(),
  replicaSizes: new Map(),
  ...over,
});

describe('reassignment job progress', () => {
  it('counts bytes to copy per added replica, and a partition already in place as done', () => {
    const p = initialProgress(changes, sizes, 0);
    expect(p.partitions.map((x) => [x.state, x.bytesTotal])).toEqual([
      ['pending', '1000'],
      ['pending', '500'],
      ['done', '0'],
    ]);
  });

  it('submits in chunks of at most maxMoving moving partitions', () => {
    let p = initialProgress(changes, sizes, 0);
    expect(nextChunk(p, 1).map((x) => x.partition)).toEqual([0]);
    p = markSubmitted(p, new Map(), nextChunk(p, 1), 5);
    expect(nextChunk(p, 1)).toEqual([]);
    expect(nextChunk(p, 2).map((x) => x.partition)).toEqual([1]);
    const refused = markSubmitted(p, new Map([[k(1), 'UNKNOWN_TOPIC_OR_PARTITION']]), nextChunk(p, 2), 6);
    expect(refused.partitions[1]).toMatchObject({ state: 'failed', error: 'UNKNOWN_TOPIC_OR_PARTITION' });
  });

  it('measures copied bytes on the added replicas, then done when the layout equals the target, failed otherwise', () => {
    let p = initialProgress(changes, sizes, 0);
    p = markSubmitted(p, new Map(), nextChunk(p, 10), 0);
    p = observe(
      p,
      seen(10_000, {
        reassigning: new Map([
          [k(0), { adding: [3], removing: [2] }],
          [k(1), { adding: [4], removing: [2] }],
        ]),
        replicaSizes: new Map([
          [`${k(0)}@3`, 400n],
          [`${k(1)}@4`, 9_999n],
        ]),
      }),
    );
    expect(p.partitions.map((x) => x.bytesDone)).toEqual(['400', '500', '0']);
    expect(summarize(p, 10_000, 60_000)).toEqual({
      bytesTotal: '1500',
      bytesDone: '900',
      bytesPerSec: 90,
      etaSeconds: 600 / 90,
      stalled: false,
    });
    p = observe(
      p,
      seen(20_000, {
        replicas: new Map([
          [k(0), [1, 3]],
          [k(1), [4, 3]],
        ]),
      }),
    );
    // Brokers' metadata may lag the controller: a partition off its target is given SETTLE_MS before it fails.
    expect(p.partitions.map((x) => x.state)).toEqual(['done', 'moving', 'done']);
    p = observe(p, seen(20_000 + SETTLE_MS, { replicas: new Map([[k(1), [4, 3]]]) }));
    expect(p.partitions.map((x) => x.state)).toEqual(['done', 'failed', 'done']);
    expect(p.partitions[1]!.error).toBe('The partition ended on [4,3], not the planned [3,4]');
  });

  it('measures the rate over the last 30 s only, so a stall shows at once', () => {
    let p = initialProgress(changes, sizes, 0);
    p = markSubmitted(p, new Map(), nextChunk(p, 10), 0);
    const copied = (at: number, bytes: bigint) =>
      observe(
        p,
        seen(at, { reassigning: new Map([[k(0), { adding: [3], removing: [2] }]]), replicaSizes: new Map([[`${k(0)}@3`, bytes]]) }),
      );
    p = copied(10_000, 500n);
    p = copied(40_000, 900n);
    p = copied(80_000, 900n);
    // 40 s → 80 s: nothing copied (the 50 B/s of the start are out of the window).
    expect(summarize(p, 80_000, 60_000).bytesPerSec).toBe(0);
  });

  it('is stalled when moving partitions copy nothing for longer than the limit', () => {
    let p = initialProgress(changes, sizes, 0);
    p = markSubmitted(p, new Map(), nextChunk(p, 10), 0);
    const stuck = {
      reassigning: new Map([
        [k(0), { adding: [3], removing: [2] }],
        [k(1), { adding: [4], removing: [2] }],
      ]),
    };
    p = observe(p, seen(30_000, stuck));
    expect(summarize(p, 30_000, 60_000).stalled).toBe(false);
    p = observe(p, seen(61_000, stuck));
    expect(summarize(p, 61_000, 60_000)).toMatchObject({ stalled: true, etaSeconds: null, bytesPerSec: 0 });
  });
});
