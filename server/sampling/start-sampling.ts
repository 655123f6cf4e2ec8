import 'server-only';
import { getConfig, onConfigReload } from '@/server/config/current';
import { lagSettings, type ConsoleConfig } from '@/server/config/schema';
import { startAlertNotifier, stopAlertNotifier } from '@/server/alerts/notifier';
import { metricsRecorderClusters, stopMetricsRecorder } from '@/server/metrics/recorders';
import { startMetricsUpkeep, stopMetricsUpkeep } from '@/server/metrics/upkeep';
import { processState } from '@/server/process-state';
import { keepListsWarm } from '@/server/sampling/keep-warm';
import { lagSamplerClusters, startLagSampler, stopLagSampler } from '@/server/sampling/sampler';

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
 * the metrics history and the alert rules are evaluated on it (server/sampling/pass.ts; notifications are sent from
 * here too). Removed or disabled clusters' samplers and recorders stop. In the console's server, the lists'
 * snapshots of every configured cluster are kept warm while pages read them (keep-warm.ts).
 */
export async function syncSampling(process: SamplingProcess = 'server') {
  const config = getConfig();
  const wanted = new Map(config.clusters.map((c) => [c.id, lagSettings(config, c)] as const).filter(([, s]) => s.enabled));
  const record = handlesPasses(config, process);
  for (const clusterId of lagSamplerClusters()) if (!wanted.has(clusterId)) await stopLagSampler(clusterId);
  for (const clusterId of metricsRecorderClusters()) if (!record || !wanted.has(clusterId)) await stopMetricsRecorder(clusterId);
  for (const [clusterId, { intervalMs, window, allowedLag }] of wanted) {
    const sampling = { intervalMs, window, allowedLag, logDirsEveryMs: config.metrics.logDirsEveryMs };
    await startLagSampler(clusterId, { ...sampling, record });
  }
  keepListsWarm(process === 'server' ? config.clusters.map((c) => c.id) : []);
  if (record && wanted.size > 0) {
    startMetricsUpkeep();
    startAlertNotifier();
  } else {
    await stopMetricsUpkeep();
    await stopAlertNotifier();
  }
}

const holder = processState<{ samplingFollowsConfig?: boolean }>('samplingFollowsConfig', () => ({}));

/** Starts the samplers (and the lists' warm keeping) and keeps them in line with the configuration as it is reloaded. */
export async function startSampling(process: SamplingProcess = 'server') {
  await syncSampling(process);
  if (holder.samplingFollowsConfig) return;
  holder.samplingFollowsConfig = true;
  onConfigReload(() => {
    syncSampling(process).catch((error: unknown) =>
      console.error(`kafka-console: sampling not updated after the reload: ${String(error)}`),
    );
  });
}

/** Stops every sampler and recorder, the upkeep, the notifier and the warm keeping (shutdown, `npm run sampler`'s exit). */
export async function stopSampling() {
  keepListsWarm([]);
  await Promise.all(lagSamplerClusters().map(stopLagSampler));
  await Promise.all(metricsRecorderClusters().map(stopMetricsRecorder));
  await stopMetricsUpkeep();
  await stopAlertNotifier();
}
