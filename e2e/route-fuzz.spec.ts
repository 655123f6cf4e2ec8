import fc from 'fast-check';
import { Kafka, logLevel, type Admin } from '@/server/kafka/kafkajs';
import { e2eBootstrap, USERS } from './console-config';
import { expect, test } from './fixtures';
import type { OpenApiDocument } from './support/openapi-client';
import { postPasswordLogin } from './support/password-login';
import { rawRequest, type RawResponse } from './support/raw-http';
import { bodyArb, fuzzedOperations, originArb, queryArb, segmentArb, type FuzzedOperation } from './support/route-arbitraries';

// Property-based: every documented route, for every role, with random path segments, query values, bodies and
// Origins sent raw to the production build. Every answer is 2xx or a 4xx in the error shape within the route
// deadline (a 5xx, 502 and 503 included, fails); writes that were refused changed nothing in Kafka or the console,
// and every 403 is in the audit log. FUZZ_SEED and FUZZ_RUNS replay or deepen a run.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const ROUTE_DEADLINE_MS = 10_000;
const ROLES = ['admin', 'operator', 'viewer', 'anonymous'] as const;
type Role = (typeof ROLES)[number];

const stamp = Date.now().toString(36);
const FIXTURE = { topic: `e2e-fuzz-${stamp}`, group: `e2e-fuzz-group-${stamp}` };
const KNOWN: Record<string, string> = {
  clusterId: 'local',
  topic: FIXTURE.topic,
  groupId: FIXTURE.group,
  brokerId: '1',
  jobId: 'no-such-job',
  ruleId: 'no-such-rule',
  subscription: 'no-such-subscription',
  voterId: '1',
};

let base = '';
let document: OpenApiDocument;
const cookies: Partial<Record<Role, string>> = {};
let kafka: Kafka;
let admin: Admin;
let subscriptionsBefore: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright, baseURL }) => {
  base = baseURL!;
  kafka = new Kafka({ clientId: 'e2e-fuzz', brokers: e2eBootstrap(), logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: FIXTURE.topic, numPartitions: 2, replicationFactor: 2 }], waitForLeaders: true });
  await admin.setOffsets({ groupId: FIXTURE.group, topic: FIXTURE.topic, partitions: [{ partition: 0, offset: '0' }] });
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    const context = await playwright.request.newContext({ baseURL });
    await postPasswordLogin(context, USERS[role].username, USERS[role].password);
    cookies[role] = (await context.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await context.dispose();
  }
  document = JSON.parse(
    (await rawRequest(base, { method: 'GET', path: '/api/v1/openapi.json', headers: { cookie: cookies.admin! } })).text,
  ) as OpenApiDocument;
  subscriptionsBefore = await subscriptionNames();
});

test.afterAll(async () => {
  // An accepted fuzzed POST creates a client metrics subscription with a random name: remove what the run added.
  const added = (await subscriptionNames()).filter((name) => !subscriptionsBefore.includes(name));
  for (const name of added) {
    await rawRequest(base, {
      method: 'DELETE',
      path: `/api/v1/clusters/local/client-metrics/${encodeURIComponent(name)}`,
      headers: { cookie: cookies.admin!, origin: new URL(base).origin },
      body: JSON.stringify({ confirm: name }),
    });
  }
  await admin.deleteGroups([FIXTURE.group]).catch(() => {});
  await admin.deleteTopics({ topics: [FIXTURE.topic] }).catch(() => {});
  await admin.disconnect();
});

/**
 * What a refused write must leave as it was: Kafka's topics, layouts, configs, offsets and client metrics subscriptions,
 * and the console's rules and schedule.
 */
async function state() {
  const { topics } = await admin.fetchTopicMetadata();
  const layout = topics
    .map(
      (t) =>
        `${t.name}:${t.partitions
          .map((p) => `${p.partitionId}=${p.replicas.join(',')}`)
          .sort()
          .join(' ')}`,
    )
    .sort();
  const configs = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [
      { type: 2, name: FIXTURE.topic },
      { type: 4, name: '1' },
    ],
  });
  const overrides = configs.resources.map((r) =>
    r.configEntries
      .filter((e) => !e.isDefault)
      .map((e) => `${e.configName}=${e.configValue}`)
      .sort(),
  );
  const offsets = await admin.fetchOffsets({ groupId: FIXTURE.group, topics: [FIXTURE.topic] });
  const groups = (await admin.listGroups()).groups.map((g) => g.groupId).sort();
  const rules = (await rawRequest(base, { method: 'GET', path: '/api/v1/alerts/rules', headers: { cookie: cookies.admin! } })).text;
  const schedule = (
    await rawRequest(base, { method: 'GET', path: '/api/v1/clusters/local/leader-election/schedule', headers: { cookie: cookies.admin! } })
  ).text;
  const subscriptions = await subscriptionNames();
  return { layout, overrides, offsets, groups, rules, schedule, subscriptions };
}

/** The cluster's client metrics subscriptions, by name (none where it has no client metrics). */
async function subscriptionNames(): Promise<string[]> {
  const answer = await rawRequest(base, {
    method: 'GET',
    path: '/api/v1/clusters/local/client-metrics',
    headers: { cookie: cookies.admin! },
  });
  return ((JSON.parse(answer.text) as { subscriptions?: { name: string }[] }).subscriptions ?? []).map((s) => s.name);
}

async function deniedInAudit(): Promise<number> {
  const answer = await rawRequest(base, {
    method: 'GET',
    path: '/api/v1/audit?outcome=denied&limit=1',
    headers: { cookie: cookies.admin! },
  });
  return (JSON.parse(answer.text) as { total: number }).total;
}

function requestArb(op: FuzzedOperation) {
  return fc.record({
    segments: fc.tuple(...op.pathNames.map((name) => segmentArb(KNOWN[name] ?? name))),
    query: op.queryNames.length ? queryArb(op.queryNames) : fc.constant(''),
    body: op.bodyKeys ? bodyArb(op.bodyKeys) : fc.constant(undefined),
    origin: originArb,
  });
}

/** The problem with an answer, or null: 2xx, or 4xx with { error: { code, message } }, within the deadline. */
function problemWith(response: RawResponse): string | null {
  if (response.ms > ROUTE_DEADLINE_MS) return `took ${Math.round(response.ms)} ms`;
  if (response.status >= 200 && response.status < 300) return null;
  if (response.status < 400 || response.status >= 500) return `status ${response.status}: ${response.text.slice(0, 300)}`;
  try {
    const { error } = JSON.parse(response.text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === 'string' && typeof error.message === 'string') return null;
  } catch {
    // Not JSON: reported below.
  }
  return `status ${response.status} without the error shape: ${response.text.slice(0, 300)}`;
}

const isWrite = (op: FuzzedOperation) => op.method !== 'get';

/**
 * An operation without path parameters, query or body varies only in its Origin header (three values): RUNS
 * identical requests would add minutes and find nothing more than a few do.
 */
const runsFor = (op: FuzzedOperation) => (op.pathNames.length > 0 || op.queryNames.length > 0 || op.bodyKeys ? RUNS : Math.min(RUNS, 12));

test('the route list is the OpenAPI document and every route has a known value for each path parameter', () => {
  const operations = fuzzedOperations(document);
  expect(operations.length).toBeGreaterThanOrEqual(50);
  for (const op of operations) for (const name of op.pathNames) expect(KNOWN, `${op.template}`).toHaveProperty(name);
});

test('every route and role, with random input, answers 2xx or 4xx in shape; refusals change nothing and 403s are audited', async () => {
  test.setTimeout(30 * 60_000);
  const operations = fuzzedOperations(document);
  const summary: Record<string, number> = {};
  // Every route and role runs, whatever failed before it: one run shows all there is to fix.
  const failures: string[] = [];
  const seconds: Record<string, number> = {};
  for (const op of operations) {
    for (const role of ROLES) {
      const before = isWrite(op) ? await state() : null;
      const deniedBefore = await deniedInAudit();
      let forbidden = 0;
      let accepted = 0;
      const name = `${op.method.toUpperCase()} ${op.template} as ${role}`;
      const batchStarted = performance.now();
      const outcome = await fc.check(
        fc.asyncProperty(requestArb(op), async ({ segments, query, body, origin }) => {
          let index = 0;
          const path = op.template.replace(/\{\w+\}/g, () => segments[index++]!) + (query ? `?${query}` : '');
          const headers: Record<string, string> = role === 'anonymous' ? {} : { cookie: cookies[role]! };
          if (origin === 'console') headers.origin = new URL(base).origin;
          if (origin === 'foreign') headers.origin = 'https://evil.example';
          const response = await rawRequest(base, { method: op.method.toUpperCase(), path, headers, body });
          const problem = problemWith(response);
          if (problem) throw new Error(`${name}: ${op.method.toUpperCase()} ${path.slice(0, 300)} → ${problem}`);
          if (response.status === 403) forbidden += 1;
          if (response.status < 300) accepted += 1;
          summary[String(response.status)] = (summary[String(response.status)] ?? 0) + 1;
        }),
        { seed: SEED, numRuns: runsFor(op), endOnFailure: true },
      );
      if (outcome.failed) {
        failures.push(
          `${outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance)} (seed ${SEED}, path ${outcome.counterexamplePath})`,
        );
        continue;
      }
      seconds[name] = (performance.now() - batchStarted) / 1000;
      const denied = await deniedInAudit();
      if (denied !== deniedBefore + forbidden) failures.push(`${name}: ${forbidden} answers 403, ${denied - deniedBefore} denials audited`);
      // A write that was refused every time must have changed nothing (one that was accepted may have).
      if (before && accepted === 0) {
        const after = await state();
        for (const key of Object.keys(before) as (keyof typeof before)[]) {
          if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) failures.push(`${name}: refused writes changed ${key}`);
        }
      }
    }
  }
  expect(failures).toEqual([]);
  const slowest = Object.entries(seconds)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, s]) => `${name} ${s.toFixed(1)} s`);
  test
    .info()
    .annotations.push(
      { type: 'answers by status', description: JSON.stringify(summary) },
      { type: 'slowest routes', description: slowest.join('; ') },
    );
  console.log(`route fuzz: answers by status ${JSON.stringify(summary)}; slowest: ${slowest.join('; ')}`);
  expect(Object.keys(summary).some((status) => status.startsWith('2'))).toBe(true);
});
