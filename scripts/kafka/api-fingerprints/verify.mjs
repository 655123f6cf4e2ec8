// `generate.mjs --verify`: the table read from the JSON files must agree with what each jar's own ApiKeys says a
// broker advertises (ApiKeysDump.java, run by Java's source launcher). Only the broker-side additions of
// BROKER_ADDED_APIS are beyond ApiKeys' knowledge and are skipped.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROKER_ADDED_APIS, CONDITIONAL_API_KEYS } from './messages.mjs';

const DUMP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ApiKeysDump.java');

/** Kafka's own answer per mode: Map<apiKey, "min-max">. */
function kafkaAnswer(jar) {
  const result = spawnSync('java', ['-cp', jar, DUMP], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`java ApiKeysDump.java (${jar}) failed:\n${result.stderr}`);
  const answer = { zookeeper: new Map(), kraft: new Map() };
  for (const line of result.stdout.trim().split('\n')) {
    const [id, range, zkBroker, broker, controller, forwardable] = line.split(' ');
    const apiKey = Number(id);
    if (range === '-' || CONDITIONAL_API_KEYS.includes(apiKey)) continue;
    if (zkBroker === '1') answer.zookeeper.set(apiKey, range);
    if (broker === '1' && (forwardable === '0' || controller === '1')) answer.kraft.set(apiKey, range);
  }
  return answer;
}

/** Differences between the JSON-derived release and Kafka's answer, as readable lines (none when they agree). */
export function verifyRelease(release, jar) {
  const answer = kafkaAnswer(jar);
  const problems = [];
  for (const mode of ['zookeeper', 'kraft']) {
    const skipped = BROKER_ADDED_APIS.filter((a) => a.release === release.release && a.mode === mode).map((a) => a.apiKey);
    const ours = new Map(
      [...release.apis]
        .filter(([key, api]) => api.modes.includes(mode) && !skipped.includes(key))
        .map(([key, api]) => [key, `${api.min}-${api.max}`]),
    );
    for (const key of new Set([...ours.keys(), ...answer[mode].keys()])) {
      if (ours.get(key) !== answer[mode].get(key)) {
        problems.push(
          `${release.version} ${mode} api ${key}: table ${ours.get(key) ?? 'absent'}, ApiKeys ${answer[mode].get(key) ?? 'absent'}`,
        );
      }
    }
  }
  return problems;
}
