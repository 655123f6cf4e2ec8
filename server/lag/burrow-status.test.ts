import { describe, expect, it } from 'vitest';
import { partitionStatus, worstStatus, type WindowEntry } from '@/server/lag/burrow-status';

const options = { window: 5, allowedLag: 0 };
/**
 * Samples 1 s apart, each a new commit at its sample time (unless `commitTimes` says otherwise) measured against the
 * previous sample's high watermark; `before` is the high watermark of the sample before the window (default: the
 * first sample's own, as for a partition's very first sample).
 */
function samples(
  points: [hwm: number, committed: number][],
  { commitTimes, before }: { commitTimes?: number[]; before?: number } = {},
): WindowEntry[] {
  return points.map(([hwm, committed], i) => ({
    time: 1000 * (i + 1),
    hwm,
    committed,
    commitTime: commitTimes?.[i] ?? 1000 * (i + 1),
    commitHwm: i === 0 ? (before ?? hwm) : points[i - 1]![0],
  }));
}
const idle = (n: number) => ({ commitTimes: Array.from({ length: n }, () => 1000) });
const status = (entries: WindowEntry[], allowedLag = 0) => partitionStatus(entries, { ...options, allowedLag });

describe('partitionStatus (Burrow evaluator on the sampler window)', () => {
  it('is null until the window has filled, or while a sample has no commit', () => {
    expect(
      status(
        samples([
          [10, 0],
          [20, 0],
          [30, 0],
          [40, 0],
        ]),
      ),
    ).toBeNull();
    expect(
      status(
        samples([
          [10, 0],
          [20, Number.NaN],
          [30, 0],
          [40, 0],
          [50, 0],
        ]),
      ),
    ).toBeNull();
    expect(status([])).toBeNull();
  });

  it('OK when the current lag is within the allowed lag, whatever came before', () => {
    expect(
      status(
        samples([
          [10, 0],
          [20, 0],
          [30, 0],
          [40, 0],
          [50, 50],
        ]),
      ),
    ).toBe('OK');
    expect(
      status(
        samples([
          [10, 0],
          [20, 5],
          [30, 10],
          [40, 20],
          [50, 47],
        ]),
        3,
      ),
    ).toBe('OK');
    // Negative lag (an offset set beyond the end) is no lag.
    expect(
      status(
        samples([
          [10, 0],
          [20, 5],
          [30, 10],
          [40, 20],
          [50, 60],
        ]),
      ),
    ).toBe('OK');
  });

  it('STOP when the time since the last commit exceeds the span of the commits and the group was not caught up', () => {
    // Nobody committed during the window: every sample carries the first commit time.
    expect(
      status(
        samples(
          [
            [10, 5],
            [20, 5],
            [30, 5],
            [40, 5],
            [50, 5],
          ],
          idle(5),
        ),
      ),
    ).toBe('STOP');
    // Commits at 1–3 s, then none: at 5 s, 2 s since the last > 2 s span? no (equal); add one more idle sample.
    const stoppedMidWindow = samples(
      [
        [10, 1],
        [20, 2],
        [30, 3],
        [40, 3],
        [50, 3],
        [60, 3],
      ],
      { commitTimes: [1000, 2000, 3000, 3000, 3000, 3000] },
    );
    expect(partitionStatus(stoppedMidWindow.slice(0, 5), options)).not.toBe('STOP');
    expect(partitionStatus(stoppedMidWindow.slice(1), options)).toBe('STOP');
  });

  it('not STOP when the high watermark stood at the last committed offset during the window (recently caught up)', () => {
    expect(
      status(
        samples(
          [
            [5, 5],
            [5, 5],
            [6, 5],
            [7, 5],
            [8, 5],
          ],
          idle(5),
        ),
      ),
    ).toBe('OK');
  });

  it('REWIND when an offset went backwards and did not get back', () => {
    expect(
      status(
        samples([
          [100, 50],
          [110, 60],
          [120, 20],
          [130, 30],
          [140, 40],
        ]),
      ),
    ).toBe('REWIND');
  });

  it('a rewind that recovered is not held against the group', () => {
    expect(
      status(
        samples([
          [100, 50],
          [110, 60],
          [120, 20],
          [130, 60],
          [140, 80],
        ]),
      ),
    ).toBe('OK');
  });

  it('REWIND comes before the zero-lag check (a group rewound to earliest after being caught up)', () => {
    expect(
      status(
        samples([
          [100, 100],
          [110, 110],
          [120, 0],
          [130, 10],
          [140, 20],
        ]),
      ),
    ).toBe('REWIND');
  });

  it('OK when some sample had lag within the allowed lag', () => {
    expect(
      status(
        samples([
          [10, 10],
          [20, 10],
          [30, 10],
          [40, 10],
          [50, 10],
        ]),
      ),
    ).toBe('OK');
  });

  it('measures each commit against the high watermark before it: a consumer that keeps up is OK', () => {
    // Every commit takes all that existed at the previous sample; at each sample 5–8 new records are waiting.
    expect(
      status(
        samples(
          [
            [20, 13],
            [26, 20],
            [33, 26],
            [41, 33],
            [47, 41],
          ],
          { before: 13 },
        ),
      ),
    ).toBe('OK');
  });

  it('STALL when a live group keeps committing the same offset with lag', () => {
    expect(
      status(
        samples([
          [10, 5],
          [20, 5],
          [30, 5],
          [40, 5],
          [50, 5],
        ]),
      ),
    ).toBe('STALL');
  });

  it('WARN when the offset advances but the lag never decreases', () => {
    // Commit lags 5, 5, 6, 8, 10.
    expect(
      status(
        samples([
          [10, 5],
          [20, 5],
          [30, 14],
          [40, 22],
          [50, 30],
        ]),
      ),
    ).toBe('WARN');
    // A consumer at 10 records a second behind a producer at 100.
    expect(
      status(
        samples(
          [
            [100, 10],
            [200, 20],
            [300, 30],
            [400, 40],
            [500, 50],
          ],
          { before: 20 },
        ),
      ),
    ).toBe('WARN');
  });

  it('OK when the lag decreased somewhere', () => {
    expect(
      status(
        samples([
          [10, 5],
          [20, 10],
          [30, 28],
          [40, 30],
          [50, 35],
        ]),
      ),
    ).toBe('OK');
  });

  it('skips samples whose high watermark was unknown', () => {
    // Commit lags 5, 5, unknown, 16, 18.
    expect(
      status(
        samples([
          [10, 5],
          [Number.NaN, 5],
          [30, 6],
          [40, 14],
          [50, 22],
        ]),
      ),
    ).toBe('WARN');
    // The current lag from the last sample whose high watermark is known (40 − 22).
    expect(
      status(
        samples([
          [10, 5],
          [20, 5],
          [30, 14],
          [40, 22],
          [Number.NaN, 30],
        ]),
      ),
    ).toBe('WARN');
    expect(
      status(
        samples([
          [Number.NaN, 5],
          [Number.NaN, 10],
          [Number.NaN, 15],
          [Number.NaN, 20],
          [Number.NaN, 25],
        ]),
      ),
    ).toBeNull();
  });
});

describe('worstStatus', () => {
  it('orders OK < WARN < REWIND < STALL < STOP, ignoring unknown', () => {
    expect(worstStatus(['OK', 'WARN', null])).toBe('WARN');
    expect(worstStatus(['STALL', 'REWIND', 'OK'])).toBe('STALL');
    expect(worstStatus(['STALL', 'STOP', 'WARN'])).toBe('STOP');
    expect(worstStatus([null, null])).toBeNull();
    expect(worstStatus([])).toBeNull();
  });
});
