// The console's topic name rules against Kafka's own acceptance, property-based: for generated names, the console
// accepts a name exactly when Kafka's validateOnly CreateTopics does; for spellings of an existing topic that differ
// only in "." and "_", the console reports a collision exactly when Kafka refuses the name.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collidingTopic, topicNameError } from '@/lib/schemas/topic-name';
import { closeAllConnections, withKafka } from '@/server/kafka/clients';
import { onControllerWithRetry } from '@/server/kafka/controller';
import { createTopics } from '@/server/protocol/create-topics';
import { kafkaCli } from './support/cli';
import { kafkaTarget } from './support/kafka-target';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const existing = `it-names.base_${Date.now()}.x_y`;
const INVALID_TOPIC_EXCEPTION = 17;
const TOPIC_ALREADY_EXISTS = 36;

/** Kafka's verdict on `name` (a dry run: nothing is created); an existing name counts as an acceptable one. */
async function kafkaAccepts(name: string): Promise<boolean> {
  const [result] = await withKafka('local', (connection) =>
    onControllerWithRetry(connection, (broker) =>
      createTopics(broker, {
        topics: [{ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }],
        timeoutMs: 5_000,
        validateOnly: true,
      }),
    ),
  );
  if (!result) throw new Error(`no answer for ${JSON.stringify(name)}`);
  if (result.errorCode !== 0 && result.errorCode !== INVALID_TOPIC_EXCEPTION && result.errorCode !== TOPIC_ALREADY_EXISTS) {
    throw new Error(`unexpected error ${result.errorCode} for ${JSON.stringify(name)}: ${result.errorMessage}`);
  }
  return result.errorCode !== INVALID_TOPIC_EXCEPTION;
}

const legal = [...'abcxyzABCXYZ0189', '.', '_', '-'];
const illegal = [' ', '/', '\\', ':', '+', '*', '#', 'é', 'ß', '\u0000', '\t', '~', '@', ',', '中'];
/** Mostly legal characters, lengths around the 249 limit, sometimes an illegal character, and the special cases. */
const names = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...legal), minLength: 0, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...legal), minLength: 245, maxLength: 253 }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.string({ unit: fc.constantFrom(...legal), maxLength: 8 }),
        fc.constantFrom(...illegal),
        fc.string({ unit: fc.constantFrom(...legal), maxLength: 8 }),
      )
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '...', '', '-', '_') },
);

describe(`topic names against Kafka's own acceptance on ${target.label}`, () => {
  beforeAll(() => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      existing,
      '--partitions',
      '1',
      '--replication-factor',
      '1',
    ]);
  });

  afterAll(async () => {
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', existing]);
    await closeAllConnections();
  });

  it('accepts a name exactly when Kafka does', async () => {
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        expect(topicNameError(name) === null, JSON.stringify(name)).toBe(await kafkaAccepts(name));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('reports a collision exactly when Kafka refuses a "."/"_" respelling of an existing topic', async () => {
    // Each "." or "_" of the existing name kept or swapped for the other; other characters sometimes changed.
    const respellings = fc
      .tuple(fc.array(fc.boolean(), { minLength: existing.length, maxLength: existing.length }), fc.boolean())
      .map(([swaps, alter]) => {
        const swapped = [...existing].map((c, i) => (swaps[i] && (c === '.' || c === '_') ? (c === '.' ? '_' : '.') : c)).join('');
        return alter ? swapped.replace('names', 'nameZ') : swapped;
      })
      .filter((name) => name !== existing);
    await fc.assert(
      fc.asyncProperty(respellings, async (name) => {
        expect(collidingTopic(name, [existing]) === null, name).toBe(await kafkaAccepts(name));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
