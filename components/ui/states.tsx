import type { ReactNode } from 'react';

/** Loading placeholder rows: keeps the layout steady while data arrives. */
export function LoadingRows({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={label} className="space-y-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-9 animate-pulse rounded bg-zinc-200/70 dark:bg-zinc-800/70" />
      ))}
      <span className="sr-only">{label}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{children}</div> : null}
    </div>
  );
}

export function ErrorState({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40">
      <p className="font-medium text-red-800 dark:text-red-300">{title}</p>
      <p className="mt-1 text-red-700 dark:text-red-400">{message}</p>
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded border border-red-300 bg-white px-3 py-1 text-red-800 hover:bg-red-100 dark:border-red-800 dark:bg-transparent dark:text-red-300 dark:hover:bg-red-900/40"
        >
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** A list page past the last one (the list shrank, or the URL was edited): there are rows, on earlier pages. */
export function PastLastPage({ onFirstPage }: { onFirstPage: () => void }) {
  return (
    <EmptyState title="Nothing on this page">
      <button type="button" onClick={onFirstPage} className="text-sky-700 underline hover:text-sky-800 dark:text-sky-400">
        Go to the first page
      </button>
    </EmptyState>
  );
}
