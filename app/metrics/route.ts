import { route } from '@/server/http/route';
import { prometheusResponse } from '@/server/metrics/prometheus';

// Prometheus scrapes with `Authorization: Bearer <token>` (any role may read); only clusters the token may see.
export const GET = route({ name: 'metrics.prometheus', permission: 'read' }, async ({ principal }) => prometheusResponse(principal));
