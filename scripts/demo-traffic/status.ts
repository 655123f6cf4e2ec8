// Counters and the one-line status printed every ~10 s.
export type Counts = Readonly<Record<string, number>>;

export function createCounter(names: readonly string[] = []) {
  const counts: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  return {
    add(name: string, n: number) {
      counts[name] = (counts[name] ?? 0) + n;
    },
    snapshot(): Counts {
      return { ...counts };
    },
  };
}

export const total = (counts: Counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);

const perSec = (n: number, sec: number) => (sec > 0 ? n / sec : 0).toFixed(1);

export type StatusInput = {
  elapsedSec: number;
  /** Seconds since the previous status line; rates are over this window so bursts are visible. */
  intervalSec: number;
  produced: Counts;
  previous: Counts;
  consumed: Counts;
  /** Free-form suffix, e.g. the rebalancing group's member count. */
  note?: string;
};

export function formatStatus(input: StatusInput): string {
  const { elapsedSec, intervalSec, produced, previous, consumed } = input;
  const topics = Object.entries(produced)
    .map(([topic, n]) => `${topic} ${n} (${perSec(n - (previous[topic] ?? 0), intervalSec)}/s)`)
    .join(', ');
  const groups = Object.entries(consumed)
    .map(([group, n]) => `${group} ${n}`)
    .join(', ');
  const now = perSec(total(produced) - total(previous), intervalSec);
  const head = `[demo-traffic +${Math.round(elapsedSec)}s] produced ${total(produced)} (${now}/s): ${topics}`;
  return `${head} | consumed: ${groups || 'nothing yet'}${input.note ? ` | ${input.note}` : ''}`;
}
