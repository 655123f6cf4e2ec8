// A view (or a snapshot wave) called in a loop, for profiling: `node --cpu-prof --conditions=react-server
// --import tsx scripts/bench/loop.ts <what> [n] [--cluster id]`.
// <what>: topicsList | topicDetail | brokersList | healthList (cached snapshot), snapshot (maxAgeMs 0), or one
// wave alone: metadata | offsets | logDirs | topicConfigs. Prints the median and the slowest time.
import { performance } from 'node:perf_hooks';
import { getClusterSnapshot } from '@/server/cluster-state/snapshot';
import { closeAllConnections, withKafka } from '@/server/kafka/clients';
import { readLogDirs } from '@/server/kafka/log-dirs';
import { readClusterMetadata } from '@/server/kafka/metadata';
import { readOffsets } from '@/server/kafka/offsets';
import { readTopicConfigValues } from '@/server/kafka/topic-configs';
import { prepareTemplate, setThrowawayDataDir } from './data-dir';
import { median, round } from './measure';
import { busiestTopic, isViewName, runView } from './views';

const removeTemplate = prepareTemplate();
const removeDataDir = setThrowawayDataDir();
const args = process.argv.slice(2);
const clusterAt = args.indexOf('--cluster');
const clusterId = clusterAt >= 0 ? (args.splice(clusterAt, 2)[1] ?? 'local') : 'local';
const [what = 'topicsList', count = '20'] = args;
const n = Number(count);

const snapshot = await getClusterSnapshot(clusterId, { maxAgeMs: 0 });
const topic = (await busiestTopic(clusterId)).name;
const { metadata } = snapshot;
const work: Record<string, () => Promise<unknown>> = {
  snapshot: () => getClusterSnapshot(clusterId, { maxAgeMs: 0 }),
  metadata: () => withKafka(clusterId, readClusterMetadata),
  offsets: () => withKafka(clusterId, (c) => readOffsets(c, metadata.topics)),
  logDirs: () =>
    withKafka(clusterId, (c) =>
      readLogDirs(
        c,
        metadata.brokers.map((b) => b.id),
      ),
    ),
  topicConfigs: () =>
    withKafka(clusterId, (c) =>
      readTopicConfigValues(
        c,
        metadata.topics.map((t) => t.name),
        ['min.insync.replicas'],
      ),
    ),
};
const run = isViewName(what)
  ? // Views on a snapshot kept younger than 1 s (refreshed outside the timing), like the bench's warmCached.
    async () => runView(what, clusterId, topic)
  : work[what];
if (!run) {
  console.error(`loop.ts: unknown "${what}"`);
  process.exit(2);
}
const times: number[] = [];
for (let i = 0; i < n; i++) {
  if (isViewName(what) && Date.now() - (await getClusterSnapshot(clusterId, { maxAgeMs: Infinity })).asOf > 1_000) {
    await getClusterSnapshot(clusterId, { maxAgeMs: 0 });
  }
  const started = performance.now();
  await run();
  times.push(performance.now() - started);
}
console.log(JSON.stringify({ what, n, medianMs: median(times.map((t) => round(t))), maxMs: round(Math.max(...times)) }));
await closeAllConnections();
removeDataDir();
removeTemplate();
process.exit(0);
