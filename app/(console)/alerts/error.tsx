'use client';

import { ErrorState } from '@/components/ui/states';

export default function AlertsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="Something went wrong" message={error.digest ? `Reference ${error.digest}` : error.message} onRetry={reset} />;
}
