import 'server-only';
import { logLevel, type logCreator } from 'kafkajs';

const LEVEL_NAMES: Record<number, string> = { [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'info', [logLevel.DEBUG]: 'debug' };

/**
 * kafkajs log lines as one JSON line each on stderr, tagged with the cluster id. kafkajs never logs SASL
 * passwords; request payloads are logged only at DEBUG, which the console never enables.
 */
export const kafkaLogCreator = (clusterId: string): logCreator => () => ({ namespace, level, log }) => {
  const { message, timestamp: _timestamp, logger: _logger, ...extra } = log;
  const line = { time: new Date().toISOString(), level: LEVEL_NAMES[level] ?? 'info', source: `kafkajs:${namespace}`, cluster: clusterId, message, ...extra };
  process.stderr.write(`${JSON.stringify(line)}\n`);
};
