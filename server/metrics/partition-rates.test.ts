import { describe, expect, it } from 'vitest';
import { partitionKey } from '@/server/kafka/partition-key';
import type { ClusterReading, PartitionReading } from '@/server/metrics/pass-reading-types';
import { partitionRates } from '@/server/metrics/partition-rates';

const KEY = partitionKey('orders', 0);

/** A partition of `orders` led by broker 1; override what the case is about. */
const partition = (over: Partial<PartitionReading> = {}): PartitionReading => {
  const p = { topic: 'orders', leader: 1, highWatermark: 0, logStartOffset: 0, leaderSizeBytes: 0, ...over };
  // Sizes read with the offsets unless the case says otherwise.
  return { sizedHighWatermark: p.highWatermark, sizedLogStartOffset: p.logStartOffset, ...p };
};

const reading = (time: number, partitions: Record<string, PartitionReading>, sizesTime = time): ClusterReading => ({
  time,
  sizesTime,
  partitions: new Map(Object.entries(partitions)),
  brokerDiskBytes: new Map([[1, 1_000_000]]),
});

/** The rates of `orders`-0 between two readings of it `seconds` apart. */
const rateOf = (before: Partial<PartitionReading>, now: Partial<PartitionReading>, seconds = 10) =>
  partitionRates(reading(1_000, { [KEY]: partition(before) }), reading(1_000 + seconds * 1000, { [KEY]: partition(now) })).rates.get(KEY);

describe('partitionRates', () => {
  it('is empty on the first reading', () => {
    expect(partitionRates(null, reading(1_000, { [KEY]: partition({ highWatermark: 10 }) })).rates).toEqual(new Map());
  });

  it('is empty when the current reading is not newer than the previous one', () => {
    const previous = reading(5_000, { [KEY]: partition({ highWatermark: 10 }) });
    expect(partitionRates(previous, reading(5_000, { [KEY]: partition({ highWatermark: 20 }) })).rates).toEqual(new Map());
    expect(partitionRates(previous, reading(4_000, { [KEY]: partition({ highWatermark: 20 }) })).rates).toEqual(new Map());
  });

  it('gives messages/s as Δ high watermark over Δt, and bytes/s as Δ leader size over Δt when the log grew under the same leader', () => {
    expect(rateOf({ highWatermark: 100, leaderSizeBytes: 10_000 }, { highWatermark: 350, leaderSizeBytes: 35_500 })).toEqual({
      messagesPerSec: 25,
      bytesPerSec: 2_550,
    });
    const odd = rateOf({ highWatermark: 0, leaderSizeBytes: 0 }, { highWatermark: 1, leaderSizeBytes: 7 }, 3);
    expect(odd?.messagesPerSec).toBeCloseTo(1 / 3, 12);
    expect(odd?.bytesPerSec).toBeCloseTo(7 / 3, 12);
  });

  it('uses the measured growth even when it is smaller than an estimate would be (log grew by 0)', () => {
    expect(rateOf({ highWatermark: 100, leaderSizeBytes: 10_000 }, { highWatermark: 200, leaderSizeBytes: 10_000 })).toEqual({
      messagesPerSec: 10,
      bytesPerSec: 0,
    });
  });

  it('estimates bytes as new messages × the new log’s bytes per offset when the log shrank (retention, compaction)', () => {
    // After: 6,000 B over offsets 800..1,100 → 20 B/offset; 100 new messages in 10 s → 200 B/s.
    expect(
      rateOf(
        { highWatermark: 1_000, logStartOffset: 0, leaderSizeBytes: 50_000 },
        { highWatermark: 1_100, logStartOffset: 800, leaderSizeBytes: 6_000 },
      ),
    ).toEqual({ messagesPerSec: 10, bytesPerSec: 200 });
  });

  it('estimates bytes when the leader changed, even though the log looks grown', () => {
    // After: 90,000 B over offsets 0..600 → 150 B/offset; 100 new messages in 10 s → 1,500 B/s (not Δsize 40,000/10).
    expect(
      rateOf({ leader: 1, highWatermark: 500, leaderSizeBytes: 50_000 }, { leader: 2, highWatermark: 600, leaderSizeBytes: 90_000 }),
    ).toEqual({ messagesPerSec: 10, bytesPerSec: 1_500 });
  });

  it('falls back to the previous log’s bytes per offset when the new one is unknown', () => {
    // Before: 40,000 B over offsets 100..500 → 100 B/offset; 50 new messages in 10 s → 500 B/s.
    expect(
      rateOf(
        { leader: 1, highWatermark: 500, logStartOffset: 100, leaderSizeBytes: 40_000 },
        { leader: 2, highWatermark: 550, logStartOffset: 100, leaderSizeBytes: null },
      ),
    ).toEqual({ messagesPerSec: 5, bytesPerSec: 500 });
    // New log empty (all offsets deleted): 0 offsets, so its bytes per offset is unknown too.
    expect(
      rateOf(
        { highWatermark: 500, logStartOffset: 300, leaderSizeBytes: 2_000 },
        { highWatermark: 600, logStartOffset: 600, leaderSizeBytes: 0 },
      ),
    ).toEqual({ messagesPerSec: 10, bytesPerSec: 100 });
  });

  it('gives null bytes but the messages rate when sizes are unknown and no estimate is possible', () => {
    expect(rateOf({ highWatermark: 100, leaderSizeBytes: null }, { highWatermark: 300, leaderSizeBytes: null })).toEqual({
      messagesPerSec: 20,
      bytesPerSec: null,
    });
    // Only the previous size known, and its log start unknown: no growth and no bytes per offset.
    expect(
      rateOf({ highWatermark: 100, logStartOffset: null, leaderSizeBytes: 5_000 }, { highWatermark: 300, leaderSizeBytes: null }),
    ).toEqual({ messagesPerSec: 20, bytesPerSec: null });
  });

  it('gives 0 bytes/s when no messages arrived, whatever the sizes did', () => {
    expect(rateOf({ highWatermark: 100, leaderSizeBytes: 10_000 }, { highWatermark: 100, leaderSizeBytes: 2_000 })).toEqual({
      messagesPerSec: 0,
      bytesPerSec: 0,
    });
    expect(
      rateOf({ leader: 1, highWatermark: 100, leaderSizeBytes: null }, { leader: 3, highWatermark: 100, leaderSizeBytes: null }),
    ).toEqual({
      messagesPerSec: 0,
      bytesPerSec: 0,
    });
  });

  it('gives null for both when the high watermark went back (topic recreated, unclean election)', () => {
    expect(rateOf({ highWatermark: 1_000, leaderSizeBytes: 10_000 }, { highWatermark: 10, leaderSizeBytes: 20_000 })).toEqual({
      messagesPerSec: null,
      bytesPerSec: null,
    });
  });

  it('gives null for both when either high watermark is unknown', () => {
    expect(rateOf({ highWatermark: null }, { highWatermark: 100 })).toEqual({ messagesPerSec: null, bytesPerSec: null });
    expect(rateOf({ highWatermark: 100 }, { highWatermark: null })).toEqual({ messagesPerSec: null, bytesPerSec: null });
  });

  it('gives null for a partition the previous reading did not have, and nothing for one the current reading lacks', () => {
    const gone = partitionKey('orders', 1);
    const added = partitionKey('orders', 2);
    const { rates } = partitionRates(
      reading(0, { [KEY]: partition({ highWatermark: 10, leaderSizeBytes: 100 }), [gone]: partition({ highWatermark: 5 }) }),
      reading(2_000, { [KEY]: partition({ highWatermark: 30, leaderSizeBytes: 500 }), [added]: partition({ highWatermark: 50 }) }),
    );
    expect(rates).toEqual(
      new Map([
        [KEY, { messagesPerSec: 10, bytesPerSec: 200 }],
        [added, { messagesPerSec: null, bytesPerSec: null }],
      ]),
    );
  });

  describe('when the sizes are read less often than the offsets (metrics.logDirsEveryMs)', () => {
    // Sizes read at t=0 (100 B per offset so far), reused at t=10 s, read again at t=20 s (the 4,000 messages since
    // the last size reading took 600,000 B: 150 B each), reused at t=30 s.
    const A = reading(0, { [KEY]: partition({ highWatermark: 10_000, leaderSizeBytes: 1_000_000 }) });
    const B = reading(10_000, { [KEY]: partition({ highWatermark: 12_000, leaderSizeBytes: 1_000_000, sizedHighWatermark: 10_000 }) }, 0);
    const C = reading(20_000, { [KEY]: partition({ highWatermark: 14_000, leaderSizeBytes: 1_600_000 }) });
    const D = reading(
      30_000,
      { [KEY]: partition({ highWatermark: 15_000, leaderSizeBytes: 1_600_000, sizedHighWatermark: 14_000 }) },
      20_000,
    );

    it("estimates bytes from the log's bytes per offset until a growth was measured", () => {
      const ab = partitionRates(A, B);
      expect(ab.rates.get(KEY)).toEqual({ messagesPerSec: 200, bytesPerSec: 20_000 });
      expect(ab.bytesPerMessage).toEqual(new Map());
    });

    it('measures bytes per message between the two size readings, not the two passes, and keeps using it', () => {
      const bc = partitionRates(B, C);
      expect(bc.rates.get(KEY)).toEqual({ messagesPerSec: 200, bytesPerSec: 30_000 });
      expect(bc.bytesPerMessage).toEqual(new Map([[KEY, 150]]));
      const cd = partitionRates(C, D, bc.bytesPerMessage);
      expect(cd.rates.get(KEY)).toEqual({ messagesPerSec: 100, bytesPerSec: 15_000 });
      expect(cd.bytesPerMessage).toEqual(new Map([[KEY, 150]]));
    });

    it('measures with sizes another reader took between the passes (their own offsets, not the pass’s)', () => {
      // Read at t=15 s by a page: offset 13,000 and 1,300,000 B → 300,000 B for 3,000 messages since t=0.
      const between = reading(
        20_000,
        { [KEY]: partition({ highWatermark: 14_000, leaderSizeBytes: 1_300_000, sizedHighWatermark: 13_000 }) },
        15_000,
      );
      const { rates, bytesPerMessage } = partitionRates(B, between);
      expect(bytesPerMessage).toEqual(new Map([[KEY, 100]]));
      expect(rates.get(KEY)).toEqual({ messagesPerSec: 200, bytesPerSec: 20_000 });
    });

    it('does not measure over fewer messages than MIN_MEASURED_MESSAGES: the size may have been read before a few of them', () => {
      // An empty topic; its producer starts just before the next size reading, which saw 5 offsets and 0 bytes.
      const empty = reading(0, { [KEY]: partition({ highWatermark: 0, leaderSizeBytes: 0 }) });
      const started = reading(10_000, { [KEY]: partition({ highWatermark: 1_200, leaderSizeBytes: 0, sizedHighWatermark: 5 }) }, 9_000);
      const { rates, bytesPerMessage } = partitionRates(empty, started);
      expect(rates.get(KEY)).toEqual({ messagesPerSec: 120, bytesPerSec: null });
      expect(bytesPerMessage).toEqual(new Map());
    });

    it('keeps the last measured bytes per message across a leader change or a shrunk log, and forgets gone partitions', () => {
      const moved = reading(40_000, { [KEY]: partition({ leader: 2, highWatermark: 16_000, leaderSizeBytes: 9_000 }) });
      const { rates, bytesPerMessage } = partitionRates(
        D,
        moved,
        new Map([
          [KEY, 150],
          [partitionKey('gone', 0), 7],
        ]),
      );
      expect(rates.get(KEY)).toEqual({ messagesPerSec: 100, bytesPerSec: 15_000 });
      expect(bytesPerMessage).toEqual(new Map([[KEY, 150]]));
    });

    it('uses a measured bytes per message between consecutive own size readings only for later estimates', () => {
      // Both read their own sizes: bytes are the growth itself (skew included, made up by the next pass).
      const own1 = reading(0, { [KEY]: partition({ highWatermark: 0, leaderSizeBytes: 0 }) });
      const own2 = reading(10_000, { [KEY]: partition({ highWatermark: 1_000, leaderSizeBytes: 99_000 }) });
      const { rates, bytesPerMessage } = partitionRates(own1, own2);
      expect(rates.get(KEY)).toEqual({ messagesPerSec: 100, bytesPerSec: 9_900 });
      expect(bytesPerMessage).toEqual(new Map([[KEY, 99]]));
    });
  });
});
