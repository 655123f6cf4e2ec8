import { formatCount } from '@/lib/format';
import type { LeaderElectionResponse } from '@/lib/schemas/reassignments';

/** What a preferred leader election did: leaders moved (and to whom), partitions already fine, and Kafka's refusals. */
export function ElectionResult({ result }: { result: LeaderElectionResponse }) {
  const { elected, alreadyPreferred, failed } = result;
  return (
    <section aria-label="Election result" className="space-y-2 text-sm">
      <p role="status">
        {formatCount(elected.length)} leader{elected.length === 1 ? '' : 's'} moved to the preferred replica ·{' '}
        {formatCount(alreadyPreferred)} already led by it
        {failed.length > 0 ? ` · ${formatCount(failed.length)} failed` : ''}
      </p>
      {elected.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-zinc-500 dark:text-zinc-400">New leaders</summary>
          <ul aria-label="New leaders" className="mt-1 max-h-40 overflow-auto font-mono text-xs">
            {elected.map((e) => (
              <li key={`${e.topic}-${e.partition}`}>{`${e.topic}-${e.partition} → broker ${e.leader}`}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {failed.length > 0 ? (
        <ul aria-label="Failed elections" className="max-h-40 overflow-auto text-xs text-red-700 dark:text-red-400">
          {failed.map((f) => (
            <li key={`${f.topic}-${f.partition}`}>
              <span className="font-mono">{`${f.topic}-${f.partition}`}</span>: {f.error}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
