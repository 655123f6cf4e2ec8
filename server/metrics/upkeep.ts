import 'server-only';
import { getConfig } from '@/server/config/current';
import { metricsRetention } from '@/server/config/schema';
import { logInternalError } from '@/server/http/log';
import { rollUpAndPrune, type RollupReport } from '@/server/metrics/rollup';
import { processState } from '@/server/process-state';

/** rollUpAndPrune's own advice: about once a minute, off the sampling pass. */
export const UPKEEP_INTERVAL_MS = 60_000;

type Upkeep = {
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  stopped: boolean;
  last: { at: number; report: RollupReport; ms: number } | null;
};
const holder = processState<{ metricsUpkeep?: Upkeep }>('metricsUpkeep', () => ({}));

async function runOnce(upkeep: Upkeep) {
  const started = performance.now();
  const report = await rollUpAndPrune(Date.now(), metricsRetention(getConfig()));
  upkeep.last = { at: Date.now(), report, ms: performance.now() - started };
}

function schedule(upkeep: Upkeep, delayMs: number) {
  if (upkeep.stopped) return;
  upkeep.timer = setTimeout(() => {
    upkeep.timer = null;
    upkeep.running = runOnce(upkeep)
      .catch((error: unknown) => logInternalError('metrics rollup', error))
      .finally(() => {
        upkeep.running = null;
        schedule(upkeep, UPKEEP_INTERVAL_MS);
      });
  }, delayMs);
  upkeep.timer.unref();
}

/**
 * The metrics store's upkeep in this process (one per process, process-wide state for dev reloads): rolls up minutes,
 * packs quarters and deletes what retention no longer keeps. Runs where metrics are recorded; several consoles on
 * one PostgreSQL may all run it (each step continues where the last stopped).
 */
export function startMetricsUpkeep() {
  if (holder.metricsUpkeep && !holder.metricsUpkeep.stopped) return;
  holder.metricsUpkeep = { timer: null, running: null, stopped: false, last: null };
  schedule(holder.metricsUpkeep, UPKEEP_INTERVAL_MS);
}

export async function stopMetricsUpkeep() {
  const upkeep = holder.metricsUpkeep;
  if (!upkeep) return;
  upkeep.stopped = true;
  if (upkeep.timer) clearTimeout(upkeep.timer);
  await upkeep.running;
  holder.metricsUpkeep = undefined;
}

/** The last run's report, for the benchmark and logs; null before the first run. */
export const lastMetricsUpkeep = () => holder.metricsUpkeep?.last ?? null;
