// Whole-broker flows on a real cluster: add broker 4 (`cluster.mjs add-broker`), spread a topic onto it with the
// minimal movement, roll that back, spread again, cancel a drain mid-move, drain broker 4 completely and stop it.
// Runs last on a cluster (npm test's `scale` phase): it changes the cluster's membership, and starts broker 4 again
// at the end so that a dev cluster stays whole.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { stopReassignWorker } from '@/server/reassign/worker';
import { kafkaCli, parseTopicsDescribe } from '../support/cli';
import { kafkaTarget } from '../support/kafka-target';
import { cancelJob, executeMoves, planMoves, rollBackJob, startJob, untilEnded, untilMoving } from '../support/reassign-api';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topic = `scale-${Date.now()}`;
const NEW = 4;

function cluster(command: 'add-broker' | 'stop-broker' | 'start-broker', ...args: string[]) {
  const script = path.resolve(import.meta.dirname, '../../scripts/kafka/cluster.mjs');
  const result = spawnSync('node', [script, command, ...args], { encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`cluster.mjs ${command} failed:\n${result.stderr}${result.stdout}`);
}

const replicas = () =>
  parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', topic])).map((p) => p.replicas);
/** Every partition of every topic that has a replica on `broker` (kafka-topics --describe of the whole cluster). */
const hostedOn = (broker: number) =>
  parseTopicsDescribe(kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe']))
    .filter((p) => p.replicas.includes(broker))
    .map((p) => `${p.topic}-${p.partition}`);

describe(`adding, filling, emptying and stopping a broker on ${target.label}`, () => {
  let original: number[][] = [];

  beforeAll(() => {
    cluster('add-broker');
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--replica-assignment',
      '1:2,2:3,3:1,1:2,2:3,3:1,1:2,2:3',
    ]);
    kafkaCli('kafka-producer-perf-test', [
      '--topic',
      topic,
      '--num-records',
      '20000',
      '--record-size',
      '200',
      '--throughput',
      '-1',
      '--producer-props',
      `bootstrap.servers=${bootstrap}`,
      'acks=all',
    ]);
    original = replicas();
  }, 300_000);

  afterAll(async () => {
    await stopReassignWorker();
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    cluster('start-broker', String(NEW));
    await closeAllConnections();
    await closeDb();
  }, 300_000);

  it('spreads the topic onto the new broker with the fewest moves, then rolls that back', async () => {
    const planned = await planMoves({ mode: 'scale-out', brokers: [NEW], topics: [topic] });
    // 16 replicas over 4 brokers: broker 4 takes 4, and nothing else moves.
    expect(planned.movedReplicas).toBe(4);
    const jobId = await startJob({ plan: planned.plan, throttleBytesPerSec: 5_000_000 });
    expect((await untilEnded(jobId)).last.state).toBe('completed');
    const after = replicas();
    expect(after.flat().filter((b) => b === NEW)).toHaveLength(4);
    for (const broker of [1, 2, 3]) expect(after.flat().filter((b) => b === broker)).toHaveLength(4);

    const rollback = await rollBackJob(jobId);
    expect(rollback.status).toBe(202);
    expect((await untilEnded((rollback.body as { jobId: string }).jobId)).last.state).toBe('completed');
    expect(replicas()).toEqual(original);
  }, 240_000);

  it('cancels a drain of the new broker mid-move: its replicas stay where they were', async () => {
    const spread = await startJob({ plan: (await planMoves({ mode: 'scale-out', brokers: [NEW], topics: [topic] })).plan });
    expect((await untilEnded(spread)).last.state).toBe('completed');
    const before = replicas();
    // 1 KB/s: the copies off broker 4 cannot finish before the cancel.
    const jobId = await startJob({
      plan: (await planMoves({ mode: 'drain', brokers: [NEW], topics: [topic] })).plan,
      throttleBytesPerSec: 1_000,
    });
    await untilMoving(jobId);
    expect((await cancelJob(jobId)).status).toBe(202);
    expect((await untilEnded(jobId)).last.state).toBe('cancelled');
    // What moved before the cancel reached it (reorder-only moves finish at once) stays; the rest is as before.
    const { last } = await untilEnded(jobId);
    const now = replicas();
    for (const p of last.partitions)
      expect(now[p.partition], `partition ${p.partition} ${p.state}`).toEqual(p.state === 'done' ? p.target : before[p.partition]);
    expect(last.partitions.some((p) => p.state !== 'done')).toBe(true);
  }, 240_000);

  it('drains the new broker completely, stops it, and refuses plans onto it afterwards', async () => {
    const planned = await planMoves({ mode: 'drain', brokers: [NEW] });
    expect(planned.movedReplicas).toBe(hostedOn(NEW).length);
    const jobId = await startJob({ plan: planned.plan });
    expect((await untilEnded(jobId)).last.state).toBe('completed');
    expect(hostedOn(NEW)).toEqual([]);
    cluster('stop-broker', String(NEW));
    // Nothing was left on it: no partition went offline or under-replicated.
    const cli = kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--under-replicated-partitions']);
    expect(cli.trim()).toBe('');
    const refused = await executeMoves({ plan: { version: 1, partitions: [{ topic, partition: 0, replicas: [NEW, 1] }] } });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(JSON.stringify(refused.body)).toContain(`Broker ${NEW} is not alive`);
  }, 240_000);
});
