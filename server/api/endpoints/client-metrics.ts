import {
  clientMetricsConfigInputSchema,
  clientMetricsListSchema,
  clientMetricsSubscriptionSchema,
  createClientMetricsInputSchema,
  deleteClientMetricsInputSchema,
  deleteClientMetricsResponseSchema,
} from '@/lib/schemas/client-metrics';
import { endpoint, KAFKA_ERRORS } from '@/server/api/endpoint';

// Client metrics subscriptions (KIP-714): the CLIENT_METRICS config resource, as kafka-client-metrics manages it.
// Writes are config edits, so they need the permission of every other config edit (admin).

const SUBSCRIPTION_PATH = '/api/v1/clusters/{clusterId}/client-metrics/{subscription}';

export const listClientMetrics = endpoint({
  name: 'client-metrics.list',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/client-metrics',
  summary:
    'Every client metrics subscription (metric prefixes, push interval, client match) as kafka-client-metrics --describe; { supported: false } on ZooKeeper mode and before Kafka 3.7',
  tag: 'client-metrics',
  permission: 'read',
  response: clientMetricsListSchema,
  errors: KAFKA_ERRORS,
});

export const createClientMetrics = endpoint({
  name: 'client-metrics.create',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/client-metrics',
  summary: 'Create a client metrics subscription (admin); 409 when the name is taken or the cluster has no client metrics',
  tag: 'client-metrics',
  permission: 'manageTopics',
  body: createClientMetricsInputSchema,
  response: clientMetricsSubscriptionSchema,
  status: 201,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  // The new name is in the audited body.
  audit: { target: 'clusterId' },
});

export const updateClientMetrics = endpoint({
  name: 'client-metrics.update',
  method: 'put',
  path: SUBSCRIPTION_PATH,
  summary: "Replace a subscription's metrics, interval and match (admin); an empty list returns to Kafka's default; 409 where unsupported",
  tag: 'client-metrics',
  permission: 'manageTopics',
  body: clientMetricsConfigInputSchema,
  response: clientMetricsSubscriptionSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'subscription' },
});

export const deleteClientMetrics = endpoint({
  name: 'client-metrics.delete',
  method: 'delete',
  path: SUBSCRIPTION_PATH,
  summary: 'Delete a subscription (admin), as kafka-client-metrics --delete; `confirm` must equal its name; 409 where unsupported',
  tag: 'client-metrics',
  permission: 'manageTopics',
  body: deleteClientMetricsInputSchema,
  response: deleteClientMetricsResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'subscription' },
});
