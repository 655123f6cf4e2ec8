import 'server-only';
import { ApiError } from '@/lib/errors';
import { mayAccessCluster, type Principal } from '@/server/auth/session';
import { getClusterSnapshot, type ClusterSnapshot } from '@/server/cluster-state/snapshot';
import { getConfig } from '@/server/config/current';
import { lagSettings, type ClusterConfig } from '@/server/config/schema';
import { logInternalError } from '@/server/http/log';
import { requestCounts } from '@/server/kafka/clients';
import { DeadlineExceededError, withDeadline } from '@/server/kafka/deadline';
import { getGroupsSnapshot, type GroupsSnapshot } from '@/server/lag/groups-snapshot';
import { getLagSampler } from '@/server/sampling/sampler';
import { ALL_SPECS, addClusterSamples, addConsoleSamples, addGroupSamples, addProcessSamples } from '@/server/metrics/prometheus-families';
import { createFamilies, formatFamilies, PROMETHEUS_CONTENT_TYPE, type Labels } from '@/server/metrics/prometheus-format';

/**
 * Served from the latest sample, never a fan-out per scrape: the lag sampler refreshes both snapshots every
 * `lag.intervalMs` (15 s by default), and a scrape takes them as they are while they are younger than
 * max(60 s, 4 intervals) — so a missed pass or two changes nothing, and scrapes cost Kafka no request. Only an older
 * or absent snapshot (no sampler in this process, or its passes keep failing) is read, and the caches are
 * single-flight: however many Prometheus servers scrape, however often, a cluster is read at most once per bound.
 */
export const scrapeMaxAgeMs = (intervalMs: number) => Math.max(60_000, 4 * intervalMs);

/**
 * A cluster that has not answered by then is reported down for this scrape (its read goes on and serves the next
 * one): the answer comes well within Prometheus's default 10 s scrape timeout whatever the clusters do.
 */
const CLUSTER_DEADLINE_MS = 6_000;

type ClusterRead = { cluster: ClusterConfig; snapshot: ClusterSnapshot | null; groups: GroupsSnapshot | null };

/** The value, or null when the cluster could not be read in time (the sampler and the pages report why). */
async function settle<T>(read: Promise<T>, clusterId: string): Promise<T | null> {
  try {
    return await withDeadline(read, CLUSTER_DEADLINE_MS, `Kafka cluster "${clusterId}"`);
  } catch (error) {
    if (!(error instanceof ApiError) && !(error instanceof DeadlineExceededError)) logInternalError('metrics.prometheus', error);
    return null;
  }
}

async function readCluster(cluster: ClusterConfig): Promise<ClusterRead> {
  const maxAgeMs = scrapeMaxAgeMs(lagSettings(getConfig(), cluster).intervalMs);
  const [snapshot, groups] = await Promise.all([
    settle(getClusterSnapshot(cluster.id, { maxAgeMs, logDirsMaxAgeMs: Infinity }), cluster.id),
    settle(getGroupsSnapshot(cluster.id, { maxAgeMs }), cluster.id),
  ]);
  return { cluster, snapshot, groups };
}

/**
 * The exposition for the clusters this principal may see. The `cluster` label is there when several clusters are
 * configured (whoever scrapes), so a series keeps its identity whichever token scrapes it.
 */
export async function prometheusText(principal: Pick<Principal, 'clusters'>): Promise<string> {
  const config = getConfig();
  const labelled = config.clusters.length > 1;
  const visible = config.clusters.filter((c) => mayAccessCluster(principal, c.id));
  // Read concurrently, added in configuration order: the output's order does not depend on who answered first.
  const reads = await Promise.all(visible.map(readCluster));
  const families = createFamilies(ALL_SPECS);
  addProcessSamples(families, process.memoryUsage());
  for (const { cluster, snapshot, groups } of reads) {
    const base: Labels = labelled ? { cluster: cluster.id } : {};
    const sampler = getLagSampler(cluster.id) ?? null;
    addConsoleSamples(families, base, {
      up: snapshot !== null,
      snapshots: { ...(snapshot ? { cluster: snapshot.asOf } : {}), ...(groups ? { groups: groups.asOf } : {}) },
      requests: requestCounts(cluster.id),
      lastPass: sampler?.lastPass ?? null,
    });
    if (snapshot) addClusterSamples(families, base, snapshot);
    if (groups) addGroupSamples(families, base, groups, sampler);
  }
  return formatFamilies(families.list());
}

export async function prometheusResponse(principal: Pick<Principal, 'clusters'>): Promise<Response> {
  return new Response(await prometheusText(principal), {
    headers: { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' },
  });
}
