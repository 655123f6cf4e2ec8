'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatMetric, formatMetricTick, formatTimeTick } from '@/lib/format';
import { toChartRows, type ChartLine } from '@/lib/metric-series';

// Distinguishable on light and dark backgrounds; lines beyond the palette reuse it.
const COLORS = ['#0284c7', '#ea580c', '#16a34a', '#9333ea', '#dc2626', '#ca8a04', '#0d9488', '#db2777', '#4f46e5', '#65a30d'];

/**
 * Lines of one unit over [from, to). No dots and no animation (it is polled and redrawn); nulls break the line
 * (connectNulls off) so a time without data shows as a gap, not a made-up slope.
 */
export function TimeSeriesChart({ lines, unit, from, to }: { lines: readonly ChartLine[]; unit: string; from: number; to: number }) {
  const rows = toChartRows(lines);
  return (
    <ResponsiveContainer width="100%" height="100%" className="text-xs text-zinc-500 dark:text-zinc-400">
      <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[from, to]}
          allowDataOverflow
          tickFormatter={(t: number) => formatTimeTick(t, to - from)}
          stroke="currentColor"
          tick={{ fill: 'currentColor' }}
          minTickGap={24}
        />
        <YAxis
          width={76}
          tickFormatter={(v: number) => formatMetricTick(v, unit)}
          stroke="currentColor"
          tick={{ fill: 'currentColor' }}
          allowDecimals={unit !== 'msg'}
        />
        <Tooltip
          labelFormatter={(t) => (typeof t === 'number' ? formatDateTime(t) : String(t))}
          formatter={(value, name) => [typeof value === 'number' ? formatMetric(value, unit) : 'no data', name]}
          contentStyle={{ fontSize: 12 }}
        />
        {lines.length > 1 ? <Legend iconType="plainline" /> : null}
        {lines.map((line, i) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.label}
            type="monotone"
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
