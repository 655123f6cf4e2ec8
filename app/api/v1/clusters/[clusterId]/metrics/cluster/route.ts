import { metricsRoute } from '@/server/metrics/metrics-route';

export const GET = metricsRoute('cluster');
