import 'server-only';
import { ApiError } from '@/lib/errors';
import { loadConfigFromEnv } from '@/server/config/load';
import type { ClusterConfig, ConsoleConfig } from '@/server/config/schema';

// One parsed config per process; on globalThis so dev hot reload does not re-read it per module instance.
const holder = globalThis as typeof globalThis & { __consoleConfig?: ConsoleConfig };

export function getConfig(): ConsoleConfig {
  holder.__consoleConfig ??= loadConfigFromEnv();
  return holder.__consoleConfig;
}

/** An unknown cluster id is a 404, like any other missing resource. */
export function getClusterConfig(clusterId: string): ClusterConfig {
  const cluster = getConfig().clusters.find((c) => c.id === clusterId);
  if (!cluster) throw new ApiError('NOT_FOUND', `Cluster "${clusterId}" does not exist`);
  return cluster;
}
