import {
  GROUP_TYPES,
  type ConsumerGroupListQuery,
  type ConsumerGroupSummary,
  type GroupSortField,
  type GroupType,
} from '@/lib/schemas/consumer-groups';

const BIGINT_FIELDS = new Set<GroupSortField>(['totalLag', 'maxLag']);

/** Ascending order of one field; unknown lags and time lags (null) sort below every known one, negatives included. */
function compare(field: GroupSortField) {
  return (a: ConsumerGroupSummary, b: ConsumerGroupSummary): number => {
    if (BIGINT_FIELDS.has(field)) {
      const [x, y] = [a[field] as string | null, b[field] as string | null];
      if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
      const d = BigInt(x) - BigInt(y);
      return d < 0n ? -1 : d > 0n ? 1 : 0;
    }
    const [x, y] = [a[field], b[field]] as [string | number | null, string | number | null];
    if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Filter (id substring, state, types, topic, lagging), count by type, sort (a field, "-" for descending; ties by group id), page. */
export function selectGroups(all: readonly ConsumerGroupSummary[], query: ConsumerGroupListQuery) {
  const needle = query.q?.toLowerCase();
  const state = query.state?.toLowerCase();
  const filtered = all.filter(
    (g) =>
      (!needle || g.groupId.toLowerCase().includes(needle)) &&
      (!state || g.state.toLowerCase() === state) &&
      (!query.type || query.type.includes(g.type)) &&
      (!query.topic || g.topics.includes(query.topic)) &&
      (query.lagging !== 'true' || (g.totalLag !== null && BigInt(g.totalLag) > 0n)),
  );
  const sort = query.sort ?? 'groupId';
  const descending = sort.startsWith('-');
  const byField = compare(sort.replace(/^-/, '') as GroupSortField);
  const byId = compare('groupId');
  const sorted = [...filtered].sort((a, b) => (descending ? -byField(a, b) : byField(a, b)) || byId(a, b));
  const page = query.limit === undefined ? sorted.slice(query.offset) : sorted.slice(query.offset, query.offset + query.limit);
  const byType = Object.fromEntries(GROUP_TYPES.map((t) => [t, 0])) as Record<GroupType, number>;
  for (const g of filtered) byType[g.type] += 1;
  return { total: filtered.length, byType, groups: page };
}
