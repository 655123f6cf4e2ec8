// Downsampling for charts: largest-triangle-three-buckets (Steinarsson 2013), which keeps a line's visual shape
// (peaks and troughs) with few points. Null values are gaps: a run of nulls becomes one null point and the
// stretches of data between gaps are downsampled separately, so a gap is never bridged or smoothed away. Pure.
import type { MetricPoint } from '@/lib/schemas/metrics';

type Run = [number, number][];
type Item = { gap: MetricPoint } | { run: Run };

/** At most `max` points of `points` (sorted by time), first and last of each stretch of data kept. */
export function lttb(points: readonly MetricPoint[], max: number): MetricPoint[] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`lttb: max must be a positive integer, got ${max}`);
  if (points.length <= max) return points.slice();
  let items = splitAtGaps(points);
  const gaps = () => items.filter((item) => 'gap' in item).length;
  if (items.length > max) items = keepLongestRuns(items, max);
  const runs = items.flatMap((item) => ('run' in item ? [item.run] : []));
  const budgets = allocate(
    runs.map((run) => run.length),
    max - gaps(),
  );
  let next = 0;
  return items.flatMap((item) => ('gap' in item ? [item.gap] : downsampleRun(item.run, budgets[next++]!)));
}

/** Stretches of non-null points, and one null point per run of nulls between them. */
function splitAtGaps(points: readonly MetricPoint[]): Item[] {
  const items: Item[] = [];
  for (const [t, v] of points) {
    const last = items.at(-1);
    if (v === null) {
      if (!last || !('gap' in last)) items.push({ gap: [t, null] });
    } else if (last && 'run' in last) last.run.push([t, v]);
    else items.push({ run: [[t, v]] });
  }
  return items;
}

/**
 * More stretches and gaps than points allowed (data flapping between values and nulls): keep the longest
 * stretches that fit, one gap between each two, and the leading and trailing gaps if there is room.
 */
function keepLongestRuns(items: Item[], max: number): Item[] {
  const runs = items.flatMap((item, index) => ('run' in item ? [{ index, length: item.run.length }] : []));
  const keep = Math.max(1, Math.floor((max - 1) / 2));
  const kept = new Set(
    runs
      .sort((a, b) => b.length - a.length || a.index - b.index)
      .slice(0, keep)
      .map((run) => run.index),
  );
  const result: Item[] = [];
  for (const [index, item] of items.entries()) {
    if ('run' in item ? kept.has(index) : result.length === 0 || 'run' in result.at(-1)!)
      result.push('run' in item ? item : { gap: item.gap });
  }
  // 2 * keep + 1 items fit unless max < 3: then the leading and trailing gaps go.
  if (result.length > max && 'gap' in result.at(-1)!) result.pop();
  if (result.length > max && 'gap' in result[0]!) result.shift();
  return result;
}

/** Splits `budget` points over stretches of `lengths` points, in proportion, at least one each, never more than it has. */
export function allocate(lengths: readonly number[], budget: number): number[] {
  const total = lengths.reduce((sum, n) => sum + n, 0);
  if (total <= budget) return lengths.slice();
  const shares = lengths.map((n) => (n * budget) / total);
  const counts = shares.map((share, i) => Math.min(lengths[i]!, Math.max(1, Math.floor(share))));
  let sum = counts.reduce((s, n) => s + n, 0);
  // Rounding up to one point each can overshoot: take back from the largest.
  while (sum > budget) {
    const largest = counts.reduce((best, n, i) => (n > counts[best]! ? i : best), 0);
    if (counts[largest]! <= 1) break;
    counts[largest]! -= 1;
    sum -= 1;
  }
  // Flooring undershoots: give the rest to the stretches furthest below their share.
  while (sum < budget) {
    let best = -1;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i]! < lengths[i]! && (best < 0 || shares[i]! - counts[i]! > shares[best]! - counts[best]!)) best = i;
    }
    if (best < 0) break;
    counts[best]! += 1;
    sum += 1;
  }
  return counts;
}

/** LTTB proper on a stretch without nulls. One point: the largest value (a peak matters more than a mean). */
function downsampleRun(run: Run, budget: number): MetricPoint[] {
  const n = run.length;
  if (budget >= n) return run;
  if (budget === 1) return [run.reduce((best, point) => (point[1] > best[1] ? point : best))];
  if (budget === 2) return [run[0]!, run[n - 1]!];
  const out: MetricPoint[] = [run[0]!];
  // The n - 2 inner points go into budget - 2 buckets of `every` points.
  const every = (n - 2) / (budget - 2);
  let a = 0;
  for (let i = 0; i < budget - 2; i++) {
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgT = 0;
    let avgV = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgT += run[j]![0];
      avgV += run[j]![1];
    }
    avgT /= nextEnd - nextStart;
    avgV /= nextEnd - nextStart;
    const [aT, aV] = run[a]!;
    let best = -1;
    let bestArea = -1;
    for (let j = Math.floor(i * every) + 1; j < nextStart; j++) {
      const area = Math.abs((aT - avgT) * (run[j]![1] - aV) - (aT - run[j]![0]) * (avgV - aV));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(run[best]!);
    a = best;
  }
  out.push(run[n - 1]!);
  return out;
}
