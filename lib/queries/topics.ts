import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { POLL } from '@/lib/queries/client';
import { listApiParams, pageParam } from '@/lib/queries/list-page';
import { apiRoutes } from '@/lib/routes';
import { configListResponseSchema } from '@/lib/schemas/configs';
import { topicDefaultsResponseSchema } from '@/lib/schemas/topic-admin';
import { TOPIC_SORT_FIELDS, topicDetailResponseSchema, topicListResponseSchema } from '@/lib/schemas/topics';
import { MAX_TOPIC_NAME_LENGTH } from '@/lib/schemas/topic-name';

/** The topics view's URL state, as the API takes it; absent keys are the API's defaults (all topics, by name, page 1). */
export type TopicListFilters = { q?: string; sort?: string; internal?: 'false'; page?: string };

const SORT = new RegExp(`^-?(${TOPIC_SORT_FIELDS.join('|')})$`);

/**
 * The page's search params → filters. Page (server prefetch) and table (client) both derive the query key from
 * here, so hydration finds the prefetched data; values the API would refuse are dropped, not sent.
 */
export function topicListFilters(params: URLSearchParams): TopicListFilters {
  const q = params.get('q');
  const sort = params.get('sort');
  return {
    ...(q ? { q: q.slice(0, MAX_TOPIC_NAME_LENGTH) } : {}),
    ...(sort && SORT.test(sort) && sort !== 'name' ? { sort } : {}),
    ...(params.get('internal') === 'false' ? { internal: 'false' as const } : {}),
    ...pageParam(params),
  };
}

export const topicQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'topics'] as const,
  list: (clusterId: string, filters: TopicListFilters) =>
    queryOptions({
      queryKey: [...topicQueries.all(clusterId), 'list', filters] as const,
      queryFn: ({ signal }) =>
        apiGet(apiRoutes.topics(clusterId, new URLSearchParams(listApiParams(filters)).toString()), topicListResponseSchema, signal),
      refetchInterval: POLL.LIVE,
      // A new search keeps showing the previous rows until its answer arrives, instead of a loading flash.
      placeholderData: keepPreviousData,
    }),
  detail: (clusterId: string, topic: string) =>
    queryOptions({
      queryKey: [...topicQueries.all(clusterId), 'detail', topic] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.topic(clusterId, topic, { configs: false }), topicDetailResponseSchema, signal),
      // Leaders, ISR and offsets move; configs are read separately, once.
      refetchInterval: POLL.LIVE,
    }),
  configs: (clusterId: string, topic: string) =>
    queryOptions({
      queryKey: [...topicQueries.all(clusterId), 'detail', topic, 'configs'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.topicConfigs(clusterId, topic), configListResponseSchema, signal),
    }),
  /** What a new topic gets by default (the create form's prefill and placeholders) and how many brokers are alive. */
  defaults: (clusterId: string) =>
    queryOptions({
      queryKey: [...topicQueries.all(clusterId), 'defaults'] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.topicDefaults(clusterId), topicDefaultsResponseSchema, signal),
      staleTime: 30_000,
    }),
};
