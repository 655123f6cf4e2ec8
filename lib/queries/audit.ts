import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { apiRoutes } from '@/lib/routes';
import { auditListResponseSchema } from '@/lib/schemas/audit';

export const auditQueries = {
  all: () => ['audit'] as const,
  /** `query` is the page's URL query string: filters and paging live in the URL. */
  list: (query: string) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'list', query] as const,
      queryFn: ({ signal }) => apiGet(apiRoutes.audit(query), auditListResponseSchema, signal),
      placeholderData: keepPreviousData,
    }),
};
