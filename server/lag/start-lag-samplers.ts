import 'server-only';
import { getConfig, onConfigReload } from '@/server/config/current';
import { lagSettings } from '@/server/config/schema';
import { lagSamplerClusters, startLagSampler, stopLagSampler } from '@/server/lag/lag-sampler';

/** One sampler per configured cluster with `lag.enabled`; removed or disabled clusters' samplers stop. */
export async function syncLagSamplers() {
  const config = getConfig();
  const wanted = new Map(config.clusters.map((c) => [c.id, lagSettings(config, c)] as const).filter(([, s]) => s.enabled));
  for (const clusterId of lagSamplerClusters()) if (!wanted.has(clusterId)) await stopLagSampler(clusterId);
  for (const [clusterId, { intervalMs, window, allowedLag }] of wanted) await startLagSampler(clusterId, { intervalMs, window, allowedLag });
}

const holder = globalThis as typeof globalThis & { __lagSamplersFollowConfig?: boolean };

/** Starts the samplers and keeps them in line with the configuration as it is reloaded. */
export async function startLagSamplers() {
  await syncLagSamplers();
  if (holder.__lagSamplersFollowConfig) return;
  holder.__lagSamplersFollowConfig = true;
  onConfigReload(() => {
    syncLagSamplers().catch((error: unknown) => console.error(`kafka-console: lag samplers not updated after the reload: ${String(error)}`));
  });
}
