import { alertEventsQuerySchema, type AlertEventsQuery } from '@/lib/schemas/alerts';

/** One page of the history; the URL holds the filters and the offset, not the page size. */
export const HISTORY_PAGE_SIZE = 50;
/** What "Firing now" asks for: open alerts, newest first (more than this many at once is an outage, not a list). */
export const FIRING_QUERY: AlertEventsQuery = { state: 'firing', limit: 200, offset: 0 };

/** The history filters the page keeps in its URL (named as the API names them, so links can be shared with it). */
export const HISTORY_PARAMS = ['state', 'clusterId', 'ruleId', 'offset'] as const;

type Params = Pick<URLSearchParams, 'get'>;

/**
 * The history's query from the page's URL. A value the API would refuse (a hand-edited URL) is dropped rather than
 * failing the whole section; the server page and the browser read the same URL into the same query (and query key).
 */
export function historyQuery(params: Params): AlertEventsQuery {
  const raw: Record<string, string> = {};
  for (const key of HISTORY_PARAMS) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = alertEventsQuerySchema.safeParse({ ...raw, limit: String(HISTORY_PAGE_SIZE) });
  if (parsed.success) return withoutBlanks(parsed.data);
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  return withoutBlanks(alertEventsQuerySchema.parse({ ...kept, limit: String(HISTORY_PAGE_SIZE) }));
}

/** Absent filters are absent keys: `{ state: undefined }` and `{}` must be one query key. */
function withoutBlanks(query: AlertEventsQuery): AlertEventsQuery {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as AlertEventsQuery;
}

/** The API's query string for a query (without "?"). */
export function eventsSearch(query: AlertEventsQuery): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}
