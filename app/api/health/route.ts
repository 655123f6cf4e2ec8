import type { HealthResponse } from '@/lib/schemas/health';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

// Liveness of the console process itself: no Kafka, no database, no auth; always fast.
export const GET = route({ name: 'health', permission: 'public' }, async () =>
  ok({ status: 'ok', time: Date.now(), uptimeSeconds: Math.round(process.uptime()) } satisfies HealthResponse),
);
