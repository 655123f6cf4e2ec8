// Client metrics input, property-based. The console's schema against Kafka's own acceptance (IncrementalAlterConfigs
// with validateOnly: nothing is created), and the routes against random bodies: 2xx or a 4xx in the error shape,
// never a 5xx, and a refused write changes nothing.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/v1/clusters/[clusterId]/client-metrics/route';
import { DELETE, PUT } from '@/app/api/v1/clusters/[clusterId]/client-metrics/[subscription]/route';
import { CLIENT_METRICS_SELECTORS, clientMetricsConfigInputSchema } from '@/lib/schemas/client-metrics';
import { subscriptionPatch } from '@/server/client-metrics/subscription-configs';
import { closeDb } from '@/server/db/client';
import { closeAllConnections, withKafka } from '@/server/kafka/clients';
import { onAnyBroker } from '@/server/kafka/connection';
import { CONFIG_RESOURCE_TYPES, incrementalAlterConfigs } from '@/server/protocol/incremental-alter-configs';
import { ALTER_CONFIG_OPS } from '@/server/protocol/incremental-alter-configs';
import { TEST_TOKENS } from './support/auth';
import { kafkaTarget } from './support/kafka-target';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const supported = target.mode === 'kraft';
const probe = `it-cm-probe-${Date.now()}`;
const base = '/api/v1/clusters/local/client-metrics';

/** Kafka's verdict on a subscription's config, as a dry run. */
async function kafkaAccepts(input: { intervalMs: number; metrics: string[]; match: string[] }): Promise<boolean> {
  const { set = {} } = subscriptionPatch(input, { replacing: false });
  const configs = Object.entries(set).map(([name, value]) => ({ name, op: ALTER_CONFIG_OPS.SET, value }));
  const [result] = await withKafka('local', (connection) =>
    onAnyBroker(connection, (broker) =>
      incrementalAlterConfigs(broker, {
        resources: [{ resourceType: CONFIG_RESOURCE_TYPES.CLIENT_METRICS, resourceName: probe, configs }],
        validateOnly: true,
      }),
    ),
  );
  return result?.errorCode === 0;
}

/**
 * Regexes that compile, from an alphabet Java and JavaScript read alike. The schema leaves regex syntax to Kafka (Java's
 * differs: `(?i)`, possessive quantifiers), so only the selector, the "=" and the interval decide here.
 */
const compiles = (source: string) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};
const pattern = fc.string({ unit: fc.constantFrom(...'ab09.*-_'), minLength: 0, maxLength: 6 }).filter(compiles);
const selector = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CLIENT_METRICS_SELECTORS) },
  { weight: 1, arbitrary: fc.constantFrom('client', 'CLIENT_ID', 'clientid', 'client_ids', '', 'client_id_') },
);
const matchEntry = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(selector, pattern).map(([s, p]) => `${s}=${p}`) },
  { weight: 1, arbitrary: fc.tuple(selector, pattern).map(([s, p]) => `${s}${p}`) },
);
const interval = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.integer({ min: 3_599_900, max: 3_600_100 }),
  fc.integer({ min: 100, max: 3_600_000 }),
);

const jsonish = fc.oneof(fc.jsonValue(), fc.string(), fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), fc.integer());
/** Bodies of the schema's keys with any values; names stay recognisable so that what is created is removed. */
const body = fc.record(
  {
    name: fc.oneof(
      fc.string({ maxLength: 12 }).map((s) => `it-cm-fuzz-${s}`),
      jsonish,
    ),
    metrics: fc.oneof(fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), jsonish),
    intervalMs: fc.oneof(interval, jsonish),
    match: fc.oneof(fc.array(matchEntry, { maxLength: 3 }), jsonish),
  },
  { requiredKeys: [] },
);

const json = (method: string, value: unknown) => ({
  method,
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json' },
});
async function subscriptions() {
  const { body: list } = await callRoute(GET, base, { clusterId: 'local' });
  return list as { supported: boolean; subscriptions?: { name: string }[] };
}
const names = async () => ((await subscriptions()).subscriptions ?? []).map((s) => s.name);

describe.runIf(supported)(`client metrics input against Kafka on ${target.label}`, () => {
  let before: string[] = [];

  afterAll(async () => {
    for (const name of (await names()).filter((n) => !before.includes(n))) {
      await callRoute(
        DELETE,
        `${base}/x`,
        { clusterId: 'local', subscription: name },
        { token: TEST_TOKENS.admin, init: json('DELETE', { confirm: name }) },
      );
    }
    await closeAllConnections();
    await closeDb();
  });

  it('accepts a config exactly when Kafka does', async () => {
    await fc.assert(
      fc.asyncProperty(interval, fc.array(matchEntry, { maxLength: 3 }), async (intervalMs, match) => {
        const parsed = clientMetricsConfigInputSchema.safeParse({ intervalMs, match, metrics: ['org.apache.kafka.'] });
        const kafka = await kafkaAccepts({ intervalMs, match, metrics: ['org.apache.kafka.'] });
        expect(parsed.success, JSON.stringify({ intervalMs, match })).toBe(kafka);
      }),
      { numRuns: 150 },
    );
  });

  it('answers random bodies with 2xx or a 4xx in the error shape; a refused write changes nothing', async () => {
    before = await names();
    const existing = `it-cm-fuzz-existing-${Date.now()}`;
    expect(
      (await callRoute(POST, base, { clusterId: 'local' }, { token: TEST_TOKENS.admin, init: json('POST', { name: existing }) })).status,
    ).toBe(201);
    const answers: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('POST', 'PUT', 'DELETE'), body, async (method, input) => {
        const state = JSON.stringify(await subscriptions());
        const params = { clusterId: 'local', subscription: existing };
        const init = { token: TEST_TOKENS.admin, init: json(method, method === 'DELETE' ? { confirm: input.name } : input) };
        const answer =
          method === 'POST'
            ? await callRoute(POST, base, { clusterId: 'local' }, init)
            : await callRoute(method === 'PUT' ? PUT : DELETE, `${base}/x`, params, init);
        answers[answer.status] = (answers[answer.status] ?? 0) + 1;
        expect(answer.status, JSON.stringify({ method, input, answer: answer.body })).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(answer.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
          expect(JSON.stringify(await subscriptions())).toBe(state);
        }
      }),
      { numRuns: 120 },
    );
    console.info(`client metrics fuzz answers by status: ${JSON.stringify(answers)}`);
  });
});
