import { configListResponseSchema, detailQuerySchema } from '@/lib/schemas/configs';
import {
  addPartitionsInputSchema,
  configPatchInputSchema,
  createTopicInputSchema,
  deleteRecordsInputSchema,
  deleteRecordsResponseSchema,
  deleteTopicInputSchema,
  deleteTopicResponseSchema,
  topicDefaultsResponseSchema,
} from '@/lib/schemas/topic-admin';
import { topicDetailResponseSchema, topicListQuerySchema, topicListResponseSchema } from '@/lib/schemas/topics';
import { endpoint, KAFKA_ERRORS } from '@/server/api/endpoint';

export const listTopics = endpoint({
  name: 'topics.list',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/topics',
  summary: 'Topics with partition counts, risks, message counts, sizes and balance; filter, sort and page in the query',
  tag: 'topics',
  permission: 'read',
  keepsWarm: ['cluster'],
  query: topicListQuerySchema,
  response: topicListResponseSchema,
  errors: KAFKA_ERRORS,
});

export const getTopic = endpoint({
  name: 'topics.get',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}',
  summary: 'One topic: every partition (leader, replicas, ISR, offsets, size) and its configs',
  tag: 'topics',
  permission: 'read',
  query: detailQuerySchema,
  response: topicDetailResponseSchema,
  errors: KAFKA_ERRORS,
});

export const getTopicConfigs = endpoint({
  name: 'topics.configs.get',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}/configs',
  summary: "A topic's configs with their source, overrides marked; sensitive values are never returned",
  tag: 'topics',
  permission: 'read',
  response: configListResponseSchema,
  errors: KAFKA_ERRORS,
});

export const createTopic = endpoint({
  name: 'topics.create',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/topics',
  summary:
    'Create a topic (admin) as kafka-topics --create, after the console checks (name rules and "."/"_" collisions, replication factor ≤ live brokers, config values) and a validateOnly dry run; Kafka refusals come back as field errors',
  tag: 'topics',
  permission: 'manageTopics',
  body: createTopicInputSchema,
  response: topicDetailResponseSchema,
  status: 201,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'clusterId' },
});

export const topicDefaults = endpoint({
  name: 'topics.defaults',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/topic-defaults',
  summary: "What a new topic gets for the values the create form leaves alone: the cluster's own defaults, as Kafka resolves them",
  tag: 'topics',
  permission: 'read',
  response: topicDefaultsResponseSchema,
  errors: KAFKA_ERRORS,
});

export const deleteTopic = endpoint({
  name: 'topics.delete',
  method: 'delete',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}',
  summary: "Delete a topic (admin) as kafka-topics --delete; `confirm` must equal the topic name; Kafka's internal topics are refused",
  tag: 'topics',
  permission: 'manageTopics',
  body: deleteTopicInputSchema,
  response: deleteTopicResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'topic' },
});

export const addPartitions = endpoint({
  name: 'topics.partitions.add',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}/partitions',
  summary:
    'Raise the partition count (admin) as kafka-topics --alter --partitions; never lowers it; keyed records may map to other partitions afterwards',
  tag: 'topics',
  permission: 'manageTopics',
  body: addPartitionsInputSchema,
  response: topicDetailResponseSchema,
  errors: KAFKA_ERRORS,
  audit: { target: 'topic' },
});

export const alterTopicConfigs = endpoint({
  name: 'topics.configs.alter',
  method: 'patch',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}/configs',
  summary:
    'Change only the given config keys of a topic (admin) with IncrementalAlterConfigs: `set` values, `delete` back to the inherited value',
  tag: 'topics',
  permission: 'manageTopics',
  body: configPatchInputSchema,
  response: configListResponseSchema,
  errors: KAFKA_ERRORS,
  audit: { target: 'topic' },
});

export const deleteRecords = endpoint({
  name: 'topics.records.delete',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}/records/delete',
  summary:
    "Delete the records before an offset in chosen partitions (admin) as kafka-delete-records; `confirm` must equal the topic name; answers each partition's new log start offset",
  tag: 'topics',
  permission: 'manageTopics',
  body: deleteRecordsInputSchema,
  response: deleteRecordsResponseSchema,
  errors: KAFKA_ERRORS,
  audit: { target: 'topic' },
});
