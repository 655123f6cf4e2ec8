import { prometheusMetrics } from '@/server/api/endpoints/console';
import { route } from '@/server/http/route';
import { prometheusResponse } from '@/server/metrics/prometheus';

// Prometheus scrapes with `Authorization: Bearer <token>` (any role may read); only clusters the token may see.
export const GET = route(prometheusMetrics, async ({ principal }) => prometheusResponse(principal));
