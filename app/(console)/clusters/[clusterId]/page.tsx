import { redirect } from 'next/navigation';
import { pageRoutes } from '@/lib/routes';

// The cluster's landing view is its brokers until the overview exists.
export default async function ClusterPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  redirect(pageRoutes.brokers(clusterId));
}
