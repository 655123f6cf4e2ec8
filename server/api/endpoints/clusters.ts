import { clusterListResponseSchema } from '@/lib/schemas/clusters';
import { clusterFeaturesResponseSchema, featureUpgradeInputSchema, featureUpgradeResponseSchema } from '@/lib/schemas/features';
import { clusterHealthResponseSchema } from '@/lib/schemas/health-partitions';
import { clusterOverviewSchema } from '@/lib/schemas/overview';
import { clusterPermissionsResponseSchema } from '@/lib/schemas/permissions';
import { endpoint, KAFKA_ERRORS } from '@/server/api/endpoint';

export const listClusters = endpoint({
  name: 'clusters.list',
  method: 'get',
  path: '/api/v1/clusters',
  summary: 'Configured clusters with their reachability; answers even when clusters are down',
  tag: 'clusters',
  permission: 'read',
  response: clusterListResponseSchema,
});

export const clusterPermissions = endpoint({
  name: 'clusters.permissions',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/permissions',
  summary:
    "The caller's role on the cluster and what it may do there (write permissions dropped on a read-only cluster), for showing or hiding controls",
  tag: 'clusters',
  permission: 'read',
  response: clusterPermissionsResponseSchema,
});

export const clusterOverview = endpoint({
  name: 'clusters.overview',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/overview',
  summary: 'Brokers up/known, controller and KRaft quorum, partition risk counts, total size, inferred Kafka version',
  tag: 'clusters',
  permission: 'read',
  keepsWarm: ['cluster'],
  response: clusterOverviewSchema,
  errors: KAFKA_ERRORS,
});

export const clusterHealth = endpoint({
  name: 'health.partitions',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/health',
  summary: 'Every at-risk partition: offline, leaderless, under min ISR, under-replicated, non-preferred leader',
  tag: 'health',
  permission: 'read',
  keepsWarm: ['cluster'],
  response: clusterHealthResponseSchema,
  errors: KAFKA_ERRORS,
});

export const clusterFeatures = endpoint({
  name: 'clusters.features',
  method: 'get',
  path: '/api/v1/clusters/{clusterId}/features',
  summary:
    'Finalized feature levels (metadata.version, kraft.version, group.version, share.version, …) with every broker’s supported range, as kafka-features describe; { supported: false } on ZooKeeper-era clusters',
  tag: 'clusters',
  permission: 'read',
  response: clusterFeaturesResponseSchema,
  errors: KAFKA_ERRORS,
});

export const upgradeFeature = endpoint({
  name: 'clusters.features.upgrade',
  method: 'post',
  path: '/api/v1/clusters/{clusterId}/features/upgrade',
  summary:
    'Raise one finalized feature level (admin) as kafka-features upgrade: `dryRun: true` asks Kafka to validate only (--dry-run); executing needs `confirm` = the feature name; Kafka’s refusals (unknown feature, a level above what every node supports, a downgrade) are 422 with its reason; 409 on clusters without KRaft feature levels',
  tag: 'clusters',
  permission: 'upgradeFeatures',
  body: featureUpgradeInputSchema,
  response: featureUpgradeResponseSchema,
  errors: [...KAFKA_ERRORS, 'CONFLICT'],
  audit: { target: 'clusterId' },
});
