import 'server-only';
import { watchFile } from 'node:fs';
import path from 'node:path';
import { ApiError } from '@/lib/errors';
import { loadConfigFromEnv } from '@/server/config/load';
import type { ClusterConfig, ConsoleConfig } from '@/server/config/schema';
import { processState } from '@/server/process-state';

type Holder = { config?: ConsoleConfig; watching?: boolean; listeners: Set<() => void> };
// Process-wide (server/process-state.ts): dev hot reload must not re-read or re-watch the file per module instance.
const holder = processState<Holder>('consoleConfig', () => ({ listeners: new Set() }));

/**
 * The configuration, re-read when its file changes or on SIGHUP: a disabled or demoted user loses access at
 * their next request. A broken edit keeps the previous configuration and says why in the log.
 */
export function getConfig(): ConsoleConfig {
  holder.config ??= loadConfigFromEnv();
  watchOnce();
  return holder.config;
}

export function reloadConfig(reason: string) {
  try {
    holder.config = loadConfigFromEnv();
    console.log(`kafka-console: configuration reloaded (${reason})`);
    for (const listener of holder.listeners) listener();
  } catch (error) {
    console.error(`kafka-console: configuration NOT reloaded (${reason}), keeping the previous one: ${(error as Error).message}`);
  }
}

/** Called after every successful reload (connections to clusters whose settings changed are dropped). */
export function onConfigReload(listener: () => void) {
  holder.listeners.add(listener);
}

function watchOnce() {
  if (holder.watching) return;
  holder.watching = true;
  process.on('SIGHUP', () => reloadConfig('SIGHUP'));
  const file = process.env.CONSOLE_CONFIG?.trim();
  if (!file) return;
  // Polling survives editors that replace the file (a rename breaks inotify watches); 1 s is plenty.
  watchFile(path.resolve(file), { interval: 1000, persistent: false }, (now, before) => {
    if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) reloadConfig('file changed');
  });
}

/** An unknown cluster id is a 404, like any other missing resource. */
export function getClusterConfig(clusterId: string): ClusterConfig {
  const cluster = getConfig().clusters.find((c) => c.id === clusterId);
  if (!cluster) throw new ApiError('NOT_FOUND', `Cluster "${clusterId}" does not exist`);
  return cluster;
}
