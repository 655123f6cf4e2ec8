// Rate shaping for the producers: a base rate, optionally modulated by a slow sine wave and periodic bursts,
// so lag and throughput charts in the console have something interesting to show.

export type RateShape = {
  /** Messages per second at --rate 1. */
  base: number;
  /** Slow oscillation; amplitude is a fraction of base (0.5 = ±50 %). */
  sine?: { amplitude: number; periodSec: number };
  /** For lengthSec at the end of every everySec window the rate is multiplied by factor. */
  burst?: { everySec: number; lengthSec: number; factor: number };
};

/** Target rate (msgs/s) at tSec seconds after start. */
export function rateAt(shape: RateShape, tSec: number, multiplier = 1): number {
  let rate = shape.base;
  if (shape.sine) rate *= 1 + shape.sine.amplitude * Math.sin((2 * Math.PI * tSec) / shape.sine.periodSec);
  if (shape.burst && inBurst(shape.burst, tSec)) rate *= shape.burst.factor;
  return Math.max(0, rate * multiplier);
}

/** Bursts sit at the end of each window so the first one starts a while after launch, not immediately. */
export function inBurst(burst: NonNullable<RateShape['burst']>, tSec: number): boolean {
  const phase = ((tSec % burst.everySec) + burst.everySec) % burst.everySec;
  return phase >= burst.everySec - burst.lengthSec;
}

/** Upper bound of rateAt over all t; used to keep the total load modest. */
export function peakRate(shape: RateShape, multiplier = 1): number {
  const sine = shape.sine ? 1 + Math.abs(shape.sine.amplitude) : 1;
  const burst = shape.burst ? Math.max(1, shape.burst.factor) : 1;
  return shape.base * sine * burst * multiplier;
}

/**
 * Turns a fractional rate into whole messages per tick. The remainder is carried over,
 * otherwise a 0.4 msg/s topic ticking every 0.5 s would never send anything.
 */
export function createAccumulator(): { take(ratePerSec: number, dtSec: number): number } {
  let carry = 0;
  return {
    take(ratePerSec, dtSec) {
      carry += Math.max(0, ratePerSec * dtSec);
      const whole = Math.floor(carry);
      carry -= whole;
      return whole;
    },
  };
}

/**
 * Simulates a consumer that can only process ratePerSec messages: each chunk of work is scheduled
 * after the previous one, and delayMs says how long to wait before the chunk counts as done.
 */
export function createThrottle(ratePerSec: number): { delayMs(count: number, nowMs: number): number } {
  let busyUntil = 0;
  return {
    delayMs(count, nowMs) {
      busyUntil = Math.max(busyUntil, nowMs) + (count * 1000) / ratePerSec;
      return busyUntil - nowMs;
    },
  };
}

/** Mean of rateAt over [0, horizonSec), sampled once a second; for the start line's "~N msg/s" figure. */
export function averageRate(shape: RateShape, horizonSec = 3600, multiplier = 1): number {
  let sum = 0;
  for (let t = 0; t < horizonSec; t++) sum += rateAt(shape, t, multiplier);
  return sum / horizonSec;
}
