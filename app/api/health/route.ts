import { health } from '@/server/api/endpoints/console';
import { route } from '@/server/http/route';

// Liveness of the console process itself: no Kafka, no database, no auth; always fast.
export const GET = route(health, async () => ({ status: 'ok' as const, time: Date.now(), uptimeSeconds: Math.round(process.uptime()) }));
