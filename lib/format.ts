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
