import type { MetricPoint, MetricSeries } from '@/lib/schemas/metrics';

/** One line of a chart: its points and how the legend and tooltip name it. */
export type ChartLine = { key: string; label: string; points: readonly MetricPoint[] };
/** One recharts row: the time `t` and each line's value by key; null draws a break. */
export type ChartRow = { t: number; [key: string]: number | null };

/** The series `name` without labels: the total of its scope (a group's lag over every topic, say). */
export function totalSeries(all: readonly MetricSeries[], name: string): MetricSeries | undefined {
  return all.find((s) => s.name === name && !s.labels);
}

/** The series `name` split by the label `label` (a group's lag per topic), by label value. */
export function seriesByLabel(all: readonly MetricSeries[], name: string, label: string): { value: string; series: MetricSeries }[] {
  return all
    .flatMap((series) => {
      const value = series.name === name ? series.labels?.[label] : undefined;
      return value === undefined ? [] : [{ value, series }];
    })
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** The newest non-null value of a series: the "current" figure of a stat card. */
export function latestValue(series: MetricSeries | undefined): number | null {
  const points = series?.points ?? [];
  for (let i = points.length - 1; i >= 0; i--) {
    const value = points[i]![1];
    if (value !== null) return value;
  }
  return null;
}

/** A line needs two points to show: with fewer everywhere the chart says it is collecting data instead. */
export function hasDrawableLine(lines: readonly ChartLine[]) {
  return lines.some((line) => line.points.filter(([, v]) => v !== null).length >= 2);
}

/**
 * The lines as recharts rows, one per time any line has a point. The API downsamples each series on its own
 * (LTTB), so lines rarely share times: where a line has no point of its own between two non-null ones, its value
 * is interpolated (it lies on the drawn segment anyway), otherwise a missing line would break at every other
 * row. A null point, or a time before a line's first point or after its last, stays null: a real gap.
 */
export function toChartRows(lines: readonly ChartLine[]): ChartRow[] {
  const times = [...new Set(lines.flatMap((line) => line.points.map(([t]) => t)))].sort((a, b) => a - b);
  const rows: ChartRow[] = times.map((t) => ({ t }));
  for (const { key, points } of lines) {
    let next = 0; // index of the first point at or after the row's time
    for (const row of rows) {
      while (next < points.length && points[next]![0] < row.t) next++;
      const at = points[next];
      if (at && at[0] === row.t) {
        row[key] = at[1];
        continue;
      }
      const before = points[next - 1];
      row[key] =
        before && at && before[1] !== null && at[1] !== null
          ? before[1] + ((at[1] - before[1]) * (row.t - before[0])) / (at[0] - before[0])
          : null;
    }
  }
  return rows;
}

/** The total series of each name as a line with its legend label; a series not stored yet is left out. */
export function totalLines(all: readonly MetricSeries[], specs: readonly { name: string; label: string }[]): ChartLine[] {
  return specs.flatMap(({ name, label }) => {
    const series = totalSeries(all, name);
    return series ? [{ key: name, label, points: series.points }] : [];
  });
}

/**
 * One line per value of `label` in the series `name` (a group's lag per topic), after the total when there is more
 * than one value (with one, the total is the same line twice).
 */
export function labelLines(all: readonly MetricSeries[], name: string, label: string, totalLabel: string): ChartLine[] {
  const split = seriesByLabel(all, name, label).map(({ value, series }, i) => ({
    key: `${label}-${i}`,
    label: value,
    points: series.points,
  }));
  const total = totalSeries(all, name);
  return split.length > 1 && total
    ? [{ key: 'total', label: totalLabel, points: total.points }, ...split]
    : split.length > 0
      ? split
      : totalLines(all, [{ name, label: totalLabel }]);
}
