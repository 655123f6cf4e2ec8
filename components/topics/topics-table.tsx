'use client';

import { useQuery } from '@tanstack/react-query';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { LIST_PAGE_SIZE } from '@/lib/queries/list-page';
import { topicListFilters, topicQueries, type TopicListFilters } from '@/lib/queries/topics';
import { TOPIC_SORT_FIELDS, type TopicSummary } from '@/lib/schemas/topics';
import { ListStatus } from '@/components/feedback/list-status';
import { QueryError } from '@/components/feedback/query-error';
import { CreateTopicAction } from '@/components/topics/create-topic-action';
import { topicColumns } from '@/components/topics/topic-columns';
import { TopicsToolbar } from '@/components/topics/topics-toolbar';
import { Pager } from '@/components/feedback/pager';
import { EmptyState, LoadingRows, PastLastPage } from '@/components/ui/states';
import { useServerSortedTable } from '@/components/ui/use-server-sorted-table';
import { sortingToParam, useUrlParams } from '@/components/ui/use-url-params';
import { VirtualTable } from '@/components/ui/virtual-table';

const BY_NAME: SortingState = [{ id: 'name', desc: false }];

/** The cluster's topics a page at a time; search, sort, the internal switch and the page live in the URL and are applied by the server. */
export function TopicsTable({ clusterId }: { clusterId: string }) {
  const [params, update] = useUrlParams();
  const filters = topicListFilters(params);
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery(topicQueries.list(clusterId, filters));
  // A new search or order starts again at the first page.
  const onSearch = useCallback((q: string) => update({ q, page: null }), [update]);
  const onSort = useCallback((sorting: SortingState) => update({ sort: sortingToParam(sorting, BY_NAME), page: null }), [update]);
  const onPage = useCallback((page: number) => update({ page: page > 1 ? String(page) : null }), [update]);
  const page = Number(filters.page ?? 1);
  // The names on this page (a search narrows them): the create form warns of an existing or colliding name early
  // when it knows it; the server refuses either way.
  const names = useMemo(() => data?.topics.map((t) => t.name) ?? [], [data]);

  return (
    <section aria-label="Topics" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TopicsToolbar
          q={filters.q ?? ''}
          hideInternal={filters.internal === 'false'}
          onSearch={onSearch}
          onHideInternal={(hide) => update({ internal: hide ? 'false' : null, page: null })}
        />
        <CreateTopicAction clusterId={clusterId} existingNames={names} />
      </div>
      {isPending ? <LoadingRows label="Loading topics" /> : null}
      {error && !data ? <QueryError what="topics" error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        <>
          <ListStatus live partial={data.partial} asOf={data.asOf} stale={Boolean(error)}>
            {data.total} topic{data.total === 1 ? '' : 's'}
            {filters.q ? ` matching “${filters.q}”` : ''}
          </ListStatus>
          {data.topics.length === 0 ? (
            <NoTopics filters={filters} total={data.total} onFirstPage={() => onPage(1)} />
          ) : (
            <TopicsGrid clusterId={clusterId} topics={data.topics} sort={filters.sort} onSort={onSort} busy={isPlaceholderData} />
          )}
          <Pager label="Topics" page={page} pageSize={LIST_PAGE_SIZE} total={data.total} onPage={onPage} />
        </>
      ) : null}
    </section>
  );
}

function NoTopics({ filters, total, onFirstPage }: { filters: TopicListFilters; total: number; onFirstPage: () => void }) {
  if (total > 0) return <PastLastPage onFirstPage={onFirstPage} />;
  if (filters.q) return <EmptyState title="No topics match">No topic name contains “{filters.q}”.</EmptyState>;
  return (
    <EmptyState title="No topics">
      {filters.internal === 'false' ? 'The cluster has only internal topics.' : 'The cluster has no topics yet.'}
    </EmptyState>
  );
}

type GridProps = {
  clusterId: string;
  topics: TopicSummary[];
  sort: string | undefined;
  onSort: (sorting: SortingState) => void;
  busy: boolean;
};

function TopicsGrid({ clusterId, topics, sort, onSort, busy }: GridProps) {
  const columns = useMemo(() => topicColumns(clusterId), [clusterId]);
  const table = useServerSortedTable({
    data: topics,
    columns,
    getRowId: (topic) => topic.name,
    sort,
    sortFields: TOPIC_SORT_FIELDS,
    fallback: BY_NAME,
    onSort,
  });
  return (
    <div aria-busy={busy} className={busy ? 'opacity-70 transition-opacity' : undefined}>
      <VirtualTable table={table} label="Topics" rowAttributes={(row) => ({ 'data-topic': row.original.name })} />
    </div>
  );
}
