'use client';

import type { SortingState } from '@tanstack/react-table';
import { useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';

/**
 * The page's query string as state: views a person would bookmark keep their filters and sort in the URL.
 * `update` replaces the history entry (typing a search must not fill the back button). It goes through
 * `history.replaceState`, which Next's router observes (useSearchParams follows) without a server round trip:
 * the client's queries fetch what the new URL asks for.
 */
export function useUrlParams() {
  const routerParams = useSearchParams();
  const routerQuery = routerParams.toString();
  // The router applies a replaceState in a transition, and a controlled checkbox or select snaps back to its old
  // value until that commits: the new query is held here, urgently, until the router has caught up.
  const [pending, setPending] = useState<{ from: string; query: string } | null>(null);
  if (pending && pending.from !== routerQuery) setPending(null);
  const params = pending && pending.from === routerQuery ? new URLSearchParams(pending.query) : routerParams;
  const update = useCallback(
    (changes: Record<string, string | null>) => {
      // The live URL, not a rendered copy: a debounced update must not undo a change made since.
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      setPending({ from: routerQuery, query });
      window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    },
    [routerQuery],
  );
  return [params, update] as const;
}

/** "-size" → sorted by size, descending; "name" → by name, ascending; anything else → the fallback. */
export function sortingFromParam(value: string | null | undefined, allowed: readonly string[], fallback: SortingState): SortingState {
  if (!value) return fallback;
  const desc = value.startsWith('-');
  const id = desc ? value.slice(1) : value;
  return allowed.includes(id) ? [{ id, desc }] : fallback;
}

/** The inverse of `sortingFromParam`; null when the sorting is the default (no parameter needed). */
export function sortingToParam(sorting: SortingState, fallback: SortingState): string | null {
  const [first] = sorting;
  if (!first) return null;
  const [base] = fallback;
  if (base && base.id === first.id && base.desc === first.desc) return null;
  return `${first.desc ? '-' : ''}${first.id}`;
}
