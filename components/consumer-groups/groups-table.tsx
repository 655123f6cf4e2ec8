'use client';

import { useQuery } from '@tanstack/react-query';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { groupListFilters, groupQueries, type GroupListFilters } from '@/lib/queries/consumer-groups';
import { LIST_PAGE_SIZE } from '@/lib/queries/list-page';
import { GROUP_SORT_FIELDS, type ConsumerGroupSummary } from '@/lib/schemas/consumer-groups';
import { groupColumns } from '@/components/consumer-groups/group-columns';
import { GroupsToolbar } from '@/components/consumer-groups/groups-toolbar';
import { ListStatus } from '@/components/feedback/list-status';
import { QueryError } from '@/components/feedback/query-error';
import { Pager } from '@/components/feedback/pager';
import { EmptyState, LoadingRows, PastLastPage } from '@/components/ui/states';
import { useServerSortedTable } from '@/components/ui/use-server-sorted-table';
import { sortingToParam, useUrlParams } from '@/components/ui/use-url-params';
import { VirtualTable } from '@/components/ui/virtual-table';

const BY_ID: SortingState = [{ id: 'groupId', desc: false }];

/** The cluster's consumer groups with their lag, a page at a time; filters, sort and the page live in the URL and are applied by the server. */
export function GroupsTable({ clusterId }: { clusterId: string }) {
  const [params, update] = useUrlParams();
  const filters = groupListFilters(params);
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery(groupQueries.list(clusterId, filters));
  // A new filter or order starts again at the first page.
  const onFilter = useCallback((changes: Record<string, string | null>) => update({ ...changes, page: null }), [update]);
  const onSort = useCallback((sorting: SortingState) => update({ sort: sortingToParam(sorting, BY_ID), page: null }), [update]);
  const onPage = useCallback((page: number) => update({ page: page > 1 ? String(page) : null }), [update]);
  const page = Number(filters.page ?? 1);
  const filtered = Boolean(filters.q || filters.state || filters.type || filters.topic || filters.lagging);

  return (
    <section aria-label="Consumer groups" className="space-y-3">
      <GroupsToolbar
        q={filters.q ?? ''}
        state={filters.state ?? ''}
        type={filters.type ?? ''}
        topic={filters.topic ?? ''}
        lagging={filters.lagging === 'true'}
        onChange={onFilter}
      />
      {isPending ? <LoadingRows label="Loading consumer groups" /> : null}
      {error && !data ? <QueryError what="consumer groups" error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        <>
          <ListStatus live partial={data.partial} asOf={data.asOf} stale={Boolean(error)}>
            {data.total} group{data.total === 1 ? '' : 's'}
            {filtered ? ' matching the filters' : ''}
          </ListStatus>
          {data.groups.length > 0 ? (
            <GroupsGrid clusterId={clusterId} groups={data.groups} sort={filters.sort} onSort={onSort} busy={isPlaceholderData} />
          ) : data.total > 0 ? (
            <PastLastPage onFirstPage={() => onPage(1)} />
          ) : (
            <EmptyState title={filtered ? 'No groups match' : 'No consumer groups'}>
              {filtered ? 'Change or clear the filters.' : 'No consumer has joined a group or committed offsets on this cluster yet.'}
            </EmptyState>
          )}
          <Pager label="Consumer groups" page={page} pageSize={LIST_PAGE_SIZE} total={data.total} onPage={onPage} />
        </>
      ) : null}
    </section>
  );
}

type GridProps = {
  clusterId: string;
  groups: ConsumerGroupSummary[];
  sort: GroupListFilters['sort'];
  onSort: (sorting: SortingState) => void;
  busy: boolean;
};

function GroupsGrid({ clusterId, groups, sort, onSort, busy }: GridProps) {
  const columns = useMemo(() => groupColumns(clusterId), [clusterId]);
  const table = useServerSortedTable({
    data: groups,
    columns,
    getRowId: (group) => group.groupId,
    sort,
    sortFields: GROUP_SORT_FIELDS,
    fallback: BY_ID,
    onSort,
  });
  return (
    <div aria-busy={busy} className={busy ? 'opacity-70 transition-opacity' : undefined}>
      <VirtualTable table={table} label="Consumer groups" rowAttributes={(row) => ({ 'data-group': row.original.groupId })} />
    </div>
  );
}
