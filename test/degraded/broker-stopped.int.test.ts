// Broker 3 stopped: every view still answers, and shows what Kafka's own tools show. Runs last on a cluster
// (npm test's `degraded` phase): it stops broker 3, and starts it again before it ends.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBrokers } from '@/app/api/v1/clusters/[clusterId]/brokers/route';
import { GET as getHealth } from '@/app/api/v1/clusters/[clusterId]/health/route';
import { GET as getOverview } from '@/app/api/v1/clusters/[clusterId]/overview/route';
import { GET as getTopic } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/route';
import { GET as getTopics } from '@/app/api/v1/clusters/[clusterId]/topics/route';
import { brokerListResponseSchema } from '@/lib/schemas/brokers';
import { clusterHealthResponseSchema } from '@/lib/schemas/health-partitions';
import { clusterOverviewSchema } from '@/lib/schemas/overview';
import { topicDetailResponseSchema, topicListResponseSchema } from '@/lib/schemas/topics';
import { SNAPSHOT_MAX_AGE_MS } from '@/server/cluster-state/snapshot';
import { closeDb, getDb } from '@/server/db/client';
import { BROKER_TIMEOUT_MS } from '@/server/kafka/broker-wave';
import { closeAllConnections } from '@/server/kafka/clients';
import { observeBrokers } from '@/server/kafka/known-brokers';
import { kafkaCli, parseTopicsDescribe } from '../support/cli';
import { kafkaTarget } from '../support/kafka-target';
import { callRoute } from '../support/routes';
import { comparableLayout, expectedCleanLeader, expectedCounts, expectedReasons, keyOf, readCliState, type CliState } from './cli-oracle';

const target = kafkaTarget();
const STOPPED = 3;
// Kafka's tools bootstrap from the brokers that stay up.
const live = target.bootstrap.filter((_, i) => i + 1 !== STOPPED).join(',');
const all = target.bootstrap.join(',');
const stamp = Date.now();
const topics = {
  leaderless: `dg-rf1-${stamp}`, // RF 1, only replica on broker 3: leaderless and offline
  minIsr: `dg-min3-${stamp}`, // RF 3, min.insync.replicas=3: under min ISR and under-replicated
  shrunk: `dg-rf2-${stamp}`, // RF 2 on brokers 2 and 3: ISR shrinks to broker 2
  moved: `dg-pref3-${stamp}`, // RF 2, preferred leader 3: led by its other replica
};
// With broker 3 stopped, every answer comes before a snapshot wave would give up on a broker (5 s): nothing waits
// for the stopped one (its port refuses connections at once). Answers before the stop are not timed (cold start).
const ANSWER_BOUND_MS = BROKER_TIMEOUT_MS;
let stopped = false;
const answerMs: number[] = [];

function cluster(command: 'stop-broker' | 'start-broker') {
  const script = path.resolve(import.meta.dirname, '../../scripts/kafka/cluster.mjs');
  const result = spawnSync('node', [script, command, String(STOPPED)], { encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`cluster.mjs ${command} ${STOPPED} failed:\n${result.stderr}${result.stdout}`);
}

/** Polls `check` (true = done) every second until `timeoutMs`; throws with its last answer. */
async function until(what: string, timeoutMs: number, check: () => true | string | Promise<true | string>) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const result = await check();
    if (result === true) return;
    last = result;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (last: ${last})`);
}

/** One API answer: a 200 (within ANSWER_BOUND_MS once broker 3 is stopped) that matches its response schema. */
async function get<T>(url: string, call: (url: string) => ReturnType<typeof callRoute>, schema: { parse: (v: unknown) => T }) {
  const started = Date.now();
  const { status, body } = await call(url);
  const ms = Date.now() - started;
  expect({ url, status, body: status === 200 ? 'ok' : body }).toEqual({ url, status: 200, body: 'ok' });
  if (stopped) {
    answerMs.push(ms);
    expect(ms, `${url} answered after ${ms} ms`).toBeLessThan(ANSWER_BOUND_MS);
  }
  return schema.parse(body);
}

const params = { clusterId: 'local' };
const base = '/api/v1/clusters/local';
const overview = () => get(`${base}/overview`, (url) => callRoute(getOverview, url, params), clusterOverviewSchema);
const brokers = () => get(`${base}/brokers`, (url) => callRoute(getBrokers, url, params), brokerListResponseSchema);
const health = () => get(`${base}/health`, (url) => callRoute(getHealth, url, params), clusterHealthResponseSchema);
const topicList = (query = '') => get(`${base}/topics${query}`, (url) => callRoute(getTopics, url, params), topicListResponseSchema);
const topic = (name: string) =>
  get(
    `${base}/topics/${encodeURIComponent(name)}`,
    (url) => callRoute(getTopic, url, { ...params, topic: name }),
    topicDetailResponseSchema,
  );

/**
 * Compares the console with the CLI until they agree (at most `attempts` rounds): the API answers from a
 * snapshot up to 5 s old, and a partition may still be settling. The last round's difference fails the test.
 */
async function agree<A>(attempts: number, round: (cli: CliState) => Promise<{ actual: A; expected: unknown }>) {
  let last: { actual: A; expected: unknown } | undefined;
  for (let i = 0; i < attempts; i += 1) {
    last = await round(readCliState(live));
    if (JSON.stringify(last.actual) === JSON.stringify(last.expected)) return last;
    await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_MAX_AGE_MS + 100));
  }
  expect(last!.actual).toEqual(last!.expected);
  return last!;
}

describe(`${target.label} with broker ${STOPPED} stopped`, () => {
  beforeAll(async () => {
    const create = (name: string, assignment: string, ...configs: string[]) =>
      kafkaCli('kafka-topics', [
        '--bootstrap-server',
        all,
        '--create',
        '--topic',
        name,
        '--replica-assignment',
        assignment,
        ...configs.flatMap((c) => ['--config', c]),
      ]);
    create(topics.leaderless, '3,3');
    create(topics.minIsr, '1:2:3,2:3:1,3:1:2', 'min.insync.replicas=3');
    create(topics.shrunk, '2:3,3:2');
    create(topics.moved, '3:1,3:2');
    for (const name of Object.values(topics)) {
      kafkaCli('kafka-producer-perf-test', [
        '--topic',
        name,
        '--num-records',
        '200',
        '--record-size',
        '100',
        '--throughput',
        '-1',
        '--producer-props',
        `bootstrap.servers=${all}`,
        'acks=all',
      ]);
    }
    // The console learns of broker 3 while it is up: known brokers are kept in its database (opened first, so the
    // views' bounded look-up finds it), and it sees every new topic led by its preferred replica.
    await getDb();
    await until('the console to record brokers 1-3 as known', 60_000, async () => {
      await brokers();
      const known = (await observeBrokers('local', [])).map((b) => b.id).join(',');
      return known === '1,2,3' || `known: ${known}`;
    });
    await until(`the console to see ${topics.moved} led by broker 3`, 60_000, async () => {
      const leaders = (await topic(topics.moved)).partitions.map((p) => p.leader).join(',');
      return leaders === '3,3' || leaders;
    });

    cluster('stop-broker');
    stopped = true;
    const ours = new Set(Object.values(topics));
    await until('kafka-topics --describe to show broker 3 out of every ISR and leadership', 60_000, () => {
      const rows = parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', live, '--describe'])).filter((p) =>
        ours.has(p.topic),
      );
      const stale = rows.filter((p) => p.leader === STOPPED || (p.topic !== topics.leaderless && p.isr.includes(STOPPED)));
      return (rows.length === 9 && stale.length === 0) || `${rows.length} partitions, still on broker 3: ${stale.map(keyOf).join(', ')}`;
    });
  }, 240_000);

  afterAll(async () => {
    if (answerMs.length) console.info(`${answerMs.length} API answers with broker ${STOPPED} stopped, slowest ${Math.max(...answerMs)} ms`);
    try {
      cluster('start-broker');
      await until('every partition to be fully in sync again', 120_000, () => {
        const urp = parseTopicsDescribe(
          kafkaCli('kafka-topics', ['--bootstrap-server', all, '--describe', '--under-replicated-partitions']),
        );
        return urp.length === 0 || `under-replicated: ${urp.map(keyOf).join(', ')}`;
      });
      // ZooKeeper mode deletes a topic only once every replica's broker is up: delete after the restart.
      kafkaCli('kafka-topics', ['--bootstrap-server', all, '--delete', '--topic', Object.values(topics).join('|')]);
    } finally {
      await closeAllConnections();
      await closeDb();
    }
  }, 300_000);

  it('has the degraded layout the test set up (so the comparisons below are not vacuous)', () => {
    const cli = readCliState(live);
    expect(cli.live).toEqual([1, 2]);
    const of = (name: string) => cli.partitions.filter((p) => p.topic === name).map(comparableLayout);
    expect(of(topics.leaderless).map((p) => [p.leader, p.offlineReplicas])).toEqual([
      [null, [3]],
      [null, [3]],
    ]);
    expect(of(topics.shrunk).map((p) => [p.leader, p.isr])).toEqual([
      [2, [2]],
      [2, [2]],
    ]);
    expect(of(topics.minIsr).every((p) => p.isr.length === 2 && p.leader !== null)).toBe(true);
    expect(of(topics.moved).map((p) => p.leader)).toEqual([1, 2]);
    // KIP-966 on KRaft: broker 3 left ISRs that fell below min.insync.replicas=3 cleanly, so it stays eligible.
    const elr = cli.partitions.filter((p) => p.topic === topics.minIsr).map((p) => p.elr);
    expect(elr).toEqual(target.mode === 'kraft' ? [[3], [3], [3]] : [null, null, null]);
  });

  it('lays out every partition as kafka-topics --describe: leader, replicas in order, ISR, offline replicas', async () => {
    await agree(4, async (cli) => {
      const names = [...new Set(cli.partitions.map((p) => p.topic))].sort();
      const listed = (await topicList()).topics.map((t) => t.name).sort();
      const layouts = [];
      for (const name of names) {
        for (const p of (await topic(name)).partitions) layouts.push(comparableLayout({ topic: name, ...p }));
      }
      const byKey = (a: { topic: string; partition: number }, b: { topic: string; partition: number }) => (keyOf(a) < keyOf(b) ? -1 : 1);
      return {
        actual: { names: listed, layouts: layouts.sort(byKey) },
        expected: { names, layouts: cli.partitions.map(comparableLayout).sort(byKey) },
      };
    });
  });

  it('counts offline, under-replicated, under-min-ISR, leaderless partitions and brokers as the CLI does', async () => {
    const { actual } = await agree(4, async (cli) => {
      const o = await overview();
      const { topics: t, partitions, replicas, underReplicated, offline, underMinIsr, leaderless, nonPreferredLeaders } = o;
      return {
        actual: {
          counts: { topics: t, partitions, replicas, underReplicated, offline, underMinIsr, leaderless, nonPreferredLeaders },
          brokers: o.brokers,
          partial: o.partial,
        },
        expected: { counts: expectedCounts(cli), brokers: { up: cli.live.length, known: 3, down: [STOPPED] }, partial: true },
      };
    });
    // The set-up guarantees each kind of risk is present at least once.
    expect(actual.counts.offline).toBeGreaterThanOrEqual(2);
    expect(actual.counts.underMinIsr).toBeGreaterThanOrEqual(3);
    expect(actual.counts.nonPreferredLeaders).toBeGreaterThanOrEqual(2);
  });

  it('lists exactly the at-risk partitions in the health view, with the CLI’s reasons', async () => {
    await agree(4, async (cli) => {
      const expected = cli.partitions
        .map((p) => {
          const reasons = expectedReasons(p, cli);
          const cleanLeader = reasons.includes('under-min-isr') ? { cleanLeader: expectedCleanLeader(p) } : {};
          return { topic: p.topic, partition: p.partition, reasons, ...cleanLeader };
        })
        .filter((p) => p.reasons.length > 0)
        .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
      return { actual: (await health()).partitions, expected };
    });
  });

  it('lists broker 3 as down, with leader and replica counts as the CLI shows them', async () => {
    await agree(4, async (cli) => {
      const api = await brokers();
      const count = (id: number) => ({
        leaderCount: cli.partitions.filter((p) => p.leader === id).length,
        replicaCount: cli.partitions.filter((p) => p.replicas.includes(id)).length,
      });
      const rack = { 1: 'rack-a', 2: 'rack-b', 3: 'rack-c' } as Record<number, string>;
      return {
        actual: {
          partial: api.partial,
          brokers: api.brokers.map((b) => ({
            id: b.id,
            status: b.status,
            rack: b.rack,
            leaderCount: b.leaderCount,
            replicaCount: b.replicaCount,
          })),
        },
        expected: {
          partial: true,
          brokers: [1, 2, 3].map((id) => ({ id, status: id === STOPPED ? 'down' : 'up', rack: rack[id]!, ...count(id) })),
        },
      };
    });
  });

  it('shows per-topic risk counts in the topics list', async () => {
    await agree(4, async (cli) => {
      const list = await topicList(`?q=dg-`);
      const per = (name: string, keys: Set<string>) => cli.partitions.filter((p) => p.topic === name && keys.has(keyOf(p))).length;
      const ours = Object.values(topics).sort();
      return {
        actual: list.topics
          .filter((t) => ours.includes(t.name))
          .map((t) => [t.name, t.underReplicatedPartitions, t.offlinePartitions, t.underMinIsrPartitions]),
        expected: ours.map((name) => [name, per(name, cli.underReplicated), per(name, cli.unavailable), per(name, cli.underMinIsr)]),
      };
    });
  });

  it('answers the leaderless topic with its layout, no offsets and an error per partition (partial)', async () => {
    const detail = await topic(topics.leaderless);
    expect(detail.partial).toBe(true);
    for (const p of detail.partitions) {
      expect(p).toMatchObject({
        leader: null,
        replicas: [3],
        offlineReplicas: [3],
        logStartOffset: null,
        highWatermark: null,
        sizeBytes: null,
      });
      expect(p.error).toEqual(expect.any(String));
    }
  });

  it('reads offsets of the topics that kept a leader as kafka-get-offsets does', async () => {
    for (const name of [topics.minIsr, topics.shrunk, topics.moved]) {
      const out = kafkaCli('kafka-get-offsets', ['--bootstrap-server', live, '--topic', name, '--time', '-1']);
      const cli = Object.fromEntries(
        out
          .trim()
          .split('\n')
          .map((line) => [Number(line.split(':')[1]), line.split(':')[2]]),
      );
      const detail = await topic(name);
      expect(Object.fromEntries(detail.partitions.map((p) => [p.partition, p.highWatermark])), name).toEqual(cli);
      expect(
        detail.partitions.reduce((t, p) => t + BigInt(p.highWatermark ?? '0'), 0n),
        name,
      ).toBe(200n);
    }
  });
});
