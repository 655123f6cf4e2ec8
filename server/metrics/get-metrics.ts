import 'server-only';
import type { z } from 'zod';
import {
  resolveMetricsRange,
  type MetricScope,
  type MetricsRangeResponse,
  type MetricsTopResponse,
  type metricsRangeQuerySchema,
} from '@/lib/schemas/metrics';
import { getClusterConfig, getConfig } from '@/server/config/current';
import { lagSettings, metricsRetention } from '@/server/config/schema';
import { queryRange } from '@/server/metrics/query';
import { getMetricsTop } from '@/server/metrics/top';
import { SNAPSHOT_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { lagGroups } from '@/server/lag/lag-groups';

/**
 * What the metrics API answers for one scope: the stored series over the range, downsampled. A topic or group that
 * no longer exists still has its history until retention removes it, so an unknown key is an empty answer, not 404.
 */
export async function getMetrics(
  clusterId: string,
  scope: MetricScope,
  key: string,
  query: z.output<typeof metricsRangeQuerySchema>,
): Promise<MetricsRangeResponse> {
  const now = Date.now();
  const range = resolveMetricsRange(query, now);
  return queryRange({ clusterId, scope, key, ...range, now, retention: metricsRetention(getConfig()) });
}

/**
 * The group types by id, from the groups snapshot the sampler keeps fresh (read here at most once an interval where
 * no sampler runs); empty when it cannot be read: the rankings then say no type rather than fail.
 */
async function groupTypes(clusterId: string, intervalMs: number) {
  const snapshot = await getGroupsSnapshot(clusterId, { maxAgeMs: Math.max(SNAPSHOT_MAX_AGE_MS, intervalMs) }).catch(() => null);
  return new Map(snapshot ? lagGroups(snapshot).map((g) => [g.groupId, g.type]) : []);
}

/** Rankings over the last minute, or the last four passes when passes are further apart; groups with their type. */
export async function getDashboardTop(clusterId: string): Promise<MetricsTopResponse> {
  const { intervalMs } = lagSettings(getConfig(), getClusterConfig(clusterId));
  return getMetricsTop(clusterId, { windowMs: Math.max(60_000, 4 * intervalMs), groupTypes: await groupTypes(clusterId, intervalMs) });
}
