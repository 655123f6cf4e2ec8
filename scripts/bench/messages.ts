// Messages: the newest 100 records of the 12-partition benchmark topic (fresh: every call reads Kafka; cold: the first
// call of a new records connection), and a filter scan over all of it through the code a server-sent scan runs
// (events serialized, nothing sent), with its memory, against `kcat -C -e | jq` selecting the same records.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { messagesQuerySchema } from '@/lib/schemas/messages';
import type { Principal } from '@/server/auth/session';
import { getClusterConfig } from '@/server/config/current';
import { closeAllConnections, withKafka } from '@/server/kafka/clients';
import { browseMessages, prepareRead } from '@/server/messages/browse-messages';
import { runStream } from '@/server/messages/stream-messages';
import { megabytes, round, summarize, timed, type Sample } from './measure';
import { JQ_SELECT, SCAN_FILTER, SCAN_TOPIC, ensureScanTopic } from './messages-fixture';

const READER: Principal = { name: 'bench', kind: 'token', role: 'admin', clusters: null, via: 'bearer' };
const TARGETS = { newestFreshMs: 300, scanRecordsPerSec: 50_000, scanExtraMemoryMb: 64 };

async function newest(clusterId: string) {
  const query = messagesQuerySchema.parse({ limit: '100' });
  const page = await browseMessages(clusterId, SCAN_TOPIC, query, READER);
  if (page.messages.length !== 100) throw new Error(`the newest page held ${page.messages.length} records`);
}

/** The scan as the SSE route runs it, with RSS and heap sampled every 50 ms (and at every event). */
async function scan(clusterId: string, records: number) {
  const query = messagesQuerySchema.parse({ from: 'oldest', filter: SCAN_FILTER });
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let peakHeapTotal = before.heapTotal;
  let peakBuffers = before.arrayBuffers;
  const sampleMemory = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakHeapTotal = Math.max(peakHeapTotal, now.heapTotal);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sampleMemory, 50);
  let matched = 0;
  let eventBytes = 0;
  let end: { stoppedBy: string; scanned: number } | null = null;
  const sink = {
    async send(event: string, data: unknown) {
      eventBytes += JSON.stringify(data).length;
      if (event === 'message') matched += 1;
      if (event === 'end') end = data as { stoppedBy: string; scanned: number };
      sampleMemory();
    },
    keepAlive() {},
    closed: false,
  };
  const sample: Sample = await timed(clusterId, () =>
    withKafka(
      clusterId,
      async (connection) => {
        const prepared = await prepareRead(connection, SCAN_TOPIC, query, READER);
        await runStream(
          connection,
          prepared,
          { records: records + 1, deadline: Date.now() + 15 * 60_000 },
          sink,
          new AbortController().signal,
        );
      },
      { channel: 'records', deadlineMs: 16 * 60_000 },
    ),
  );
  clearInterval(timer);
  const scanned = (end as { scanned: number } | null)?.scanned ?? 0;
  return {
    ...sample,
    scanned,
    matched,
    stoppedBy: (end as { stoppedBy: string } | null)?.stoppedBy ?? null,
    recordsPerSec: Math.round(scanned / (sample.ms / 1000)),
    eventMb: megabytes(eventBytes),
    memory: {
      baselineRssMb: megabytes(before.rss),
      extraRssMb: megabytes(peakRss - before.rss),
      extraHeapUsedMb: megabytes(peakHeap - before.heapUsed),
      extraHeapTotalMb: megabytes(peakHeapTotal - before.heapTotal),
      extraArrayBuffersMb: megabytes(peakBuffers - before.arrayBuffers),
    },
  };
}

/** What a person would run instead: every record with kcat, the same selection with jq (a JVM-free pipeline). */
function kcatJq(clusterId: string) {
  const bootstrap = getClusterConfig(clusterId).brokers.join(',');
  const started = performance.now();
  const result = spawnSync(
    'bash',
    ['-c', `kcat -C -b ${bootstrap} -t ${SCAN_TOPIC} -o beginning -e -q -f '%s\\n' | jq -c '${JQ_SELECT}' | wc -l`],
    {
      encoding: 'utf8',
      timeout: 30 * 60_000,
    },
  );
  if (result.status !== 0) throw new Error(`kcat | jq failed: ${result.stderr.slice(0, 500)}`);
  return {
    ms: round(performance.now() - started),
    matched: Number(result.stdout.trim()),
    command: `kcat -C -t ${SCAN_TOPIC} -o beginning -e -f '%s\\n' | jq -c '${JQ_SELECT}'`,
  };
}

export async function measureMessages(
  clusterId: string,
  runs: number,
  { records, cliRuns, progress }: { records: number; cliRuns: number; progress: (line: string) => void },
) {
  const fixture = await ensureScanTopic(clusterId, records, progress);
  // Cold: a new records connection (the admin connection stays), then the page.
  await closeAllConnections();
  const cold = await timed(clusterId, () => newest(clusterId));
  const fresh: Sample[] = [];
  for (let i = 0; i < runs; i++) fresh.push(await timed(clusterId, () => newest(clusterId)));
  progress(`scan of ${records} records with "${SCAN_FILTER}"`);
  const scanned = await scan(clusterId, records);
  const cli = cliRuns > 0 ? kcatJq(clusterId) : null;
  const newestFresh = summarize(fresh);
  return {
    topic: SCAN_TOPIC,
    records,
    fixture,
    newest100: { cold, fresh: newestFresh },
    scan: { filter: SCAN_FILTER, ...scanned },
    ...(cli ? { kcatJq: { ...cli, sameMatches: cli.matched === scanned.matched, overConsole: round(cli.ms / scanned.ms, 2) } } : {}),
    targets: {
      newestFreshMs: { target: TARGETS.newestFreshMs, measured: newestFresh.ms, met: newestFresh.ms <= TARGETS.newestFreshMs },
      scanRecordsPerSec: {
        target: TARGETS.scanRecordsPerSec,
        measured: scanned.recordsPerSec,
        met: scanned.recordsPerSec >= TARGETS.scanRecordsPerSec,
      },
      scanExtraMemoryMb: {
        target: TARGETS.scanExtraMemoryMb,
        measured: scanned.memory.extraRssMb,
        met: scanned.memory.extraRssMb <= TARGETS.scanExtraMemoryMb,
      },
    },
  };
}
