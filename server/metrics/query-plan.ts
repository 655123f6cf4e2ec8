// How a range query reads the store: which resolution, which stretch from which table, and how the stretches
// join into one line per series. Pure; server/metrics/query.ts runs it.
import type { MetricPoint } from '@/lib/schemas/metrics';
import { ROLLUP_LEVELS, type MetricsRetention, type RollupLevel } from '@/server/metrics/retention';

export type Resolution = 'raw' | RollupLevel;
/** Points with from <= t < to, read from one resolution. */
export type Segment = { resolution: Resolution; from: number; to: number };

/** A point further than this many steps from the previous one starts a new stretch: a null goes between them. */
export const GAP_STEPS = 3;

/** The finest resolution whose retention reaches back to `from`; the coarsest when none does. */
export function chooseResolution(from: number, now: number, retention: MetricsRetention): Resolution {
  if (from >= now - retention.rawMs) return 'raw';
  return ROLLUP_LEVELS.find((level) => from >= now - retention[level.retention]) ?? ROLLUP_LEVELS.at(-1)!;
}

/**
 * The chosen resolution serves [from, to) as far as it is rolled up (`rolledUntil`, by step); each finer level
 * continues from there as far as it is rolled up, and raw points serve the rest: the last minutes of any range
 * are not in a rollup yet, so a 7-day chart still ends at the latest pass.
 */
export function planSegments(query: {
  from: number;
  to: number;
  now: number;
  retention: MetricsRetention;
  rolledUntil: ReadonlyMap<number, number>;
}): { resolution: Resolution; segments: Segment[] } {
  const resolution = chooseResolution(query.from, query.now, query.retention);
  const coarseToFine = resolution === 'raw' ? [] : ROLLUP_LEVELS.slice(0, ROLLUP_LEVELS.indexOf(resolution) + 1).reverse();
  const segments: Segment[] = [];
  let cursor = query.from;
  for (const level of coarseToFine) {
    const end = Math.min(query.to, query.rolledUntil.get(level.stepMs) ?? cursor);
    if (end <= cursor) continue;
    segments.push({ resolution: level, from: cursor, to: end });
    cursor = end;
  }
  if (cursor < query.to) segments.push({ resolution: 'raw', from: cursor, to: query.to });
  return { resolution, segments };
}

/**
 * One series' stretches, oldest first, joined: where two neighbouring points are further apart than GAP_STEPS of
 * the coarser of their steps (the sampler or the console was down), a null just after the earlier one's span
 * breaks the line instead of bridging the gap.
 */
export function joinSegments(parts: readonly { stepMs: number; points: readonly MetricPoint[] }[]): MetricPoint[] {
  const out: MetricPoint[] = [];
  let previous: { t: number; v: number | null; stepMs: number } | undefined;
  for (const { stepMs, points } of parts) {
    for (const [t, v] of points) {
      if (previous && previous.v !== null && v !== null && t - previous.t > GAP_STEPS * Math.max(stepMs, previous.stepMs)) {
        out.push([previous.t + previous.stepMs, null]);
      }
      out.push([t, v]);
      previous = { t, v, stepMs };
    }
  }
  return out;
}

/** The median spacing of points (raw points have no fixed step: the sampler's interval adapts); null with < 2 points. */
export function medianSpacing(seriesTimes: readonly (readonly number[])[]): number | null {
  const deltas = seriesTimes.flatMap((times) => times.slice(1).map((t, i) => t - times[i]!)).sort((a, b) => a - b);
  if (deltas.length === 0) return null;
  const middle = Math.floor(deltas.length / 2);
  return deltas.length % 2 === 1 ? deltas[middle]! : Math.round((deltas[middle - 1]! + deltas[middle]!) / 2);
}

/** The answer's stepMs: the data's spacing, or the spacing after downsampling to `points` when that is wider. */
export function responseStep(dataStepMs: number | null, from: number, to: number, points: number): number {
  return Math.max(dataStepMs ?? 1, Math.ceil((to - from) / points), 1);
}
