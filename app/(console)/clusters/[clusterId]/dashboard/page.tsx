import type { Metadata } from 'next';
import { requireCluster } from '@/server/auth/page-session';
import { ClusterDashboard } from '@/components/dashboard/cluster-dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

// The charts' window ends "now" in the browser, so they are fetched there (and polled) rather than prefetched.
export default async function DashboardPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  await requireCluster(clusterId);
  return <ClusterDashboard clusterId={clusterId} />;
}
