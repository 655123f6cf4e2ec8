'use client';

import { ApiError } from '@/lib/errors';
import { ErrorState } from '@/components/ui/states';

/** The error state of a query: the API's message, and a retry that refetches. */
export function QueryError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  const message = error instanceof Error ? error.message : 'Unknown error';
  const title =
    error instanceof ApiError && error.code === 'KAFKA_UNAVAILABLE' ? `Cannot load ${what}: Kafka is unavailable` : `Cannot load ${what}`;
  return <ErrorState title={title} message={message} onRetry={onRetry} />;
}
