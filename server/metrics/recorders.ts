import 'server-only';
import { evaluateAlerts } from '@/server/alerts/evaluator';
import type { AfterPass } from '@/server/lag/lag-sampler';
import { createMetricsRecorder, type MetricsRecorder } from '@/server/metrics/recorder';
import { processState } from '@/server/process-state';

type Entry = { recorder: MetricsRecorder; afterPass: AfterPass };
// Process-wide (server/process-state.ts): one recorder (and one database lock) per cluster for the whole process, across dev reloads.
const registry = processState<Map<string, Entry>>('metricsRecorders', () => new Map());

/**
 * The cluster's recorder as a lag sampler's afterPass: it records the pass (when metrics are enabled) and then
 * evaluates the alert rules, both only while this process holds the cluster's lock. The same function every time for a cluster, so a sampler
 * whose settings did not change is kept on a config reload rather than restarted.
 */
export function metricsAfterPass(clusterId: string): AfterPass {
  let entry = registry.get(clusterId);
  if (!entry) {
    const recorder = createMetricsRecorder(clusterId);
    const afterPass: AfterPass = async (snapshot, sampler) => {
      await recorder.record(snapshot, sampler);
      // The alert rules are evaluated where the pass is recorded: once per pass, whatever the number of consoles.
      if (recorder.writing)
        await evaluateAlerts(clusterId, snapshot, sampler).catch((error: unknown) => {
          throw new Error(`alerts: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        });
    };
    entry = { recorder, afterPass };
    registry.set(clusterId, entry);
  }
  return entry.afterPass;
}

export function getMetricsRecorder(clusterId: string): MetricsRecorder | undefined {
  return registry.get(clusterId)?.recorder;
}

export const metricsRecorderClusters = () => [...registry.keys()];

/** Stops recording the cluster and releases its database lock (another console may then take it). */
export async function stopMetricsRecorder(clusterId: string) {
  const entry = registry.get(clusterId);
  if (!entry) return;
  registry.delete(clusterId);
  await entry.recorder.stop();
}
