import type { WindowEntry } from '@/server/lag/burrow-status';

export type Rates = {
  /** Records a second the group's committed offset advanced over the window (negative after a rewind). */
  consumeRate: number | null;
  /** Records a second the high watermark advanced over the window. */
  produceRate: number | null;
};

/** Δvalue / Δt between the oldest and the newest sample where the value is known, per second; null below two. */
function ratePerSecond(entries: readonly WindowEntry[], value: (e: WindowEntry) => number): number | null {
  let first: WindowEntry | undefined;
  let last: WindowEntry | undefined;
  for (const e of entries) {
    if (Number.isNaN(value(e))) continue;
    first ??= e;
    last = e;
  }
  if (!first || !last || last.time <= first.time) return null;
  return ((value(last) - value(first)) * 1000) / (last.time - first.time);
}

/** Consume rate (Δcommitted/Δt) and produce rate (ΔHWM/Δt) over the samples of the window. */
export function windowRates(entries: readonly WindowEntry[]): Rates {
  return { consumeRate: ratePerSecond(entries, (e) => e.committed), produceRate: ratePerSecond(entries, (e) => e.hwm) };
}

/**
 * Catch-up ETA in ms: lag ÷ (consume rate − produce rate) when the group gains on the log; 0 when there is no lag
 * (a negative lag included); null when the lag or a rate is unknown or the group is not catching up.
 */
export function etaMs(lag: number | null, { consumeRate, produceRate }: Rates): number | null {
  if (lag === null || !Number.isFinite(lag)) return null;
  if (lag <= 0) return 0;
  if (consumeRate === null || produceRate === null) return null;
  const gain = consumeRate - produceRate;
  return gain > 0 ? Math.round((lag / gain) * 1000) : null;
}
