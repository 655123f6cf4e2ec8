import { route } from '@/server/http/route';
import { groupOffsetsCsv } from '@/server/lag/group-csv';

export const GET = route<{ clusterId: string; groupId: string }>(
  { name: 'consumer-groups.export', permission: 'read' },
  async ({ params }) => groupOffsetsCsv(params.clusterId, params.groupId),
);
