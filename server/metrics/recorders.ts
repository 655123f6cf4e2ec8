import 'server-only';
import { createMetricsRecorder, type MetricsRecorder } from '@/server/metrics/recorder';
import { processState } from '@/server/process-state';

// Process-wide (server/process-state.ts): one recorder (and one database lock) per cluster for the whole process, across dev reloads.
const registry = processState<Map<string, MetricsRecorder>>('metricsRecorders', () => new Map());

/**
 * The cluster's recorder, made on first use and kept: a sampler replaced on a config reload goes on with the same
 * recorder (and lock) rather than taking the lock again.
 */
export function metricsRecorderFor(clusterId: string): MetricsRecorder {
  let recorder = registry.get(clusterId);
  if (!recorder) registry.set(clusterId, (recorder = createMetricsRecorder(clusterId)));
  return recorder;
}

export function getMetricsRecorder(clusterId: string): MetricsRecorder | undefined {
  return registry.get(clusterId);
}

export const metricsRecorderClusters = () => [...registry.keys()];

/** Stops recording the cluster and releases its database lock (another console may then take it). */
export async function stopMetricsRecorder(clusterId: string) {
  const recorder = registry.get(clusterId);
  if (!recorder) return;
  registry.delete(clusterId);
  await recorder.stop();
}
