// Consumer groups: the groups list cached and fresh, with the Kafka requests of a groups snapshot; the busiest group's
// page (read on its own: its first read, which finds the coordinator, then fresh reads), beside the same group taken
// from a fresh groups snapshot (how the page was answered before); and Kafka's CLI on the same cluster for the
// ratios: `kafka-consumer-groups --describe --all-groups` and `--describe --group <busiest>`. The busiest share and
// streams groups' pages likewise, beside kafka-share-groups and kafka-streams-groups --describe.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { consumerGroupListQuerySchema } from '@/lib/schemas/consumer-groups';
import { getClusterConfig } from '@/server/config/current';
import { getConsumerGroup } from '@/server/lag/get-group';
import { getGroupDetail } from '@/server/lag/get-group-detail';
import { getGroupsSnapshot } from '@/server/lag/groups-snapshot';
import { listConsumerGroups } from '@/server/lag/list-groups';
import { LIST_PAGE_SIZE } from '@/lib/queries/list-page';
import { median, round, summarize, timed, type Sample } from './measure';

const BIN = path.resolve(import.meta.dirname, '../kafka/bin');
/** Cached calls run on a groups snapshot at most this old (its max age is 2 s). */
const CACHED_MAX_AGE_MS = 1_000;

async function samples(runs: number, clusterId: string, work: () => Promise<unknown>, before?: () => Promise<unknown>) {
  const all: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    all.push(await timed(clusterId, work));
  }
  return summarize(all);
}

/** Wall time of Kafka's own tool (a JVM start included: that is what a person waits for). */
function cliDescribe(clusterId: string, runs: number, which: string[], tool = 'kafka-consumer-groups') {
  const bootstrap = getClusterConfig(clusterId).brokers.join(',');
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(path.join(BIN, tool), ['--bootstrap-server', bootstrap, '--describe', ...which], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 30 * 60_000,
    });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status ?? result.signal}): ${result.stderr.slice(0, 500)}`);
    times.push(performance.now() - started);
    rows = result.stdout.split('\n').filter((l) => l.trim() && !l.startsWith('GROUP') && !l.startsWith('Consumer group')).length;
  }
  return { ms: median(times.map((t) => round(t))), runs, rows };
}

/**
 * The page of the share or streams group with the most rows (their own APIs: FindCoordinator, then the type's
 * describe and offsets requests, and for streams ListOffsets), first and fresh, beside the type's own tool.
 */
async function ownApiPage(clusterId: string, runs: number, cliRuns: number, type: 'share' | 'streams') {
  const snapshot = await getGroupsSnapshot(clusterId, { maxAgeMs: 0 });
  const groups =
    type === 'share'
      ? snapshot.shareGroups.map((g) => ({ id: g.groupId, rows: g.offsets.length }))
      : snapshot.streamsGroups.map((g) => ({ id: g.groupId, rows: g.rows.length }));
  const busiest = groups.sort((a, b) => b.rows - a.rows || (a.id < b.id ? -1 : 1))[0];
  if (!busiest) return null;
  const page = {
    groupId: busiest.id,
    rows: busiest.rows,
    first: await samples(1, clusterId, () => getGroupDetail(clusterId, busiest.id, { maxAgeMs: 0 })),
    fresh: await samples(runs, clusterId, () => getGroupDetail(clusterId, busiest.id, { maxAgeMs: 0 })),
    warmCached: await samples(runs, clusterId, () => getGroupDetail(clusterId, busiest.id)),
  };
  if (cliRuns === 0) return page;
  const cli = cliDescribe(
    clusterId,
    cliRuns,
    ['--group', busiest.id, ...(type === 'streams' ? ['--verbose'] : [])],
    `kafka-${type}-groups`,
  );
  return { ...page, cli, cliOverPage: round(cli.ms / Math.max(page.fresh.ms, 0.1)) };
}

export async function measureGroups(clusterId: string, runs: number, cliRuns: number) {
  const refreshIfOld = async () => {
    const current = await getGroupsSnapshot(clusterId, { maxAgeMs: Number.POSITIVE_INFINITY });
    if (Date.now() - current.asOf > CACHED_MAX_AGE_MS) await getGroupsSnapshot(clusterId, { maxAgeMs: 0 });
  };
  const all = consumerGroupListQuerySchema.parse({});
  const firstPage = consumerGroupListQuerySchema.parse({ limit: String(LIST_PAGE_SIZE) });
  const snapshot = await getGroupsSnapshot(clusterId, { maxAgeMs: 0 });
  const busiest = [...snapshot.groups].sort((a, b) => b.committed.size - a.committed.size || (a.groupId < b.groupId ? -1 : 1))[0];
  const coordinators = new Set(snapshot.groups.map((g) => g.coordinatorId)).size;
  const partitions = snapshot.groups.reduce((n, g) => n + g.committed.size, 0);
  const result = {
    groups: snapshot.groups.length,
    committedPartitions: partitions,
    coordinators,
    snapshot: await samples(runs, clusterId, () => getGroupsSnapshot(clusterId, { maxAgeMs: 0 })),
    listWarmCached: await samples(runs, clusterId, () => listConsumerGroups(clusterId, all), refreshIfOld),
    listWarmFresh: await samples(runs, clusterId, async () => {
      await getGroupsSnapshot(clusterId, { maxAgeMs: 0 });
      await listConsumerGroups(clusterId, all);
    }),
    // What the groups page asks for: its first page.
    firstPageWarmCached: await samples(runs, clusterId, () => listConsumerGroups(clusterId, firstPage), refreshIfOld),
    firstPageWarmFresh: await samples(runs, clusterId, async () => {
      await getGroupsSnapshot(clusterId, { maxAgeMs: 0 });
      await listConsumerGroups(clusterId, firstPage);
    }),
    ...(busiest
      ? {
          detail: {
            groupId: busiest.groupId,
            partitions: busiest.committed.size,
            first: await samples(1, clusterId, () => getConsumerGroup(clusterId, busiest.groupId, { maxAgeMs: 0 })),
            fresh: await samples(runs, clusterId, () => getConsumerGroup(clusterId, busiest.groupId, { maxAgeMs: 0 })),
            warmCached: await samples(runs, clusterId, () => getConsumerGroup(clusterId, busiest.groupId)),
            fromFreshSnapshot: await samples(runs, clusterId, async () => {
              const fresh = await getGroupsSnapshot(clusterId, { maxAgeMs: 0 });
              return fresh.groups.find((g) => g.groupId === busiest.groupId);
            }),
          },
        }
      : {}),
  };
  const pages = {
    sharePage: await ownApiPage(clusterId, runs, cliRuns, 'share'),
    streamsPage: await ownApiPage(clusterId, runs, cliRuns, 'streams'),
  };
  if (cliRuns === 0) return { ...result, ...pages };
  const cli = cliDescribe(clusterId, cliRuns, ['--all-groups']);
  const fresh = result.listWarmFresh.ms;
  const one = busiest && result.detail ? cliDescribe(clusterId, cliRuns, ['--group', busiest.groupId]) : null;
  return {
    ...result,
    ...pages,
    cliDescribeAllGroups: cli,
    cliOverConsoleFresh: round(cli.ms / Math.max(fresh, 0.1)),
    ...(one && result.detail ? { cliDescribeGroup: one, cliOverGroupPage: round(one.ms / Math.max(result.detail.fresh.ms, 0.1)) } : {}),
  };
}
