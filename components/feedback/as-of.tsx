'use client';

import { useEffect, useState } from 'react';
import { formatAge } from '@/lib/format';

/** "Updated 4 s ago", ticking; marked stale when the latest refresh failed and older data is shown. */
export function AsOf({ asOf, stale }: { asOf: number; stale?: boolean }) {
  // Starts at asOf so server and client render the same text; the first tick corrects it.
  const [now, setNow] = useState(asOf);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time
      dateTime={new Date(asOf).toISOString()}
      title={new Date(asOf).toISOString()}
      className={stale ? 'text-amber-600 dark:text-amber-400' : undefined}
    >
      {stale ? 'refresh failed · showing data from ' : 'updated '}
      {formatAge(asOf, now)}
    </time>
  );
}
