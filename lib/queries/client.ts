import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/errors';

/** Polling presets: live views (lag, throughput, health, brokers) and slow-moving ones. */
export const POLL = { LIVE: 5_000, SLOW: 30_000 } as const;

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-prefetched data is fresh for a moment; without this the client refetches on hydration.
        staleTime: 2_000,
        // A 4xx will not change by retrying.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}
