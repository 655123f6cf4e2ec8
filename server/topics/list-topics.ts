import 'server-only';
import type { TopicListQuery, TopicListResponse, TopicSortField, TopicSummary } from '@/lib/schemas/topics';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { topicSummaries } from '@/server/cluster-state/topic-summary';

const NUMERIC_STRING_FIELDS = new Set<TopicSortField>(['messageCount', 'sizeBytes']);

/** Integers as decimal strings; without a BigInt per comparison when both are non-negative (the usual case). */
function compareDecimal(a: string, b: string) {
  if (a === b) return 0;
  if (a[0] !== '-' && b[0] !== '-') return a.length - b.length || (a < b ? -1 : 1);
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compare(field: TopicSortField) {
  return (a: TopicSummary, b: TopicSummary) => {
    if (field === 'name') return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    if (NUMERIC_STRING_FIELDS.has(field)) return compareDecimal((a[field] as string | null) ?? '-1', (b[field] as string | null) ?? '-1');
    return (a[field] as number) - (b[field] as number);
  };
}

/** Filter (substring, internal), sort (a field, "-" for descending; ties by name), page. */
export function selectTopics(all: readonly TopicSummary[], query: TopicListQuery) {
  const needle = query.q?.toLowerCase();
  const filtered = all.filter((t) => (!needle || t.name.toLowerCase().includes(needle)) && (query.internal !== 'false' || !t.internal));
  const sort = query.sort ?? 'name';
  const descending = sort.startsWith('-');
  const byField = compare(sort.replace(/^-/, '') as TopicSortField);
  const byName = compare('name');
  filtered.sort((a, b) => (descending ? -byField(a, b) : byField(a, b)) || byName(a, b));
  const page = query.limit === undefined ? filtered.slice(query.offset) : filtered.slice(query.offset, query.offset + query.limit);
  return { total: filtered.length, topics: page };
}

export async function listTopics(clusterId: string, query: TopicListQuery): Promise<TopicListResponse> {
  const snapshot = await getClusterSnapshot(clusterId);
  // Summaries are computed once per snapshot; only filtering, sorting and paging happen per call.
  const { total, topics } = selectTopics(topicSummaries(snapshot), query);
  return { asOf: snapshot.asOf, total, ...(snapshot.errors.length ? { partial: true } : {}), topics };
}
