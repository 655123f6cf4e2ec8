'use client';

import { usePathname, useRouter } from 'next/navigation';
import { pageRoutes } from '@/lib/routes';

export type ClusterChoice = { id: string; name: string };

/** Switches cluster and keeps the current view (brokers on A → brokers on B). */
export function ClusterSwitcher({ clusters, current }: { clusters: ClusterChoice[]; current: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const go = (clusterId: string) => {
    const prefix = pageRoutes.cluster(current);
    const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length).split('/').slice(0, 2).join('/') : '';
    router.push(`${pageRoutes.cluster(clusterId)}${rest}`);
  };
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-zinc-500 dark:text-zinc-400" aria-hidden>
        Cluster
      </span>
      <select
        aria-label="Switch cluster"
        value={current}
        onChange={(event) => go(event.target.value)}
        className="rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
