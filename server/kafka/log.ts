import 'server-only';
import { logLevel, type logCreator } from 'kafkajs';

const LEVEL_NAMES: Record<number, string> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};
/** A cluster that is down makes kafkajs repeat the same lines on every poll: say it once a minute. */
const REPEAT_WINDOW_MS = 60_000;

type Seen = { firstAt: number; suppressed: number };
const filters = new Map<string, (key: string) => number | null>();

/** Decides whether a line is printed now; returns how many identical lines were held back before it. */
export function createRepeatFilter(windowMs = REPEAT_WINDOW_MS, now = () => Date.now()) {
  const seen = new Map<string, Seen>();
  return (key: string): number | null => {
    const entry = seen.get(key);
    const time = now();
    if (entry && time - entry.firstAt < windowMs) {
      entry.suppressed += 1;
      return null;
    }
    seen.set(key, { firstAt: time, suppressed: 0 });
    if (seen.size > 1000) seen.delete(seen.keys().next().value as string);
    return entry?.suppressed ?? 0;
  };
}

/**
 * kafkajs log lines as one JSON line each on stderr, tagged with the cluster id, repeats folded. kafkajs never
 * logs SASL passwords; request payloads only at DEBUG, which the console never enables; stacks are dropped.
 */
export const kafkaLogCreator =
  (clusterId: string): logCreator =>
  () => {
    // Per cluster, not per client: a client is recreated after every failed call to an unreachable cluster.
    const shouldPrint = filters.get(clusterId) ?? filters.set(clusterId, createRepeatFilter()).get(clusterId)!;
    return ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _logger, stack: _stack, retryCount: _r, retryTime: _t, ...extra } = log;
      const held = shouldPrint(`${namespace}\u0000${message}`);
      if (held === null) return;
      const line = {
        time: new Date().toISOString(),
        level: LEVEL_NAMES[level] ?? 'info',
        source: `kafkajs:${namespace}`,
        cluster: clusterId,
        message,
        ...extra,
        ...(held > 0 ? { repeatedSinceLastLine: held } : {}),
      };
      process.stderr.write(`${JSON.stringify(line)}\n`);
    };
  };
