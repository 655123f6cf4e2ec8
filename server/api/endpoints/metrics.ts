import { z } from 'zod';
import { metricsRangeQuerySchema, metricsRangeResponseSchema, metricsTopResponseSchema } from '@/lib/schemas/metrics';
import { endpoint } from '@/server/api/endpoint';

const DOWNSAMPLED = 'each series downsampled to at most `points` points';

export const clusterMetrics = endpoint({
  name: 'metrics.cluster',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/metrics/cluster',
  summary: `The cluster history: messagesInPerSec, bytesInPerSec, messagesConsumedPerSec, totalLag, maxTimeLagSeconds; ${DOWNSAMPLED}`,
  tag: 'metrics',
  permission: 'read',
  query: metricsRangeQuerySchema,
  response: metricsRangeResponseSchema,
});

export const dashboardTop = endpoint({
  name: 'metrics.top',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/metrics/top',
  summary:
    "The dashboard's rankings over the last minute (or four sampling passes): the 10 topics with the most messages in per second, the 10 groups with the most lag and the most time lag",
  tag: 'metrics',
  permission: 'read',
  response: metricsTopResponseSchema,
});

export const topicMetrics = endpoint({
  name: 'metrics.topic',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/metrics/topics/{topic}',
  summary: `A topic history: messagesInPerSec, bytesInPerSec, sizeBytes (kept after the topic is deleted, until retention); ${DOWNSAMPLED}`,
  tag: 'metrics',
  permission: 'read',
  query: metricsRangeQuerySchema,
  response: metricsRangeResponseSchema,
});

export const brokerMetrics = endpoint({
  name: 'metrics.broker',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/metrics/brokers/{brokerId}',
  summary: `A broker history: messagesInPerSec and bytesInPerSec of the partitions it leads, diskUsedBytes; ${DOWNSAMPLED}`,
  tag: 'metrics',
  permission: 'read',
  params: z.object({ brokerId: z.string().regex(/^\d{1,9}$/, 'a non-negative integer') }),
  query: metricsRangeQuerySchema,
  response: metricsRangeResponseSchema,
});

export const groupMetrics = endpoint({
  name: 'metrics.group',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/metrics/consumer-groups/{groupId}',
  summary: `A group history: lag (a total and one series per topic), timeLagSeconds, messagesConsumedPerSec, messagesInPerSec of the partitions it reads; ${DOWNSAMPLED}`,
  tag: 'metrics',
  permission: 'read',
  query: metricsRangeQuerySchema,
  response: metricsRangeResponseSchema,
});
