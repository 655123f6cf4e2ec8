import { formatBytes, formatDuration } from '@/lib/format';
import { bytesPercent, partitionCounts } from '@/lib/reassign-job';
import type { ReassignmentJob } from '@/lib/schemas/reassignments';
import { formatRate } from '@/lib/throttle-rate';
import { ProgressBar } from '@/components/ui/progress-bar';

const BAR_TONE = { running: 'info', completed: 'good', cancelled: 'warn', failed: 'bad' } as const;

/** Bytes copied and partitions done, the rate and ETA while it runs, and a warning when it has stalled. */
export function JobProgress({ job }: { job: ReassignmentJob }) {
  const percent = bytesPercent(job.bytesDone, job.bytesTotal);
  const counts = partitionCounts(job.partitions);
  const running = job.state === 'running';
  return (
    <section aria-label="Progress" className="space-y-3">
      {job.stalled ? (
        <p
          role="alert"
          className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
        >
          Stalled: no bytes have been copied for a while although partitions are moving. The throttle may be too low for the traffic these
          partitions get, or a receiving broker may be down. Raise the throttle, check the brokers, or cancel.
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <ProgressBar
          label="Bytes copied"
          value={percent ?? (running ? null : 100)}
          tone={BAR_TONE[job.state]}
          text={
            percent === null
              ? 'Nothing to copy (replica order only)'
              : `${formatBytes(job.bytesDone)} of ${formatBytes(job.bytesTotal)} (${percent}%)`
          }
        />
        <ProgressBar
          label="Partitions"
          value={counts.total === 0 ? 100 : Math.round((counts.ended / counts.total) * 1000) / 10}
          tone={BAR_TONE[job.state]}
          text={`${counts.done} of ${counts.total} done${counts.moving ? ` · ${counts.moving} moving` : ''}${counts.failed ? ` · ${counts.failed} failed` : ''}`}
        />
      </div>
      {running ? (
        <dl aria-label="Rate" className="flex flex-wrap gap-x-8 gap-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="text-zinc-500 dark:text-zinc-400">Rate</dt>
            <dd className="tabular-nums">{job.bytesPerSec === null ? 'measuring…' : formatRate(job.bytesPerSec)}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-zinc-500 dark:text-zinc-400">ETA</dt>
            <dd className="tabular-nums">{job.etaSeconds === null ? 'unknown' : formatDuration(job.etaSeconds * 1000)}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
