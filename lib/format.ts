const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number) {
  return integer.format(value);
}

/** "just now", "12 s ago", "3 min ago", "2 h ago", then a date. */
export function formatAge(thenMs: number, nowMs: number) {
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(thenMs).toISOString().slice(0, 10);
}

/** Exact int64 decimal strings (offsets, message counts) with grouping; BigInt keeps values past 2^53 exact. */
export function formatInt64(value: string | bigint) {
  return integer.format(typeof value === 'bigint' ? value : BigInt(value));
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Binary units, as Kafka's log dirs and `du -h` count: "512 B", "1.5 KiB", "12.3 MiB", "512 GiB". */
export function formatBytes(bytes: string | number | bigint) {
  // Display only: a Number's 53-bit precision is plenty once the value is scaled to a unit.
  let value = Number(bytes);
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${integer.format(value)} B`;
  // 1023.96 KiB would round to "1,024.0 KiB": show it as the next unit instead.
  if (Math.abs(value) >= 1023.95 && unit < BYTE_UNITS.length - 1) return `1.0 ${BYTE_UNITS[unit + 1]}`;
  return `${Math.abs(value) >= 100 ? integer.format(value) : oneDecimal.format(value)} ${BYTE_UNITS[unit]}`;
}

const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A value already in percent (0–100): "100%", "66.7%". */
export function formatPercent(value: number) {
  return `${percent.format(value)}%`;
}

const DURATION_UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
] as const;

/** A time lag or an ETA: "0 s", "< 1 s", "42 s", "3 min 5 s", "2 h 14 min", "3 d 4 h" (the two largest units). */
export function formatDuration(ms: number) {
  if (!Number.isFinite(ms) || ms <= 0) return '0 s';
  if (ms < 500) return '< 1 s';
  let seconds = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of DURATION_UNITS) {
    if (seconds < size && parts.length === 0) continue;
    const count = Math.floor(seconds / size);
    seconds -= count * size;
    if (count > 0) parts.push(`${integer.format(count)} ${unit}`);
    if (parts.length === 2 || (parts.length === 1 && count === 0)) break;
  }
  return parts.join(' ');
}

const rate = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/** A metric value in its unit (as the metrics API names it): "1,234 msg/s", "1.5 MiB/s", "3.0 GiB", "1 min 5 s". */
export function formatMetric(value: number, unit: string) {
  switch (unit) {
    case 'B':
      return formatBytes(value);
    case 'B/s':
      return `${formatBytes(value)}/s`;
    case 's':
      return formatDuration(value * 1000);
    case 'msg':
      return `${integer.format(value)} msg`;
    default:
      // Rates below 1000 keep three significant digits (0.25 msg/s is a real, quiet topic).
      return `${Math.abs(value) >= 1000 ? integer.format(value) : rate.format(value)} ${unit}`;
  }
}

/** A value axis tick: short, the unit only where the number alone would mislead ("1.2K", "512 KiB", "5 min"). */
export function formatMetricTick(value: number, unit: string) {
  if (unit === 'B' || unit === 'B/s') return formatBytes(value);
  if (unit === 's') return formatSecondsTick(value);
  return compact.format(value);
}

const tickNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Seconds in the one unit that suits them, at most one decimal: "45 s", "3.8 min", "1.5 h", "2 d" (one word fits an axis). */
function formatSecondsTick(seconds: number) {
  const abs = Math.abs(seconds);
  if (abs < 60) return `${tickNumber.format(seconds)} s`;
  if (abs < 3_600) return `${tickNumber.format(seconds / 60)} min`;
  if (abs < 86_400) return `${tickNumber.format(seconds / 3_600)} h`;
  return `${tickNumber.format(seconds / 86_400)} d`;
}

/**
 * A time axis tick for a range of `spanMs`: the time of day up to a day, the date beyond. `timeZone` for tests;
 * the browser's zone otherwise.
 */
export function formatTimeTick(t: number, spanMs: number, timeZone?: string) {
  const options: Intl.DateTimeFormatOptions =
    spanMs <= 86_400_000 ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat('en-US', { ...options, timeZone }).format(t);
}

/** The time of a tooltip: date and time to the second. */
export function formatDateTime(t: number, timeZone?: string) {
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(t);
}
