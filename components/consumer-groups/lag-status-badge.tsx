import { formatDuration } from '@/lib/format';
import type { LagStatus } from '@/lib/schemas/consumer-groups';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONES: Record<LagStatus, BadgeTone> = { OK: 'good', WARN: 'warn', REWIND: 'bad', STALL: 'bad', STOP: 'bad' };

const MEANINGS: Record<LagStatus, string> = {
  OK: 'Keeping up: no lag now, or the lag went down or reached zero within the window',
  WARN: 'Falling behind: the offset moves but the lag never went down across the window',
  REWIND: 'The committed offset went backwards and has not come back',
  STALL: 'Stuck: a member owns the partition but its offset did not move across the window, with lag',
  STOP: 'Stopped: no commit for longer than the window spans, with lag',
};

export type GroupSampling = { samples: number; window: number; intervalMs: number };

/** Burrow works on every commit it reads; the console only polls, and may miss commits between two samples. */
export function samplingNote({ window, intervalMs }: Pick<GroupSampling, 'window' | 'intervalMs'>) {
  return `Burrow's rules over the console's last ${window} samples of the committed offsets (one every ${formatDuration(intervalMs)}), not over every commit as Burrow reads them: an offset may be committed several times between two samples. A commit is dated by the sample that first shows it (or by every sample while a member owns the partition) and its lag is measured against the previous sample's end offset.`;
}

type Props = {
  status: LagStatus | null | undefined;
  sampling: GroupSampling | null;
  /** The group has no committed offset (with a known end offset): there is nothing to collect. */
  uncommitted?: boolean;
};

/**
 * A Burrow-style status: OK good, WARN warn, REWIND / STALL / STOP bad. Without one: "collecting (k/N samples)"
 * while the window fills, "–" when the cluster is not sampled or nothing can be evaluated (no committed offset).
 */
export function LagStatusBadge({ status, sampling, uncommitted = false }: Props) {
  if (status) {
    return (
      <Badge tone={TONES[status]} title={`${MEANINGS[status]}.${sampling ? `\n${samplingNote(sampling)}` : ''}`}>
        {status}
      </Badge>
    );
  }
  if (!sampling)
    return (
      <span className="text-zinc-400" title="The console does not sample this cluster's lag">
        –
      </span>
    );
  if (sampling.samples < sampling.window && !uncommitted) {
    return (
      <span className="text-xs text-zinc-500 dark:text-zinc-400" title={samplingNote(sampling)}>
        collecting ({sampling.samples}/{sampling.window} samples)
      </span>
    );
  }
  return (
    <span className="text-zinc-400" title="No committed offset to evaluate">
      –
    </span>
  );
}

/** A time lag or an ETA in ms; "–" with the reason when unknown. */
/** A duration, "–" with why when unknown; "≥" when it is a lower bound (a lagging partition's time lag is unknown). */
export function Duration({
  ms,
  unknown,
  lowerBound = false,
  title,
}: {
  ms: number | null | undefined;
  unknown: string;
  lowerBound?: boolean;
  title?: string;
}) {
  if (ms === null || ms === undefined)
    return (
      <span className="text-zinc-400" title={unknown}>
        –
      </span>
    );
  const bound = lowerBound ? 'At least: the time lag of a lagging partition is not known yet' : undefined;
  return (
    <span className={ms > 0 ? undefined : 'text-zinc-500'} title={[bound, title].filter(Boolean).join('. ') || undefined}>
      {lowerBound ? '≥ ' : ''}
      {formatDuration(ms)}
    </span>
  );
}
