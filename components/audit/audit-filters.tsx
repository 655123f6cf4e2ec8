'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import type { FormEvent } from 'react';
import { AUDIT_OUTCOMES } from '@/lib/schemas/audit';

const FIELDS = ['actor', 'action', 'clusterId', 'outcome'] as const;
const toDate = (ms: string | null) => (ms ? new Date(Number(ms)).toISOString().slice(0, 16) : '');

/** Filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters() {
  const router = useRouter();
  const params = useSearchParams();
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const field of FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value) next.set(field, value);
    }
    for (const field of ['from', 'to'] as const) {
      const value = String(form.get(field) ?? '');
      if (value) next.set(field, String(new Date(`${value}Z`).getTime()));
    }
    router.replace(`?${next.toString()}`);
  };
  const input = 'mt-1 w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900';
  return (
    <form onSubmit={apply} aria-label="Audit filters" className="grid grid-cols-2 gap-3 md:grid-cols-7">
      <label className="text-xs text-zinc-500">
        Actor
        <input name="actor" defaultValue={params.get('actor') ?? ''} className={input} />
      </label>
      <label className="text-xs text-zinc-500">
        Action
        <input name="action" placeholder="topics.*" defaultValue={params.get('action') ?? ''} className={input} />
      </label>
      <label className="text-xs text-zinc-500">
        Cluster
        <input name="clusterId" defaultValue={params.get('clusterId') ?? ''} className={input} />
      </label>
      <label className="text-xs text-zinc-500">
        Outcome
        <select name="outcome" defaultValue={params.get('outcome') ?? ''} className={input}>
          <option value="">any</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
      <label className="text-xs text-zinc-500">
        From (UTC)
        <input type="datetime-local" name="from" defaultValue={toDate(params.get('from'))} className={input} />
      </label>
      <label className="text-xs text-zinc-500">
        To (UTC)
        <input type="datetime-local" name="to" defaultValue={toDate(params.get('to'))} className={input} />
      </label>
      <div className="flex items-end">
        <button type="submit" className="w-full rounded bg-sky-700 px-3 py-1.5 text-sm text-white hover:bg-sky-800">
          Apply
        </button>
      </div>
    </form>
  );
}
