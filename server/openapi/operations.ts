import { z } from 'zod';
import type { ErrorCode } from '@/lib/errors';
import { brokerDetailResponseSchema, brokerListResponseSchema } from '@/lib/schemas/brokers';
import { configListResponseSchema, detailQuerySchema } from '@/lib/schemas/configs';
import {
  consumerGroupDetailResponseSchema,
  consumerGroupListQuerySchema,
  consumerGroupListResponseSchema,
  topicGroupsResponseSchema,
} from '@/lib/schemas/consumer-groups';
import { clusterListResponseSchema } from '@/lib/schemas/clusters';
import { metricsRangeQuerySchema, metricsRangeResponseSchema, metricsTopResponseSchema } from '@/lib/schemas/metrics';
import { clusterPermissionsResponseSchema } from '@/lib/schemas/permissions';
import {
  deleteConfirmSchema,
  deleteGroupOffsetsQuerySchema,
  deleteGroupOffsetsResponseSchema,
  deleteGroupResponseSchema,
  offsetResetInputSchema,
  offsetResetRequestSchema,
  offsetResetResponseSchema,
} from '@/lib/schemas/offset-reset';
import {
  alertEventsQuerySchema,
  alertEventsResponseSchema,
  alertRuleInputSchema,
  deleteAlertRuleResponseSchema,
  alertRulePatchSchema,
  alertRuleSchema,
  alertRulesResponseSchema,
} from '@/lib/schemas/alerts';
import { auditListResponseSchema, auditQuerySchema } from '@/lib/schemas/audit';
import { healthResponseSchema } from '@/lib/schemas/health';
import { clusterHealthResponseSchema } from '@/lib/schemas/health-partitions';
import { clusterOverviewSchema } from '@/lib/schemas/overview';
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
import {
  messagesExportQuerySchema,
  messagesQuerySchema,
  messagesResponseSchema,
  produceInputSchema,
  produceResultSchema,
} from '@/lib/schemas/messages';
import {
  electionScheduleInputSchema,
  electionScheduleResponseSchema,
  executeRequestSchema,
  jobCreatedSchema,
  jobListResponseSchema,
  leaderElectionInputSchema,
  leaderElectionResponseSchema,
  planRequestSchema,
  planResponseSchema,
  reassignmentJobSchema,
  throttleUpdateSchema,
  throttleUpdatedSchema,
} from '@/lib/schemas/reassignments';

export type Operation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template; route files use the same names in brackets. */
  path: string;
  summary: string;
  tag: string;
  /** The JSON answer's schema; for an answer that is text (CSV, JSON Lines), a string. */
  response: z.ZodType;
  /** Media types of the success answer when not only JSON; any but JSON is text. */
  mediaTypes?: string[];
  status?: 200 | 201 | 202 | 204;
  requestBody?: z.ZodType;
  query?: z.ZodObject;
  errors: ErrorCode[];
};

const AUTH_ERRORS: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN'];
const READ_ERRORS: ErrorCode[] = ['UNAUTHENTICATED', 'NOT_FOUND', 'KAFKA_FORBIDDEN', 'KAFKA_ERROR', 'KAFKA_UNAVAILABLE', 'INTERNAL'];

/** Every API operation; a test fails when a route file exists without its entry here. */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness of the console itself (no cluster data)',
    tag: 'console',
    response: healthResponseSchema,
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This OpenAPI document',
    tag: 'console',
    response: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
    errors: ['UNAUTHENTICATED'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters',
    summary: 'Configured clusters with their reachability; answers even when clusters are down',
    tag: 'clusters',
    response: clusterListResponseSchema,
    errors: ['UNAUTHENTICATED', 'INTERNAL'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/permissions',
    summary:
      "The caller's role on the cluster and what it may do there (write permissions dropped on a read-only cluster), for showing or hiding controls",
    tag: 'clusters',
    response: clusterPermissionsResponseSchema,
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'INTERNAL'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/brokers',
    summary: 'Live brokers with rack, leader and replica counts, and the active controller',
    tag: 'brokers',
    response: brokerListResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/brokers/{brokerId}',
    summary: 'One broker (a known broker that is down included): counts, disk per log dir, and its configs with their source',
    tag: 'brokers',
    response: brokerDetailResponseSchema,
    query: detailQuerySchema,
    errors: [...READ_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/brokers/{brokerId}/configs',
    summary: "A broker's configs with their source (default, static, dynamic); sensitive values are never returned",
    tag: 'brokers',
    response: configListResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/overview',
    summary: 'Brokers up/known, controller and KRaft quorum, partition risk counts, total size, inferred Kafka version',
    tag: 'clusters',
    response: clusterOverviewSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/topics',
    summary: 'Topics with partition counts, risks, message counts, sizes and balance; filter, sort and page in the query',
    tag: 'topics',
    response: topicListResponseSchema,
    query: topicListQuerySchema,
    errors: [...READ_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}',
    summary: 'One topic: every partition (leader, replicas, ISR, offsets, size) and its configs',
    tag: 'topics',
    response: topicDetailResponseSchema,
    query: detailQuerySchema,
    errors: [...READ_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}/configs',
    summary: "A topic's configs with their source, overrides marked; sensitive values are never returned",
    tag: 'topics',
    response: configListResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/topics',
    summary:
      'Create a topic (admin) as kafka-topics --create, after the console checks (name rules and "."/"_" collisions, replication factor ≤ live brokers, config values) and a validateOnly dry run; Kafka refusals come back as field errors',
    tag: 'topics',
    status: 201,
    response: topicDetailResponseSchema,
    requestBody: createTopicInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'CONFLICT'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/topic-defaults',
    summary: "What a new topic gets for the values the create form leaves alone: the cluster's own defaults, as Kafka resolves them",
    tag: 'topics',
    response: topicDefaultsResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'delete',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}',
    summary: "Delete a topic (admin) as kafka-topics --delete; `confirm` must equal the topic name; Kafka's internal topics are refused",
    tag: 'topics',
    response: deleteTopicResponseSchema,
    requestBody: deleteTopicInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'CONFLICT'],
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}/partitions',
    summary:
      'Raise the partition count (admin) as kafka-topics --alter --partitions; never lowers it; keyed records may map to other partitions afterwards',
    tag: 'topics',
    response: topicDetailResponseSchema,
    requestBody: addPartitionsInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}/messages',
    summary:
      'Records of the topic (admin, operator; viewers 403), masked: one page as JSON from newest, oldest, offset:N or timestamp:T, or a cursor; ' +
      'with a filter and/or an exact key. With Accept: text/event-stream a scan or, with live=true, a live tail as server-sent events ' +
      '(start, message, progress, end, error), outside the route deadline within the stream budget; 429 beyond the streams allowed per user and console',
    tag: 'messages',
    response: messagesResponseSchema,
    mediaTypes: ['application/json', 'text/event-stream'],
    query: messagesQuerySchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}/messages',
    summary:
      "Produce one record (admin; operators when operatorsMayProduce) to a partition, the key's partition or any: key, value and headers as UTF-8 or base64, " +
      "a codec, acks -1 or 1; over the topic's max.message.bytes 422 on value; internal topics 403; audited without contents",
    tag: 'messages',
    status: 201,
    response: produceResultSchema,
    requestBody: produceInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}/messages/export',
    summary:
      "The records of a messages query as JSON Lines or CSV (`format`), masked, up to 100,000, streamed; a page's `self` cursor downloads what it shows",
    tag: 'messages',
    response: z.string(),
    mediaTypes: ['application/x-ndjson', 'text/csv'],
    query: messagesExportQuerySchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'RATE_LIMITED'],
  },
  {
    method: 'patch',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}/configs',
    summary:
      'Change only the given config keys of a topic (admin) with IncrementalAlterConfigs: `set` values, `delete` back to the inherited value',
    tag: 'topics',
    response: configListResponseSchema,
    requestBody: configPatchInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION'],
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}/records/delete',
    summary:
      "Delete the records before an offset in chosen partitions (admin) as kafka-delete-records; `confirm` must equal the topic name; answers each partition's new log start offset",
    tag: 'topics',
    response: deleteRecordsResponseSchema,
    requestBody: deleteRecordsInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION'],
  },
  {
    method: 'patch',
    path: '/api/v1/clusters/{clusterId}/brokers/{brokerId}/configs',
    summary:
      'Change dynamic configs of one broker, or of every broker with `brokerId` = `default` (admin), with IncrementalAlterConfigs; read-only (static) keys are refused',
    tag: 'brokers',
    response: configListResponseSchema,
    requestBody: configPatchInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION'],
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/reassignments/plan',
    summary:
      'Plan a reassignment (admin): drain brokers, scale out onto new brokers, replace a broker, rebalance topics or change their replication factor, with minimal movement, rack spread never worse and preferred leaders balanced; the plan and rollback in the kafka-reassign-partitions JSON. Changes nothing',
    tag: 'reassignments',
    response: planResponseSchema,
    requestBody: planRequestSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION'],
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/reassignments',
    summary:
      'Execute a plan (admin; the kafka-reassign-partitions JSON as is): validated, persisted with its rollback, throttled as the tool does, submitted in chunks and followed by the server until the layout equals the plan and the throttles are removed',
    tag: 'reassignments',
    status: 202,
    response: jobCreatedSchema,
    requestBody: executeRequestSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/reassignments',
    summary: 'Reassignment jobs, newest first, with state, bytes copied, rate and ETA',
    tag: 'reassignments',
    response: jobListResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/reassignments/{jobId}',
    summary: 'One job: state, per-partition progress (adding/removing replicas), bytes, rate, ETA, stalled',
    tag: 'reassignments',
    response: reassignmentJobSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'patch',
    path: '/api/v1/clusters/{clusterId}/reassignments/{jobId}',
    summary: "Change a running job's throttle (admin); null removes it",
    tag: 'reassignments',
    response: throttleUpdatedSchema,
    requestBody: throttleUpdateSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'CONFLICT'],
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/reassignments/{jobId}/cancel',
    summary: 'Cancel a running job (admin): moving partitions return to their original replicas, then throttles are removed',
    tag: 'reassignments',
    status: 202,
    response: jobCreatedSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'CONFLICT'],
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/reassignments/{jobId}/rollback',
    summary: 'Roll back an ended job (admin): its saved rollback plan as a new job',
    tag: 'reassignments',
    status: 202,
    response: jobCreatedSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'CONFLICT'],
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/leader-election',
    summary:
      'Preferred leader election (admin) for topics, partitions, the partitions a broker should lead, or the whole cluster; without ZooKeeper',
    tag: 'reassignments',
    response: leaderElectionResponseSchema,
    requestBody: leaderElectionInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/consumer-groups',
    summary:
      'Consumer groups (classic and KIP-848) with state, coordinator, members, topics and total / max lag as kafka-consumer-groups computes it',
    tag: 'consumer-groups',
    response: consumerGroupListResponseSchema,
    query: consumerGroupListQuerySchema,
    errors: [...READ_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}',
    summary: 'One group: members and the rows of kafka-consumer-groups --describe (CURRENT-OFFSET, LOG-END-OFFSET, LAG, member columns)',
    tag: 'consumer-groups',
    response: consumerGroupDetailResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/export.csv',
    summary: "The group's rows as CSV with kafka-consumer-groups' columns (empty where it prints -)",
    tag: 'consumer-groups',
    response: z.string(),
    mediaTypes: ['text/csv'],
    errors: READ_ERRORS,
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/offsets/preview',
    summary:
      'Plan an offset reset (earliest, latest, timestamp, offset, shift, copy from another group; whole group, topics or partitions): the rows of kafka-consumer-groups --reset-offsets --dry-run. Changes nothing; 409 while the group has active members',
    tag: 'consumer-groups',
    response: offsetResetResponseSchema,
    requestBody: offsetResetInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'CONFLICT'],
  },
  {
    method: 'post',
    path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/offsets/reset',
    summary:
      'Reset offsets as planned by the preview (planned again, clamped to [log start, high watermark]) and commit them as a simple member, as kafka-consumer-groups --reset-offsets --execute; `confirm` must equal the group id; 409 while the group has active members',
    tag: 'consumer-groups',
    response: offsetResetResponseSchema,
    requestBody: offsetResetRequestSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'CONFLICT'],
  },
  {
    method: 'delete',
    path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}',
    summary:
      'Delete a consumer group (admin), as kafka-consumer-groups --delete; `confirm` must equal the group id; 409 while it has active members',
    tag: 'consumer-groups',
    response: deleteGroupResponseSchema,
    requestBody: deleteConfirmSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'CONFLICT'],
  },
  {
    method: 'delete',
    path: '/api/v1/clusters/{clusterId}/consumer-groups/{groupId}/offsets',
    summary:
      "Delete a group's committed offsets for one topic (admin), as kafka-consumer-groups --delete-offsets --topic; `confirm` must equal the group id; 409 while a live member is subscribed to the topic",
    tag: 'consumer-groups',
    response: deleteGroupOffsetsResponseSchema,
    requestBody: deleteConfirmSchema,
    query: deleteGroupOffsetsQuerySchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION', 'CONFLICT'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/topics/{topic}/consumer-groups',
    summary: 'The consumer groups reading a topic (a commit or an assignment on it) with their lag on it, largest first',
    tag: 'consumer-groups',
    response: topicGroupsResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/health',
    summary: 'Every at-risk partition: offline, leaderless, under min ISR, under-replicated, non-preferred leader',
    tag: 'health',
    response: clusterHealthResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/leader-election/schedule',
    summary: "The cluster's recurring preferred leader election (null when none): interval, scope, next run, the last run's result",
    tag: 'reassignments',
    response: electionScheduleResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'put',
    path: '/api/v1/clusters/{clusterId}/leader-election/schedule',
    summary:
      'Set or replace the recurring preferred leader election (admin): every 15 minutes to 7 days, the whole cluster unless topics or preferred-leader brokers narrow it; a run is skipped while a reassignment moves partitions',
    tag: 'reassignments',
    response: electionScheduleResponseSchema,
    requestBody: electionScheduleInputSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN', 'VALIDATION'],
  },
  {
    method: 'delete',
    path: '/api/v1/clusters/{clusterId}/leader-election/schedule',
    summary: 'Remove the recurring preferred leader election (admin)',
    tag: 'reassignments',
    response: electionScheduleResponseSchema,
    errors: [...READ_ERRORS, 'FORBIDDEN'],
  },
  {
    method: 'get',
    path: '/api/v1/alerts/rules',
    summary:
      'Alert rules of the clusters the caller may see (from the configuration file, read-only, and from the database) and the configured webhook channels (ids, names and types; never their URLs)',
    tag: 'alerts',
    response: alertRulesResponseSchema,
    errors: AUTH_ERRORS,
  },
  {
    method: 'post',
    path: '/api/v1/alerts/rules',
    summary:
      'Create an alert rule (admin): group lag, group time lag, group status, partitions at risk, a broker missing or a reassignment stalled, on one cluster, optionally for a group or topic name pattern',
    tag: 'alerts',
    status: 201,
    response: alertRuleSchema,
    requestBody: alertRuleInputSchema,
    errors: [...AUTH_ERRORS, 'VALIDATION'],
  },
  {
    method: 'patch',
    path: '/api/v1/alerts/rules/{ruleId}',
    summary:
      'Change an alert rule made in the UI (admin): mute it, its thresholds, scope, channels; a rule from the configuration file is 409',
    tag: 'alerts',
    response: alertRuleSchema,
    requestBody: alertRulePatchSchema,
    errors: [...AUTH_ERRORS, 'NOT_FOUND', 'CONFLICT', 'VALIDATION'],
  },
  {
    method: 'delete',
    path: '/api/v1/alerts/rules/{ruleId}',
    summary: 'Delete an alert rule made in the UI (admin); its open alerts are closed without notifications',
    tag: 'alerts',
    response: deleteAlertRuleResponseSchema,
    errors: [...AUTH_ERRORS, 'NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'get',
    path: '/api/v1/alerts/events',
    summary: 'Alerts firing now and their history, newest first, with the delivery of every notification (state, attempts, last error)',
    tag: 'alerts',
    response: alertEventsResponseSchema,
    query: alertEventsQuerySchema,
    errors: [...AUTH_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/audit',
    summary: 'The audit log, newest first (admin): every change and every refusal',
    tag: 'audit',
    response: auditListResponseSchema,
    query: auditQuerySchema,
    errors: [...AUTH_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/audit/export.csv',
    summary: 'The audit log as CSV with the same filters (admin; at most 10,000 rows, newest first)',
    tag: 'audit',
    response: z.string(),
    mediaTypes: ['text/csv'],
    query: auditQuerySchema.omit({ limit: true, offset: true }),
    errors: [...AUTH_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/metrics/cluster',
    summary:
      'The cluster history: messagesInPerSec, bytesInPerSec, messagesConsumedPerSec, totalLag, maxTimeLagSeconds; each series downsampled to at most `points` points',
    tag: 'metrics',
    response: metricsRangeResponseSchema,
    query: metricsRangeQuerySchema,
    errors: [...READ_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/metrics/top',
    summary:
      "The dashboard's rankings over the last minute (or four sampling passes): the 10 topics with the most messages in per second, the 10 groups with the most lag and the most time lag",
    tag: 'metrics',
    response: metricsTopResponseSchema,
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/metrics/topics/{topic}',
    summary:
      'A topic history: messagesInPerSec, bytesInPerSec, sizeBytes (kept after the topic is deleted, until retention); each series downsampled to at most `points` points',
    tag: 'metrics',
    response: metricsRangeResponseSchema,
    query: metricsRangeQuerySchema,
    errors: [...READ_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/metrics/brokers/{brokerId}',
    summary:
      'A broker history: messagesInPerSec and bytesInPerSec of the partitions it leads, diskUsedBytes; each series downsampled to at most `points` points',
    tag: 'metrics',
    response: metricsRangeResponseSchema,
    query: metricsRangeQuerySchema,
    errors: [...READ_ERRORS, 'VALIDATION'],
  },
  {
    method: 'get',
    path: '/api/v1/clusters/{clusterId}/metrics/consumer-groups/{groupId}',
    summary:
      'A group history: lag (a total and one series per topic), timeLagSeconds, messagesConsumedPerSec, messagesInPerSec of the partitions it reads; each series downsampled to at most `points` points',
    tag: 'metrics',
    response: metricsRangeResponseSchema,
    query: metricsRangeQuerySchema,
    errors: [...READ_ERRORS, 'VALIDATION'],
  },
];
