// The messages view's URL state ↔ the API's query. A person bookmarks what they read: the partitions, where it
// starts, the filter, the isolation level; the page's cursor too, so a shared link opens the same page.
import { FROM_PATTERN, MESSAGES_DEFAULT_LIMIT, MESSAGES_MAX_LIMIT } from '@/lib/schemas/messages';

export type MessageView = {
  partitions: number[] | null;
  /** newest | oldest | offset:N | timestamp:T */
  from: string;
  limit: number;
  filter: string;
  key: string;
  isolation: 'read_committed' | 'read_uncommitted';
  control: boolean;
  cursor: string | null;
};

export const DEFAULT_VIEW: MessageView = {
  partitions: null,
  from: 'newest',
  limit: MESSAGES_DEFAULT_LIMIT,
  filter: '',
  key: '',
  isolation: 'read_committed',
  control: false,
  cursor: null,
};

/** The URL's parameters as a view; anything invalid falls back to its default (the API would refuse it). */
export function messageViewFromParams(params: URLSearchParams): MessageView {
  const partitions = params.get('partitions');
  const from = params.get('from') ?? '';
  const limit = Number(params.get('limit'));
  return {
    partitions:
      partitions && /^\d+(,\d+)*$/.test(partitions) ? [...new Set(partitions.split(',').map(Number))].sort((a, b) => a - b) : null,
    from: FROM_PATTERN.test(from) ? from : DEFAULT_VIEW.from,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= MESSAGES_MAX_LIMIT ? limit : DEFAULT_VIEW.limit,
    filter: (params.get('filter') ?? '').slice(0, 2_000),
    key: params.get('key') ?? '',
    isolation: params.get('isolation') === 'read_uncommitted' ? 'read_uncommitted' : 'read_committed',
    control: params.get('control') === 'true',
    cursor: params.get('cursor') || null,
  };
}

/** The view as URL parameters (defaults left out), which are also the API's query. */
export function messageViewParams(view: MessageView): Record<string, string | null> {
  return {
    partitions: view.partitions && view.partitions.length > 0 ? view.partitions.join(',') : null,
    from: view.from === DEFAULT_VIEW.from ? null : view.from,
    limit: view.limit === DEFAULT_VIEW.limit ? null : String(view.limit),
    filter: view.filter.trim() || null,
    key: view.key || null,
    isolation: view.isolation === DEFAULT_VIEW.isolation ? null : view.isolation,
    control: view.control ? 'true' : null,
    cursor: view.cursor,
  };
}

export function messageViewQuery(view: MessageView, extra: Record<string, string | null> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...messageViewParams(view), ...extra }))
    if (value !== null && value !== '') query.set(key, value);
  return query.toString();
}

/** Where a consumer group stands on a partition: the record at its committed offset and the next few. */
export const committedRecordQuery = (partition: number, offset: string) =>
  messageViewQuery({ ...DEFAULT_VIEW, partitions: [partition], from: `offset:${offset}`, limit: 10 });

/** A partition's first or last records. */
export const partitionEdgeQuery = (partition: number, edge: 'oldest' | 'newest') =>
  messageViewQuery({ ...DEFAULT_VIEW, partitions: [partition], from: edge, limit: 20 });
