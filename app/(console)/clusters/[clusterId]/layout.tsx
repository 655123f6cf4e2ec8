import type { ReactNode } from 'react';
import { requireCluster } from '@/server/auth/page-session';
import { mayAccessCluster } from '@/server/auth/session';
import { getConfig } from '@/server/config/current';
import { ClusterNav } from '@/components/layout/cluster-nav';
import { ClusterSwitcher } from '@/components/layout/cluster-switcher';

export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  const { principal, cluster } = await requireCluster(clusterId);
  const clusters = getConfig().clusters.filter((c) => mayAccessCluster(principal, c.id));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">
          {cluster.name}
          {cluster.readOnly ? <span className="ml-2 align-middle text-xs font-normal text-zinc-500">read-only</span> : null}
        </h1>
        <ClusterSwitcher clusters={clusters.map(({ id, name }) => ({ id, name }))} current={cluster.id} />
      </div>
      <ClusterNav clusterId={cluster.id} />
      {children}
    </div>
  );
}
