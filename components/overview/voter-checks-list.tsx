import type { VoterCheck } from '@/lib/schemas/quorum';

/** The preconditions of a quorum change as the server found them: each held (✓) or not (✗), with what it saw. */
export function VoterChecksList({ checks }: { checks: VoterCheck[] }) {
  return (
    <ul aria-label="Preconditions" className="space-y-1 text-sm">
      {checks.map((c) => (
        <li key={c.id} className={c.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>
          <span aria-hidden>{c.ok ? '✓' : '✗'}</span> <span className="sr-only">{c.ok ? 'holds:' : 'fails:'}</span>
          {c.detail}
        </li>
      ))}
    </ul>
  );
}
