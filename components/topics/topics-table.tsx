'use client';

import { useQuery } from '@tanstack/react-query';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { topicListFilters, topicQueries, type TopicListFilters } from '@/lib/queries/topics';
import { TOPIC_SORT_FIELDS, type TopicSummary } from '@/lib/schemas/topics';
import { ListStatus } from '@/components/feedback/list-status';
import { QueryError } from '@/components/feedback/query-error';
import { CreateTopicAction } from '@/components/topics/create-topic-action';
import { topicColumns } from '@/components/topics/topic-columns';
import { TopicsToolbar } from '@/components/topics/topics-toolbar';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { useServerSortedTable } from '@/components/ui/use-server-sorted-table';
import { sortingToParam, useUrlParams } from '@/components/ui/use-url-params';
import { VirtualTable } from '@/components/ui/virtual-table';

const BY_NAME: SortingState = [{ id: 'name', desc: false }];

/** Every topic of the cluster; search, sort and the internal switch live in the URL and are applied by the server. */
export function TopicsTable({ clusterId }: { clusterId: string }) {
  const [params, update] = useUrlParams();
  const filters = topicListFilters(params);
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery(topicQueries.list(clusterId, filters));
  const onSearch = useCallback((q: string) => update({ q }), [update]);
  const onSort = useCallback((sorting: SortingState) => update({ sort: sortingToParam(sorting, BY_NAME) }), [update]);
  // The names already loaded (a search narrows them): the create form warns of an existing or colliding name early.
  const names = useMemo(() => data?.topics.map((t) => t.name) ?? [], [data]);

  return (
    <section aria-label="Topics" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TopicsToolbar
          q={filters.q ?? ''}
          hideInternal={filters.internal === 'false'}
          onSearch={onSearch}
          onHideInternal={(hide) => update({ internal: hide ? 'false' : null })}
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
            <NoTopics filters={filters} />
          ) : (
            <TopicsGrid clusterId={clusterId} topics={data.topics} sort={filters.sort} onSort={onSort} busy={isPlaceholderData} />
          )}
        </>
      ) : null}
    </section>
  );
}

function NoTopics({ filters }: { filters: TopicListFilters }) {
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
