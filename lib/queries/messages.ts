import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { apiRoutes } from '@/lib/routes';
import { messagesResponseSchema } from '@/lib/schemas/messages';

export const messageQueries = {
  all: (clusterId: string, topic: string) => ['clusters', clusterId, 'topics', topic, 'messages'] as const,
  /** One page for a ready query string. Not polled: records are read when asked (the live tail streams). */
  page: (clusterId: string, topic: string, query: string) =>
    queryOptions({
      queryKey: [...messageQueries.all(clusterId, topic), query] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.topicMessages(clusterId, topic, query), messagesResponseSchema, signal),
      placeholderData: keepPreviousData,
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
    }),
};
