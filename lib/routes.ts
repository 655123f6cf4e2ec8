// Page and API paths in one place; every dynamic segment is encoded so names with "/", "%" or spaces stay one segment.
const seg = encodeURIComponent;

/**
 * A page's dynamic segment as the name it encodes (pages get it encoded; route handlers get it decoded); null when
 * it is not valid percent-encoding (no topic or group has that name). Kafka names are [a-zA-Z0-9._-]: decoding an
 * already decoded name changes nothing.
 */
export function segmentName(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Whose series: the cluster's, or one topic's, broker's or consumer group's. */
export type MetricTarget =
  { scope: 'cluster' } | { scope: 'topic'; topic: string } | { scope: 'broker'; brokerId: number } | { scope: 'group'; groupId: string };

function metricPath(target: MetricTarget) {
  switch (target.scope) {
    case 'cluster':
      return 'cluster';
    case 'topic':
      return `topics/${seg(target.topic)}`;
    case 'broker':
      return `brokers/${target.brokerId}`;
    case 'group':
      return `consumer-groups/${seg(target.groupId)}`;
  }
}

export const pageRoutes = {
  clusters: () => '/clusters',
  cluster: (clusterId: string) => `/clusters/${seg(clusterId)}`,
  dashboard: (clusterId: string) => `/clusters/${seg(clusterId)}/dashboard`,
  brokers: (clusterId: string) => `/clusters/${seg(clusterId)}/brokers`,
  broker: (clusterId: string, brokerId: number) => `/clusters/${seg(clusterId)}/brokers/${brokerId}`,
  topics: (clusterId: string) => `/clusters/${seg(clusterId)}/topics`,
  topic: (clusterId: string, topic: string) => `/clusters/${seg(clusterId)}/topics/${seg(topic)}`,
  /** The topic's records; `query` is a ready query string (partitions, from, limit, filter, …) without "?". */
  topicMessages: (clusterId: string, topic: string, query = '') =>
    `/clusters/${seg(clusterId)}/topics/${seg(topic)}/messages${query ? `?${query}` : ''}`,
  health: (clusterId: string) => `/clusters/${seg(clusterId)}/health`,
  features: (clusterId: string) => `/clusters/${seg(clusterId)}/features`,
  clientMetrics: (clusterId: string) => `/clusters/${seg(clusterId)}/client-metrics`,
  consumerGroups: (clusterId: string) => `/clusters/${seg(clusterId)}/consumer-groups`,
  consumerGroup: (clusterId: string, groupId: string) => `/clusters/${seg(clusterId)}/consumer-groups/${seg(groupId)}`,
  reassignments: (clusterId: string) => `/clusters/${seg(clusterId)}/reassignments`,
  reassignment: (clusterId: string, jobId: string) => `/clusters/${seg(clusterId)}/reassignments/${seg(jobId)}`,
  audit: () => '/audit',
  alerts: () => '/alerts',
};

export const apiRoutes = {
  clusters: () => '/api/v1/clusters',
  /** What the caller may do on the cluster (role, read-only): pages show or hide their controls by it. */
  clusterPermissions: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/permissions`,
  brokers: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/brokers`,
  /** POST adds a voter to a dynamic controller quorum; quorumVoter's DELETE removes one (KIP-853). */
  quorumVoters: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/quorum/voters`,
  quorumVoter: (clusterId: string, voterId: number, directoryId: string) =>
    `/api/v1/clusters/${seg(clusterId)}/quorum/voters/${voterId}?directoryId=${encodeURIComponent(directoryId)}`,
  /** Pages poll the detail without configs and read `brokerConfigs` once. */
  broker: (clusterId: string, brokerId: number, { configs = true } = {}) =>
    `/api/v1/clusters/${seg(clusterId)}/brokers/${brokerId}${configs ? '' : '?configs=false'}`,
  /** `default`: the cluster-wide dynamic defaults (GET lists only the keys set at that level; PATCH changes every broker). */
  brokerConfigs: (clusterId: string, brokerId: number | 'default') => `/api/v1/clusters/${seg(clusterId)}/brokers/${brokerId}/configs`,
  /** GET the list (`query`: a ready query string of q, sort, internal, limit, offset, without "?"); POST creates a topic. */
  topics: (clusterId: string, query = '') => `/api/v1/clusters/${seg(clusterId)}/topics${query ? `?${query}` : ''}`,
  /** GET the detail; DELETE `{ confirm }` deletes the topic. */
  topic: (clusterId: string, topic: string, { configs = true } = {}) =>
    `/api/v1/clusters/${seg(clusterId)}/topics/${seg(topic)}${configs ? '' : '?configs=false'}`,
  topicGroups: (clusterId: string, topic: string) => `/api/v1/clusters/${seg(clusterId)}/topics/${seg(topic)}/consumer-groups`,
  /** GET; PATCH `{ set?, delete? }` changes only the keys given. */
  topicConfigs: (clusterId: string, topic: string) => `/api/v1/clusters/${seg(clusterId)}/topics/${seg(topic)}/configs`,
  /** What a new topic gets for what the create form leaves alone. */
  topicDefaults: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/topic-defaults`,
  /** POST `{ totalCount }`: raises the partition count. */
  topicPartitions: (clusterId: string, topic: string) => `/api/v1/clusters/${seg(clusterId)}/topics/${seg(topic)}/partitions`,
  /** POST `{ before, confirm }`: deletes the records before the given offsets. */
  topicRecordsDelete: (clusterId: string, topic: string) => `/api/v1/clusters/${seg(clusterId)}/topics/${seg(topic)}/records/delete`,
  /** GET a page of records (or, with Accept: text/event-stream, a scan or live tail); POST produces one. */
  topicMessages: (clusterId: string, topic: string, query = '') =>
    `/api/v1/clusters/${seg(clusterId)}/topics/${seg(topic)}/messages${query ? `?${query}` : ''}`,
  /** GET the records of a messages query as a file (`format=jsonl|csv`). */
  topicMessagesExport: (clusterId: string, topic: string, query: string) =>
    `/api/v1/clusters/${seg(clusterId)}/topics/${seg(topic)}/messages/export?${query}`,
  health: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/health`,
  features: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/features`,
  /** POST `{ feature, level, dryRun, confirm? }`: kafka-features upgrade, or its --dry-run. */
  featureUpgrade: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/features/upgrade`,
  /** GET every client metrics subscription; POST creates one. */
  clientMetrics: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/client-metrics`,
  /** PUT replaces the subscription's config; DELETE `{ confirm }` deletes it. */
  clientMetricsSubscription: (clusterId: string, name: string) => `/api/v1/clusters/${seg(clusterId)}/client-metrics/${seg(name)}`,
  /** `query` is a ready query string (q, state, topic, lagging, sort), without "?". */
  consumerGroups: (clusterId: string, query = '') => `/api/v1/clusters/${seg(clusterId)}/consumer-groups${query ? `?${query}` : ''}`,
  consumerGroup: (clusterId: string, groupId: string) => `/api/v1/clusters/${seg(clusterId)}/consumer-groups/${seg(groupId)}`,
  /** GET the group's configs; PATCH `{ set?, delete? }` changes only the keys given. */
  groupConfigs: (clusterId: string, groupId: string) => `/api/v1/clusters/${seg(clusterId)}/consumer-groups/${seg(groupId)}/configs`,
  consumerGroupCsv: (clusterId: string, groupId: string) => `/api/v1/clusters/${seg(clusterId)}/consumer-groups/${seg(groupId)}/export.csv`,
  offsetResetPreview: (clusterId: string, groupId: string) =>
    `/api/v1/clusters/${seg(clusterId)}/consumer-groups/${seg(groupId)}/offsets/preview`,
  offsetReset: (clusterId: string, groupId: string) => `/api/v1/clusters/${seg(clusterId)}/consumer-groups/${seg(groupId)}/offsets/reset`,
  /** DELETE: the group's committed offsets for `topic`. */
  groupOffsets: (clusterId: string, groupId: string, topic: string) =>
    `/api/v1/clusters/${seg(clusterId)}/consumer-groups/${seg(groupId)}/offsets?${new URLSearchParams({ topic }).toString()}`,
  /** POST a mode and its inputs: the plan, its rollback and the diff (changes nothing). */
  reassignmentPlan: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/reassignments/plan`,
  /** GET the jobs, newest first; POST `{ plan, throttleBytesPerSec? }` starts one (202 `{ jobId }`). */
  reassignments: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/reassignments`,
  /** GET the job with its partitions; PATCH `{ throttleBytesPerSec }` changes the throttle while it runs. */
  reassignment: (clusterId: string, jobId: string) => `/api/v1/clusters/${seg(clusterId)}/reassignments/${seg(jobId)}`,
  reassignmentCancel: (clusterId: string, jobId: string) => `/api/v1/clusters/${seg(clusterId)}/reassignments/${seg(jobId)}/cancel`,
  /** POST: the ended job's rollback plan as a new job (202 `{ jobId }`). */
  reassignmentRollback: (clusterId: string, jobId: string) => `/api/v1/clusters/${seg(clusterId)}/reassignments/${seg(jobId)}/rollback`,
  /** POST `{ topics?, brokers?, partitions? }` (none: the whole cluster): preferred leader election. */
  leaderElection: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/leader-election`,
  /** GET / PUT `{ everyMinutes, topics?, brokers? }` / DELETE: the cluster's recurring preferred leader election. */
  leaderElectionSchedule: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/leader-election/schedule`,
  /** GET the series of one scope over `?from&to&points` (epoch ms, `to` exclusive). */
  metrics: (clusterId: string, target: MetricTarget, range: { from: number; to: number; points: number }) =>
    `/api/v1/clusters/${seg(clusterId)}/metrics/${metricPath(target)}?${new URLSearchParams({ from: String(range.from), to: String(range.to), points: String(range.points) }).toString()}`,
  /** GET the dashboard's rankings: topics by throughput, groups by lag and by time lag. */
  metricsTop: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/metrics/top`,
  audit: (query: string) => `/api/v1/audit${query ? `?${query}` : ''}`,
  auditCsv: (query: string) => `/api/v1/audit/export.csv${query ? `?${query}` : ''}`,
  /** GET the rules (and the configured channels); POST creates a rule (admins). */
  alertRules: () => '/api/v1/alerts/rules',
  /** PATCH some fields (`{ muted }` mutes); DELETE. A rule from the configuration file answers 409. */
  alertRule: (ruleId: string) => `/api/v1/alerts/rules/${seg(ruleId)}`,
  /** `query`: a ready query string of state, clusterId, ruleId, limit, offset, without "?". */
  alertEvents: (query = '') => `/api/v1/alerts/events${query ? `?${query}` : ''}`,
};
