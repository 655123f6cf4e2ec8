import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { POLL } from '@/lib/queries/client';
import { listApiParams, pageParam } from '@/lib/queries/list-page';
import { apiRoutes } from '@/lib/routes';
import {
  GROUP_SORT_FIELDS,
  GROUP_TYPES,
  groupConfigsResponseSchema,
  groupDetailResponseSchema,
  consumerGroupListResponseSchema,
  topicGroupsResponseSchema,
} from '@/lib/schemas/consumer-groups';
import { MAX_TOPIC_NAME_LENGTH } from '@/lib/schemas/topic-name';

/** The groups view's URL state, as the API takes it; absent keys are the API's defaults (every group, by id, page 1). */
export type GroupListFilters = {
  q?: string;
  state?: string;
  type?: string;
  topic?: string;
  lagging?: 'true';
  sort?: string;
  page?: string;
};

const SORT = new RegExp(`^-?(${GROUP_SORT_FIELDS.join('|')})$`);

/** The page's search params → filters (page prefetch and table derive the same query key); invalid values dropped. */
export function groupListFilters(params: URLSearchParams): GroupListFilters {
  const text = (key: string, max: number) => {
    const value = params.get(key);
    return value ? { [key]: value.slice(0, max) } : {};
  };
  const sort = params.get('sort');
  const type = params.get('type');
  return {
    ...text('q', 255),
    ...text('state', 64),
    ...(type && (GROUP_TYPES as readonly string[]).includes(type) ? { type } : {}),
    ...text('topic', MAX_TOPIC_NAME_LENGTH),
    ...(params.get('lagging') === 'true' ? { lagging: 'true' as const } : {}),
    ...(sort && SORT.test(sort) && sort !== 'groupId' ? { sort } : {}),
    ...pageParam(params),
  };
}

export const groupQueries = {
  all: (clusterId: string) => ['clusters', clusterId, 'consumer-groups'] as const,
  list: (clusterId: string, filters: GroupListFilters) =>
    queryOptions({
      queryKey: [...groupQueries.all(clusterId), 'list', filters] as const,
      queryFn: ({ signal }) =>
        apiGet(
          apiRoutes.consumerGroups(clusterId, new URLSearchParams(listApiParams(filters)).toString()),
          consumerGroupListResponseSchema,
          signal,
        ),
      refetchInterval: POLL.LIVE,
      placeholderData: keepPreviousData,
    }),
  detail: (clusterId: string, groupId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(clusterId), 'detail', groupId] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.consumerGroup(clusterId, groupId), groupDetailResponseSchema, signal),
      refetchInterval: POLL.LIVE,
    }),
  /** Configs change only when someone edits them: read once, not polled. */
  configs: (clusterId: string, groupId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(clusterId), 'configs', groupId] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.groupConfigs(clusterId, groupId), groupConfigsResponseSchema, signal),
    }),
  /** Keyed under the groups (a reset invalidates it with them), not under the topic. */
  forTopic: (clusterId: string, topic: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(clusterId), 'topic', topic] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.topicGroups(clusterId, topic), topicGroupsResponseSchema, signal),
      refetchInterval: POLL.LIVE,
    }),
};
