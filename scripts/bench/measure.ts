// Timing with Kafka request counts, and the statistics the report shows.
import { performance } from 'node:perf_hooks';
import { requestCounts } from '@/server/kafka/clients';
import { requestDelta } from '@/server/kafka/request-counter';

/**
 * `cpuMs`: CPU time of this process (all its threads, user + system) during the call. On a shared machine the
 * wall time mostly measures the neighbours; the CPU time mostly measures the console's own work.
 */
export type Sample = { ms: number; cpuMs?: number; requests: Record<string, number> };

export async function timed(clusterId: string, work: () => Promise<unknown>): Promise<Sample> {
  const before = requestCounts(clusterId);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { ms: round(ms), cpuMs: round((user + system) / 1000), requests: requestDelta(before, requestCounts(clusterId)) };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

const total = (requests: Record<string, number>) => Object.values(requests).reduce((a, b) => a + b, 0);

/**
 * Median time (with min and max) and the median request count per API over the samples; `requestsVaried` says
 * when the samples did not all make the same requests (e.g. a kafkajs metadata refresh in one of them).
 */
export function summarize(samples: readonly Sample[]) {
  const apis = [...new Set(samples.flatMap((s) => Object.keys(s.requests)))].sort();
  const requests = Object.fromEntries(
    apis.map((api) => [api, median(samples.map((s) => s.requests[api] ?? 0))]).filter(([, n]) => n !== 0),
  );
  const shapes = new Set(samples.map((s) => JSON.stringify(Object.entries(s.requests).sort())));
  return {
    ms: median(samples.map((s) => s.ms)),
    minMs: Math.min(...samples.map((s) => s.ms)),
    maxMs: Math.max(...samples.map((s) => s.ms)),
    runs: samples.length,
    ...(samples.every((s) => s.cpuMs !== undefined) ? { cpuMs: median(samples.map((s) => s.cpuMs!)) } : {}),
    requests,
    requestsTotal: total(requests),
    ...(shapes.size > 1 ? { requestsVaried: true } : {}),
  };
}

export const megabytes = (bytes: number) => round(bytes / 1024 / 1024);

function usage() {
  const m = process.memoryUsage();
  return {
    rssMb: megabytes(m.rss),
    heapUsedMb: megabytes(m.heapUsed),
    heapTotalMb: megabytes(m.heapTotal),
    externalMb: megabytes(m.external),
    arrayBuffersMb: megabytes(m.arrayBuffers),
  };
}

/** Memory now and, when node runs with --expose-gc, after a full collection (what the process really keeps). */
export function memory() {
  const now = usage();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return now;
  gc();
  return { ...now, afterGc: usage() };
}
