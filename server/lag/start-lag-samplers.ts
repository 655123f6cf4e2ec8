import 'server-only';
import { getConfig, onConfigReload } from '@/server/config/current';
import { lagSettings, type ConsoleConfig } from '@/server/config/schema';
import { lagSamplerClusters, startLagSampler, stopLagSampler } from '@/server/lag/lag-sampler';
import { startAlertNotifier, stopAlertNotifier } from '@/server/alerts/notifier';
import { metricsAfterPass, metricsRecorderClusters, stopMetricsRecorder } from '@/server/metrics/recorders';
import { startMetricsUpkeep, stopMetricsUpkeep } from '@/server/metrics/upkeep';
import { processState } from '@/server/process-state';

/** Which process this is: the console's server, or `npm run sampler` (scripts/sampler.ts). */
export type SamplingProcess = 'server' | 'sampler';

/**
 * Whether this process records the passes (the metrics history, when enabled) and evaluates the alert rules on
 * them; among processes that do, the lock per cluster decides.
 */
export function handlesPasses(config: Pick<ConsoleConfig, 'metrics'>, process: SamplingProcess) {
  return process === 'sampler' || config.metrics.recordIn === 'server';
}

/**
 * One sampler per configured cluster with `lag.enabled`; where this process handles passes, each is recorded into
 * the metrics history and the alert rules are evaluated on it (notifications sent from here too). Removed or
 * disabled clusters' samplers and recorders stop.
 */
export async function syncLagSamplers(process: SamplingProcess = 'server') {
  const config = getConfig();
  const wanted = new Map(config.clusters.map((c) => [c.id, lagSettings(config, c)] as const).filter(([, s]) => s.enabled));
  const record = handlesPasses(config, process);
  for (const clusterId of lagSamplerClusters()) if (!wanted.has(clusterId)) await stopLagSampler(clusterId);
  for (const clusterId of metricsRecorderClusters()) if (!record || !wanted.has(clusterId)) await stopMetricsRecorder(clusterId);
  for (const [clusterId, { intervalMs, window, allowedLag }] of wanted) {
    const sampling = { intervalMs, window, allowedLag, logDirsEveryMs: config.metrics.logDirsEveryMs };
    await startLagSampler(clusterId, { ...sampling, ...(record ? { afterPass: metricsAfterPass(clusterId) } : {}) });
  }
  if (record && wanted.size > 0) {
    startMetricsUpkeep();
    startAlertNotifier();
  } else {
    await stopMetricsUpkeep();
    await stopAlertNotifier();
  }
}

const holder = processState<{ lagSamplersFollowConfig?: boolean }>('lagSamplersFollowConfig', () => ({}));

/** Starts the samplers and keeps them in line with the configuration as it is reloaded. */
export async function startLagSamplers(process: SamplingProcess = 'server') {
  await syncLagSamplers(process);
  if (holder.lagSamplersFollowConfig) return;
  holder.lagSamplersFollowConfig = true;
  onConfigReload(() => {
    syncLagSamplers(process).catch((error: unknown) =>
      console.error(`kafka-console: lag samplers not updated after the reload: ${String(error)}`),
    );
  });
}
