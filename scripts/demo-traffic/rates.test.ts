import { describe, expect, it } from 'vitest';
import { averageRate, createAccumulator, createThrottle, inBurst, peakRate, rateAt, type RateShape } from './rates';

describe('rateAt', () => {
  it('is the base rate, scaled by the multiplier, for a flat shape', () => {
    expect(rateAt({ base: 8 }, 0)).toBe(8);
    expect(rateAt({ base: 8 }, 1234)).toBe(8);
    expect(rateAt({ base: 8 }, 10, 2.5)).toBe(20);
  });

  it('follows the sine: peak at a quarter period, trough at three quarters', () => {
    const shape: RateShape = { base: 10, sine: { amplitude: 0.5, periodSec: 100 } };
    expect(rateAt(shape, 0)).toBeCloseTo(10);
    expect(rateAt(shape, 25)).toBeCloseTo(15);
    expect(rateAt(shape, 75)).toBeCloseTo(5);
    expect(rateAt(shape, 125)).toBeCloseTo(15);
  });

  it('multiplies by the burst factor only inside the burst window at the end of each cycle', () => {
    const shape: RateShape = { base: 10, burst: { everySec: 60, lengthSec: 10, factor: 3 } };
    expect(rateAt(shape, 0)).toBe(10);
    expect(rateAt(shape, 49.9)).toBe(10);
    expect(rateAt(shape, 50)).toBe(30);
    expect(rateAt(shape, 59.9)).toBe(30);
    expect(rateAt(shape, 60)).toBe(10);
    expect(rateAt(shape, 115)).toBe(30);
  });

  it('never goes negative, even with an amplitude above 1', () => {
    const shape: RateShape = { base: 10, sine: { amplitude: 1.5, periodSec: 100 } };
    expect(rateAt(shape, 75)).toBe(0);
  });
});

describe('inBurst', () => {
  it('handles negative time like the equivalent positive phase', () => {
    const burst = { everySec: 60, lengthSec: 10, factor: 2 };
    expect(inBurst(burst, -5)).toBe(true);
    expect(inBurst(burst, -15)).toBe(false);
  });
});

describe('peakRate and averageRate', () => {
  const shape: RateShape = { base: 30, sine: { amplitude: 0.5, periodSec: 180 }, burst: { everySec: 60, lengthSec: 10, factor: 3 } };

  it('peakRate bounds every sampled rate', () => {
    const peak = peakRate(shape);
    const sampled = Array.from({ length: 3600 }, (_, t) => rateAt(shape, t / 2));
    expect(Math.max(...sampled)).toBeLessThanOrEqual(peak + 1e-9);
    expect(peak).toBeCloseTo(135);
  });

  it('averageRate of a flat shape is the base, and bursts add their share', () => {
    expect(averageRate({ base: 7 })).toBeCloseTo(7);
    // 10 of every 60 s at ×3: 30 × (50 + 30) / 60 = 40
    expect(averageRate({ base: 30, burst: { everySec: 60, lengthSec: 10, factor: 3 } })).toBeCloseTo(40);
    expect(averageRate({ base: 30 }, 3600, 2)).toBeCloseTo(60);
  });
});

describe('createAccumulator', () => {
  it('carries fractions so slow rates still send the right total', () => {
    const acc = createAccumulator();
    let sent = 0;
    for (let tick = 0; tick < 200; tick++) sent += acc.take(0.4, 0.5); // 100 s at 0.4 msg/s
    expect(sent).toBe(40);
  });

  it('returns whole messages and ignores negative rates', () => {
    const acc = createAccumulator();
    expect(acc.take(25, 0.5)).toBe(12);
    expect(acc.take(25, 0.5)).toBe(13); // the 0.5 left over from the first tick
    expect(acc.take(-10, 1)).toBe(0);
  });
});

describe('createThrottle', () => {
  it('spaces chunks so throughput never exceeds the rate', () => {
    const throttle = createThrottle(10); // 10 msg/s = 100 ms per message
    expect(throttle.delayMs(4, 0)).toBe(400);
    // Next chunk asked for right away queues behind the first one.
    expect(throttle.delayMs(4, 0)).toBe(800);
    // Asked for at 800 ms (after waiting): 400 ms of its own work.
    expect(throttle.delayMs(4, 800)).toBe(400);
  });

  it('does not bank idle time as credit for a later burst', () => {
    const throttle = createThrottle(10);
    throttle.delayMs(1, 0);
    expect(throttle.delayMs(5, 60_000)).toBe(500);
  });
});
