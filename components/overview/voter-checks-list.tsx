import type { RaftListener, VoterCheck } from '@/lib/schemas/quorum';

/**
 * The preconditions of a quorum change as the server found them: each held (✓) or not (✗), with what it saw; for
 * an add, the endpoint Kafka will be told (AddRaftVoter), as the controllers list the node.
 */
export function VoterChecksList({ checks, listeners = [] }: { checks: VoterCheck[]; listeners?: RaftListener[] }) {
  return (
    <>
      {listeners.length > 0 ? (
        <p className="text-sm">
          Kafka will be told the voter listens on{' '}
          <span className="font-mono">{listeners.map((l) => `${l.name}://${l.host}:${l.port}`).join(', ')}</span>.
        </p>
      ) : null}
      <ul aria-label="Preconditions" className="space-y-1 text-sm">
        {checks.map((c) => (
          <li key={c.id} className={c.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>
            <span aria-hidden>{c.ok ? '✓' : '✗'}</span> <span className="sr-only">{c.ok ? 'holds:' : 'fails:'}</span>
            {c.detail}
          </li>
        ))}
      </ul>
    </>
  );
}
