import 'server-only';

/**
 * The server has one JavaScript thread, and the embedded database (PGlite) runs each statement on it too: while a
 * sampling pass computes or writes, no page, API call or static file is served. Long jobs (a pass of ~67,000
 * series, a minute's rollup) are split into steps and statements of a few thousand rows, and between them the
 * event loop serves what waits (measured on the XL fixture: one 67,000-row insert held every request 1.1–1.9 s).
 */
export const ROWS_PER_STATEMENT = 5_000;

/** Resolves after the I/O callbacks already queued (requests, Kafka answers) have run. */
export const letRequestsRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `items` in slices of at most `size`, in order. */
export function slices<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
