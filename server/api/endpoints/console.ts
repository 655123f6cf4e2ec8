import { z } from 'zod';
import { healthResponseSchema } from '@/lib/schemas/health';
import { endpoint } from '@/server/api/endpoint';

export const health = endpoint({
  name: 'health',
  method: 'get',
  path: '/api/health',
  summary: 'Liveness of the console itself (no cluster data)',
  tag: 'console',
  permission: 'public',
  response: healthResponseSchema,
});

export const openApi = endpoint({
  name: 'openapi',
  method: 'get',
  path: '/api/v1/openapi.json',
  summary: 'This OpenAPI document',
  tag: 'console',
  permission: 'read',
  response: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
});

/** Any other path under /api: answered in the API's error shape (404), not with the HTML page; not documented. */
export const unknownApi = endpoint({
  name: 'api.unknown',
  method: 'get',
  path: '/api/{path}',
  summary: 'No such API',
  tag: 'console',
  permission: 'read',
  response: z.never(),
});

export const prometheusMetrics = endpoint({
  name: 'metrics.prometheus',
  method: 'get',
  path: '/metrics',
  summary:
    "The clusters the caller may see in the Prometheus text format, with kafka_exporter's names (brokers, partition offsets, leaders and replicas, group offsets, lag, members) and the console's own (cluster up, sampler passes, Kafka requests); for a scraper with a bearer token of any role",
  tag: 'console',
  permission: 'read',
  response: z.string(),
  mediaTypes: ['text/plain'],
});
