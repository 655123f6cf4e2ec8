// npm run bench — how long the console's cluster-state reads take on a cluster, and which Kafka requests they make.
//
// For the topics list (no filters), a topic detail (the non-internal topic with the most partitions), the brokers
// list and the health list:
//   cold         first call in a fresh process (connection setup + first snapshot), median of --cold-runs processes
//   warmCached   median of --runs calls while the snapshot is younger than its max age (refreshed, untimed,
//                before a call when older than 1 s); `snapshotRefreshes` counts calls that refreshed it anyway
//   warmFresh    median of --runs calls of getClusterSnapshot(id, { maxAgeMs: 0 }) followed by the view (the topic
//                detail: its own read of the topic, { maxAgeMs: 0 })
// plus the snapshot itself (maxAgeMs 0) and each of its waves alone, the consumer groups (list and the busiest
// group, cached and fresh, against kafka-consumer-groups --describe --all-groups: see groups.ts), a sampling pass
// with its metrics write (sampling.ts), and this process's memory after the runs.
// Each timing has the wall time (`ms`) and the process's CPU time during the calls (`cpuMs`, see measure.ts).
// Prints the JSON and writes it to --out (test-results/bench.json). Run against `npm run fixture:large`.
//
// Every process opens the console database first, as the console does at start-up (listBrokers records brokers
// there), outside the timings: unless DATABASE_URL is set, a throwaway copy of one PGlite database per process.
// Run with --expose-gc for the after-GC memory (npm run bench does).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { migrateDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { ArgsError } from '../cli-args';
import { USAGE, parseArgs, type Options } from './args';
import { prepareTemplate, setThrowawayDataDir } from './data-dir';
import { measureGroups } from './groups';
import { measureMessages } from './messages';
import { measurePlans } from './plans';
import { measureSampling } from './sampling';
import { median, memory, summarize, timed, type Sample } from './measure';
import { measureSnapshot } from './snapshot';
import { SCOPED_VIEWS, VIEW_NAMES, busiestTopic, runView, type ViewName } from './views';

/** Cached calls run on reads at most this old, so the view never has to refresh them (lists 5 s, a topic's own 2 s). */
const CACHED_SNAPSHOT_MAX_AGE_MS = 1_000;
// The scale goals: first pages as the list pages ask for them, a group's and a topic's page read fresh.
const TARGETS = {
  topicsFirstPageWarmMs: 100,
  groupsFirstPageFreshMs: 300,
  groupPageFreshMs: 50,
  topicDetailFreshMs: 100,
  cliOverConsole: 20,
  samplingPassMs: 1_500,
  rssMb: 500,
};

function readOptions(): Options {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    console.error(`bench: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const progress = (line: string) => console.error(`[bench] ${line}`);

let removeTemplate = () => {};
let removeDataDir = () => {};

/** Each cold sample is a new Node process running cold.ts with the same CONSOLE_CONFIG. */
function coldSamples(view: ViewName, options: Options, topic: string) {
  const samples: (Sample & { rssMb: number; dbOpenMs: number })[] = [];
  for (let i = 0; i < options.coldRuns; i++) {
    const child = spawnSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', path.join(import.meta.dirname, 'cold.ts'), view, options.clusterId, topic],
      { encoding: 'utf8', env: process.env, timeout: 120_000 },
    );
    const line = child.stdout
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('{'));
    if (child.status !== 0 || !line) throw new Error(`cold ${view} failed (exit ${child.status}):\n${child.stderr}`);
    samples.push(JSON.parse(line) as Sample & { rssMb: number; dbOpenMs: number });
  }
  if (!samples.length) return null;
  const rss = samples.map((s) => s.rssMb);
  return { ...summarize(samples), rssMb: median(rss), rssMbMax: Math.max(...rss), dbOpenMs: median(samples.map((s) => s.dbOpenMs)) };
}

/** The snapshot object the next cached call would get, without refreshing it. */
const currentSnapshot = (clusterId: string) => getClusterSnapshot(clusterId, { maxAgeMs: Number.POSITIVE_INFINITY });

async function warmCached(view: ViewName, options: Options, topic: string) {
  const samples: Sample[] = [];
  let refreshes = 0;
  for (let i = 0; i < options.runs; i++) {
    let before = await currentSnapshot(options.clusterId);
    if (Date.now() - before.asOf > CACHED_SNAPSHOT_MAX_AGE_MS) before = await getClusterSnapshot(options.clusterId, { maxAgeMs: 0 });
    samples.push(await timed(options.clusterId, () => runView(view, options.clusterId, topic)));
    if ((await currentSnapshot(options.clusterId)) !== before) refreshes += 1;
  }
  return { ...summarize(samples), snapshotRefreshes: refreshes };
}

async function warmFresh(view: ViewName, options: Options, topic: string) {
  const samples: Sample[] = [];
  let extraRefreshes = 0;
  for (let i = 0; i < options.runs; i++) {
    samples.push(
      await timed(options.clusterId, async () => {
        // A topic's or a broker's page reads that topic or broker alone, not the snapshot.
        if (SCOPED_VIEWS.has(view)) return runView(view, options.clusterId, topic, { fresh: true });
        const fresh = await getClusterSnapshot(options.clusterId, { maxAgeMs: 0 });
        await runView(view, options.clusterId, topic);
        // A snapshot that took longer than its max age to read is already stale: the view read another one.
        if ((await currentSnapshot(options.clusterId)) !== fresh) extraRefreshes += 1;
      }),
    );
  }
  return { ...summarize(samples), snapshotRefreshesAfterFresh: extraRefreshes };
}

async function main() {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  if (options.only === 'messages') {
    const messages = await measureMessages(options.clusterId, options.runs, {
      records: options.messagesRecords,
      cliRuns: options.cliRuns,
      progress,
    });
    return report(options, {
      at: new Date().toISOString(),
      clusterId: options.clusterId,
      host: host(),
      messages,
      tookMs: Date.now() - started,
    });
  }
  removeTemplate = prepareTemplate();
  removeDataDir = setThrowawayDataDir();
  const opening = Date.now();
  await migrateDb();
  const dbOpenMs = Date.now() - opening;
  if (options.only === 'groups') {
    progress(`groups of every type ×${options.runs}, Kafka's group tools ×${options.cliRuns}`);
    const consumerGroups = await measureGroups(options.clusterId, options.runs, options.cliRuns);
    return report(options, {
      at: new Date().toISOString(),
      clusterId: options.clusterId,
      host: host(),
      consumerGroups,
      tookMs: Date.now() - started,
    });
  }
  // The parent's own first read only picks the topic-detail target; cold numbers come from fresh processes.
  const topic = await busiestTopic(options.clusterId);
  progress(`cluster ${options.clusterId}: topic detail on ${topic.name} (${topic.partitions} partitions)`);

  const views: Record<string, unknown> = {};
  for (const view of VIEW_NAMES) {
    progress(`${view}: cold ×${options.coldRuns}, warm cached ×${options.runs}, warm fresh ×${options.runs}`);
    const cold = coldSamples(view, options, topic.name);
    const cached = await warmCached(view, options, topic.name);
    const fresh = await warmFresh(view, options, topic.name);
    views[view] = {
      ...(view === 'topicDetail' ? { topic: topic.name, partitions: topic.partitions } : {}),
      cold,
      warmCached: cached,
      warmFresh: fresh,
    };
  }
  progress(`snapshot ×${options.runs} and its waves`);
  const snapshot = await measureSnapshot(options.clusterId, options.runs);
  progress(`consumer groups ×${options.runs}, kafka-consumer-groups --describe --all-groups ×${options.cliRuns}`);
  const consumerGroups = await measureGroups(options.clusterId, options.runs, options.cliRuns);
  progress(`reassignment plan (rebalance of every topic) ×${options.runs}`);
  const reassignmentPlans = await measurePlans(options.clusterId, options.runs);
  progress(`sampling pass (lag samples + metrics history) ×${options.runs}`);
  const sampling = await measureSampling(options.clusterId, options.runs);
  const messages =
    options.messagesRecords > 0
      ? await measureMessages(options.clusterId, options.runs, { records: options.messagesRecords, cliRuns: options.cliRuns, progress })
      : null;
  const measured = {
    topicsFirstPageWarmMs: (views.topicsFirstPage as { warmCached: { ms: number } }).warmCached.ms,
    groupsFirstPageFreshMs: consumerGroups.firstPageWarmFresh.ms,
    groupPageFreshMs: consumerGroups.detail?.fresh.ms ?? null,
    topicDetailFreshMs: (views.topicDetail as { warmFresh: { ms: number } }).warmFresh.ms,
    samplingPassMs: sampling.pass.ms,
    rssMb: sampling.memoryAfterPasses.rssMb,
  };
  const ratio = 'cliOverConsoleFresh' in consumerGroups ? consumerGroups.cliOverConsoleFresh : null;
  const result = {
    at: new Date().toISOString(),
    clusterId: options.clusterId,
    host: host(),
    options: { runs: options.runs, coldRuns: options.coldRuns },
    views,
    snapshot,
    consumerGroups,
    reassignmentPlans,
    sampling,
    messages,
    process: { ...memory(), dbOpenMs },
    targets: {
      ...Object.fromEntries(
        Object.entries(measured).map(([name, value]) => {
          const target = TARGETS[name as keyof typeof measured];
          return [name, { target, measured: value, met: value !== null && value <= target }];
        }),
      ),
      ...(ratio === null
        ? {}
        : { cliOverConsole: { target: TARGETS.cliOverConsole, measured: ratio, met: ratio >= TARGETS.cliOverConsole } }),
    },
    tookMs: Date.now() - started,
  };
  report(options, result);
}

const host = () => ({ cpus: os.cpus().length, loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100, node: process.version });

function report(options: Options, result: unknown) {
  const json = JSON.stringify(result, null, 2);
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  writeFileSync(options.out, json + '\n');
  console.log(json);
  progress(`written to ${options.out}`);
}

main()
  .catch((error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeAllConnections();
    removeDataDir();
    removeTemplate();
    process.exit();
  });
