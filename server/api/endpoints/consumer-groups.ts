import { z } from 'zod';
import { configPatchInputSchema } from '@/lib/schemas/topic-admin';
import {
  groupConfigsResponseSchema,
  groupDetailResponseSchema,
  consumerGroupListQuerySchema,
  consumerGroupListResponseSchema,
  topicGroupsResponseSchema,
} from '@/lib/schemas/consumer-groups';
import {
  deleteConfirmSchema,
  deleteGroupOffsetsQuerySchema,
  deleteGroupOffsetsResponseSchema,
  deleteGroupResponseSchema,
  offsetResetInputSchema,
  offsetResetRequestSchema,
  offsetResetResponseSchema,
} from '@/lib/schemas/offset-reset';
import { endpoint, KAFKA_ERRORS } from '@/server/api/endpoint';

export const listConsumerGroups = endpoint({
  name: 'consumer-groups.list',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/consumer-groups',
  summary:
    'Consumer groups (classic and KIP-848) with state, coordinator, members, topics and total / max lag as kafka-consumer-groups computes it',
  tag: 'consumer-groups',
  permission: 'read',
  keepsWarm: ['cluster', 'groups'],
  query: consumerGroupListQuerySchema,
  response: consumerGroupListResponseSchema,
  errors: KAFKA_ERRORS,
});

export const getConsumerGroup = endpoint({
  name: 'consumer-groups.get',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}',
  summary:
    'One group of any type: a consumer group with its members and the rows of kafka-consumer-groups --describe (CURRENT-OFFSET, LOG-END-OFFSET, LAG, member columns), or a share group with those of kafka-share-groups --describe (START-OFFSET, LAG)',
  tag: 'consumer-groups',
  permission: 'read',
  response: groupDetailResponseSchema,
  errors: KAFKA_ERRORS,
});

export const exportConsumerGroup = endpoint({
  name: 'consumer-groups.export',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/export.csv',
  summary: "The group's rows as CSV with kafka-consumer-groups' columns (empty where it prints -)",
  tag: 'consumer-groups',
  permission: 'read',
  response: z.string(),
  mediaTypes: ['text/csv'],
  errors: KAFKA_ERRORS,
});

export const previewOffsetReset = endpoint({
  name: 'consumer-groups.offsets.preview',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/offsets/preview',
  summary:
    'Plan an offset reset (earliest, latest, timestamp, offset, shift, copy from another group; whole group, topics or partitions): the rows of kafka-consumer-groups --reset-offsets --dry-run. Changes nothing; refused like the reset itself (role, read-only cluster); 409 while the group has active members',
  tag: 'consumer-groups',
  permission: 'resetOffsets',
  body: offsetResetInputSchema,
  response: offsetResetResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'groupId' },
});

export const resetOffsets = endpoint({
  name: 'consumer-groups.offsets.reset',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/offsets/reset',
  summary:
    'Reset offsets as planned by the preview (planned again, clamped to [log start, high watermark]) and commit them as a simple member, as kafka-consumer-groups --reset-offsets --execute; `confirm` must equal the group id; 409 while the group has active members',
  tag: 'consumer-groups',
  permission: 'resetOffsets',
  body: offsetResetRequestSchema,
  response: offsetResetResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'groupId' },
});

export const deleteConsumerGroup = endpoint({
  name: 'consumer-groups.delete',
  method: 'delete',
  path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}',
  summary:
    'Delete a consumer group (admin), as kafka-consumer-groups --delete; `confirm` must equal the group id; 409 while it has active members',
  tag: 'consumer-groups',
  permission: 'manageGroups',
  body: deleteConfirmSchema,
  response: deleteGroupResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'groupId' },
});

export const deleteGroupOffsets = endpoint({
  name: 'consumer-groups.offsets.delete',
  method: 'delete',
  path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/offsets',
  summary:
    "Delete a group's committed offsets for one topic (admin), as kafka-consumer-groups --delete-offsets --topic; `confirm` must equal the group id; 409 while a live member is subscribed to the topic",
  tag: 'consumer-groups',
  permission: 'manageGroups',
  query: deleteGroupOffsetsQuerySchema,
  body: deleteConfirmSchema,
  response: deleteGroupOffsetsResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'groupId' },
});

export const listTopicGroups = endpoint({
  name: 'topics.consumer-groups.list',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/topics/{topic}/consumer-groups',
  summary: 'The consumer groups reading a topic (a commit or an assignment on it) with their lag on it, largest first',
  tag: 'consumer-groups',
  permission: 'read',
  keepsWarm: ['cluster', 'groups'],
  response: topicGroupsResponseSchema,
  errors: KAFKA_ERRORS,
});

export const getGroupConfigs = endpoint({
  name: 'consumer-groups.configs.get',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/configs',
  summary:
    "A group's configs (the GROUP resource: session and heartbeat timeouts, share.auto.offset.reset, …) with their source, as kafka-configs --describe --entity-type groups --all; { supported: false } before Kafka 4",
  tag: 'consumer-groups',
  permission: 'read',
  response: groupConfigsResponseSchema,
  errors: KAFKA_ERRORS,
});

export const alterGroupConfigs = endpoint({
  name: 'consumer-groups.configs.alter',
  method: 'patch',
  path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/configs',
  summary:
    "Change only the given config keys of a group (admin) with IncrementalAlterConfigs: `set` values, `delete` back to the broker's default; 409 before Kafka 4",
  tag: 'consumer-groups',
  permission: 'manageGroups',
  body: configPatchInputSchema,
  response: groupConfigsResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'groupId' },
});
