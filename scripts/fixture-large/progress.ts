// Console output of the fixture: one prefix, progress lines at most every 2 s, and bounded concurrency.
import { logLevel, type LogEntry, type logCreator } from '@/server/kafka/kafkajs';

export const log = (line: string) => console.log(`[fixture] ${line}`);
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A progress reporter: `tick(n)` adds n done; prints a line when 2 s passed since the last, and at the end. */
export function progress(label: string, total: number, everyMs = 2_000) {
  const started = Date.now();
  let done = 0;
  let printed = started;
  const line = () =>
    log(`  ${label}: ${done}/${total} (${Math.floor((done / Math.max(total, 1)) * 100)}%, ${seconds(Date.now() - started)})`);
  return {
    tick(n = 1) {
      done += n;
      if (done >= total || Date.now() - printed >= everyMs) {
        printed = Date.now();
        line();
      }
    },
  };
}

/** Runs `work` on every item with at most `limit` in flight; rejects with the first error after all settle. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length) throw errors[0];
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** kafkajs at WARN and above, one line each, minus what the fixture provokes on purpose and retries. */
const EXPECTED = [
  /coordinator is not available/i,
  /not the correct coordinator/i,
  /coordinator is loading/i,
  /rebalanc/i,
  /leader is not available/i,
];
export const quietLogCreator: logCreator = () => (entry: LogEntry) => {
  if (entry.level > logLevel.WARN) return;
  const { message, error } = entry.log;
  const text = `${message}${typeof error === 'string' && error !== message ? `: ${error}` : ''}`;
  if (EXPECTED.some((pattern) => pattern.test(text))) return;
  console.error(`[kafkajs ${entry.label}] [${entry.namespace}] ${text}`);
};
