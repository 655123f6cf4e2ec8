// One sampling pass as the console runs it every lag.intervalMs: a fresh cluster snapshot, the groups snapshot,
// the lag samples and statuses, then the metrics history derived from it and written in one insert (the
// throwaway console database of the bench). Timed pass by pass with its Kafka requests, twice: passes that read
// the log dirs (as one does every metrics.logDirsEveryMs) and passes in between, which reuse them; then the
// process's memory.
import { startLagSampler, stopLagSampler } from '@/server/sampling/sampler';
import { getMetricsRecorder, stopMetricsRecorder } from '@/server/metrics/recorders';
import { median, memory, round, summarize, timed, type Sample } from './measure';

const HOUR_MS = 3_600_000;

async function measurePasses(clusterId: string, runs: number, logDirsEveryMs: number) {
  // A long interval: the sampler's own first pass runs at once, the timed ones are asked for one by one.
  const sampler = await startLagSampler(clusterId, {
    intervalMs: HOUR_MS,
    window: 10,
    allowedLag: 0,
    logDirsEveryMs,
    record: true,
  });
  await sampler.passNow();
  const passes: Sample[] = [];
  const recorded: { deriveMs: number; writeMs: number; series: number; written: number }[] = [];
  for (let i = 0; i < runs; i++) {
    passes.push(await timed(clusterId, () => sampler.passNow()));
    const last = getMetricsRecorder(clusterId)?.lastPass;
    if (!last) throw new Error('the recorder wrote no pass: is the console database writable?');
    recorded.push(last);
  }
  return {
    pass: summarize(passes),
    seriesPerPass: recorded.at(-1)!.series,
    writtenPerPass: recorded.at(-1)!.written,
    deriveMs: median(recorded.map((r) => round(r.deriveMs))),
    writeMs: median(recorded.map((r) => round(r.writeMs))),
  };
}

export async function measureSampling(clusterId: string, runs: number) {
  try {
    const readingLogDirs = await measurePasses(clusterId, runs, 0);
    const betweenLogDirReads = await measurePasses(clusterId, runs, HOUR_MS);
    return { ...readingLogDirs, betweenLogDirReads, memoryAfterPasses: memory() };
  } finally {
    await stopLagSampler(clusterId);
    await stopMetricsRecorder(clusterId);
  }
}
