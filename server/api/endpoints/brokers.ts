import { brokerDetailResponseSchema, brokerListResponseSchema } from '@/lib/schemas/brokers';
import { configListResponseSchema, detailQuerySchema } from '@/lib/schemas/configs';
import { configPatchInputSchema } from '@/lib/schemas/topic-admin';
import { endpoint, KAFKA_ERRORS } from '@/server/api/endpoint';

export const listBrokers = endpoint({
  name: 'brokers.list',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/brokers',
  summary: 'Live brokers with rack, leader and replica counts, and the active controller',
  tag: 'brokers',
  permission: 'read',
  keepsWarm: ['cluster'],
  response: brokerListResponseSchema,
  errors: KAFKA_ERRORS,
});

export const getBroker = endpoint({
  name: 'brokers.get',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/brokers/{brokerId}',
  summary: 'One broker (a known broker that is down included): counts, disk per log dir, and its configs with their source',
  tag: 'brokers',
  permission: 'read',
  query: detailQuerySchema,
  response: brokerDetailResponseSchema,
  errors: KAFKA_ERRORS,
});

export const getBrokerConfigs = endpoint({
  name: 'brokers.configs.get',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/brokers/{brokerId}/configs',
  summary:
    "A broker's configs with their source (default, static, dynamic), or with `brokerId` = `default` the cluster-wide dynamic defaults; sensitive values are never returned",
  tag: 'brokers',
  permission: 'read',
  response: configListResponseSchema,
  errors: KAFKA_ERRORS,
});

export const alterBrokerConfigs = endpoint({
  name: 'brokers.configs.alter',
  method: 'patch',
  path: '/api/v1/clusters/{clusterId}/brokers/{brokerId}/configs',
  summary:
    'Change dynamic configs of one broker, or of every broker with `brokerId` = `default` (admin), with IncrementalAlterConfigs; read-only (static) keys are refused',
  tag: 'brokers',
  permission: 'manageTopics',
  body: configPatchInputSchema,
  response: configListResponseSchema,
  errors: KAFKA_ERRORS,
  audit: { target: 'brokerId' },
});
