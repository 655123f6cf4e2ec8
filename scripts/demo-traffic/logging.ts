// kafkajs log output: WARN and above, one line each, minus the noise our own deliberate rebalances cause.
import { logLevel, type LogEntry, type logCreator } from '@/server/kafka/kafkajs';

/**
 * kafkajs logs these at ERROR and then retries: coordinator errors right after topics/groups are first created,
 * and rebalance errors, which the demo causes on purpose every minute.
 */
const EXPECTED = [
  /coordinator is not available/i,
  /rebalanc/i,
  /REBALANCE_IN_PROGRESS/,
  /not the correct coordinator/i,
  /coordinator is loading/i,
];

export function isExpectedNoise(message: string): boolean {
  return EXPECTED.some((pattern) => pattern.test(message));
}

export const quietLogCreator: logCreator = () => (entry: LogEntry) => {
  if (entry.level > logLevel.WARN) return; // lower numbers are more severe in kafkajs
  const { message, error } = entry.log;
  const text = `${message}${typeof error === 'string' && error !== message ? `: ${error}` : ''}`;
  if (isExpectedNoise(text)) return;
  console.error(`[kafkajs ${entry.label}] [${entry.namespace}] ${text}`);
};
