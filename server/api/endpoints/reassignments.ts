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
import { endpoint, KAFKA_ERRORS } from '@/server/api/endpoint';

export const planReassignment = endpoint({
  name: 'reassignments.plan',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/reassignments/plan',
  summary:
    'Plan a reassignment (admin): drain brokers, scale out onto new brokers, replace a broker, rebalance topics or change their replication factor, with minimal movement, rack spread never worse and preferred leaders balanced; the plan and rollback in the kafka-reassign-partitions JSON. Changes nothing',
  tag: 'reassignments',
  permission: 'reassign',
  body: planRequestSchema,
  response: planResponseSchema,
  errors: KAFKA_ERRORS,
  audit: { target: 'clusterId' },
});

export const startReassignment = endpoint({
  name: 'reassignments.execute',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/reassignments',
  summary:
    'Execute a plan (admin; the kafka-reassign-partitions JSON as is): validated, persisted with its rollback, throttled as the tool does, submitted in chunks and followed by the server until the layout equals the plan and the throttles are removed',
  tag: 'reassignments',
  permission: 'reassign',
  body: executeRequestSchema,
  response: jobCreatedSchema,
  status: 202,
  errors: KAFKA_ERRORS,
  audit: { target: 'clusterId' },
});

export const listReassignments = endpoint({
  name: 'reassignments.list',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/reassignments',
  summary: 'Reassignment jobs, newest first, with state, bytes copied, rate and ETA',
  tag: 'reassignments',
  permission: 'read',
  response: jobListResponseSchema,
  errors: KAFKA_ERRORS,
});

export const getReassignment = endpoint({
  name: 'reassignments.get',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/reassignments/{jobId}',
  summary: 'One job: state, per-partition progress (adding/removing replicas), bytes, rate, ETA, stalled',
  tag: 'reassignments',
  permission: 'read',
  response: reassignmentJobSchema,
  errors: KAFKA_ERRORS,
});

export const changeThrottle = endpoint({
  name: 'reassignments.throttle',
  method: 'patch',
  path: '/api/v1/clusters/{clusterId}/reassignments/{jobId}',
  summary: "Change a running job's throttle (admin); null removes it",
  tag: 'reassignments',
  permission: 'reassign',
  body: throttleUpdateSchema,
  response: throttleUpdatedSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'jobId' },
});

export const cancelReassignment = endpoint({
  name: 'reassignments.cancel',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/reassignments/{jobId}/cancel',
  summary: 'Cancel a running job (admin): moving partitions return to their original replicas, then throttles are removed',
  tag: 'reassignments',
  permission: 'reassign',
  response: jobCreatedSchema,
  status: 202,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'jobId' },
});

export const rollBackReassignment = endpoint({
  name: 'reassignments.rollback',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/reassignments/{jobId}/rollback',
  summary: 'Roll back an ended job (admin): its saved rollback plan as a new job',
  tag: 'reassignments',
  permission: 'reassign',
  response: jobCreatedSchema,
  status: 202,
  errors: [...KAFKA_ERRORS, 'VALIDATION', 'CONFLICT'],
  audit: { target: 'jobId' },
});

export const electLeaders = endpoint({
  name: 'leader-election',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/leader-election',
  summary:
    'Preferred leader election (admin) for topics, partitions, the partitions a broker should lead, or the whole cluster; without ZooKeeper',
  tag: 'reassignments',
  permission: 'reassign',
  body: leaderElectionInputSchema,
  response: leaderElectionResponseSchema,
  errors: KAFKA_ERRORS,
  audit: { target: 'clusterId' },
});

export const getElectionSchedule = endpoint({
  name: 'leader-election.schedule.get',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/leader-election/schedule',
  summary: "The cluster's recurring preferred leader election (null when none): interval, scope, next run, the last run's result",
  tag: 'reassignments',
  permission: 'read',
  response: electionScheduleResponseSchema,
});

export const setElectionSchedule = endpoint({
  name: 'leader-election.schedule.set',
  method: 'put',
  path: '/api/v1/clusters/{clusterId}/leader-election/schedule',
  summary:
    'Set or replace the recurring preferred leader election (admin): every 15 minutes to 7 days, the whole cluster unless topics or preferred-leader brokers narrow it; a run is skipped while a reassignment moves partitions',
  tag: 'reassignments',
  permission: 'reassign',
  body: electionScheduleInputSchema,
  response: electionScheduleResponseSchema,
  errors: KAFKA_ERRORS,
  audit: { target: 'clusterId' },
});

export const deleteElectionSchedule = endpoint({
  name: 'leader-election.schedule.delete',
  method: 'delete',
  path: '/api/v1/clusters/{clusterId}/leader-election/schedule',
  summary: 'Remove the recurring preferred leader election (admin)',
  tag: 'reassignments',
  permission: 'reassign',
  response: electionScheduleResponseSchema,
  audit: { target: 'clusterId' },
});
