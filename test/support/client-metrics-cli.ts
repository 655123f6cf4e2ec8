// kafka-client-metrics (Kafka 3.7+ tools), the oracle of the client metrics tests.
import { kafkaCli } from './cli';
import { kafkaTarget } from './kafka-target';

const bootstrap = () => kafkaTarget().bootstrap.join(',');

export const clientMetricsCli = (...args: string[]) => kafkaCli('kafka-client-metrics', ['--bootstrap-server', bootstrap(), ...args]);

/** `--list`: one name a line. */
export const listedSubscriptions = () =>
  clientMetricsCli('--list')
    .split('\n')
    .filter((line) => line !== '')
    .sort();

/**
 * `--describe [--name n]`: a block per subscription, `Client metrics configs for <name> are:` and then `  key=value`
 * lines (interval.ms, match, metrics), as the API shapes them: lists split on ",".
 */
export function describedSubscriptions(...nameArgs: string[]) {
  const output = clientMetricsCli('--describe', ...nameArgs);
  const blocks = [...output.matchAll(/^Client metrics configs for (.*) are:\n((?: {2}.*\n?)*)/gm)];
  return blocks
    .map(([, name, body]) => {
      const values = Object.fromEntries(
        (body ?? '').split('\n').flatMap((line) => (line ? [line.trim().split(/=(.*)/s).slice(0, 2)] : [])),
      );
      const list = (key: string) => (values[key] ? String(values[key]).split(',') : []);
      return { name: name!, metrics: list('metrics'), intervalMs: Number(values['interval.ms']), match: list('match') };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
