// The console's process-wide state, in one place. The instrumentation bundle (samplers, workers) and the route
// handlers' bundles are separate module instances in production, and dev hot reload re-evaluates modules: a
// module-level variable would be one copy per bundle and per reload, so each of these lives on globalThis, under
// one key, made on first use. A slot holds an object (a Map, a holder with fields) that its module mutates.
const STORE = Symbol.for('kafka-console.process-state');

/** Every slot, named once: a name taken twice is a type error in the second module, not a shared object by accident. */
export type ProcessSlot =
  | 'consoleConfig'
  | 'firstAdmin'
  | 'loginLimiter'
  | 'samplers'
  | 'samplingFollowsConfig'
  | 'listsKeptWarm'
  | 'listViews'
  | 'recordTimes'
  | 'groupCoordinators'
  | 'knownGroupTypes'
  | 'metricsRecorders'
  | 'metricsUpkeep'
  | 'reassignWorker'
  | 'clusterLogDirs'
  | 'kafkaClients'
  | 'freshCaches'
  | 'knownBrokersWritten'
  | 'messageStreams'
  | 'consoleDbLocks'
  | 'consoleDb'
  | 'alertNotifier'
  | 'alertActiveSince';

export function processState<T extends object>(slot: ProcessSlot, make: () => T): T {
  const store = ((globalThis as Record<symbol, Map<ProcessSlot, object> | undefined>)[STORE] ??= new Map());
  let value = store.get(slot);
  if (!value) store.set(slot, (value = make()));
  return value as T;
}
