// What the fault tests do to the cluster: signals to broker processes, and the cluster script to bring nodes back.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { GET as getBrokers } from '@/app/api/v1/clusters/[clusterId]/brokers/route';
import { ROUTE_DEADLINE_MS } from '@/server/kafka/clients';
import { clusterLayout } from '../../scripts/kafka/layout.mjs';
import { resolveKafka } from '../../scripts/kafka/versions.mjs';
import { TEST_TOKENS } from '../support/auth';
import { callRoute } from '../support/routes';

const layout = clusterLayout(resolveKafka());
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/kafka/cluster.mjs');

export const BROKER_IDS = [1, 2, 3] as const;

export function brokerPid(id: number): number {
  const node = layout.nodes.find((n: { id: number }) => n.id === id);
  if (!node) throw new Error(`no broker ${id} in this cluster`);
  return Number(readFileSync(node.pidFile, 'utf8').trim());
}

/** SIGSTOP: alive, accepting connections (the kernel does), answering nothing; SIGCONT resumes it; SIGKILL: gone. */
export function signalBroker(id: number, signal: 'SIGSTOP' | 'SIGCONT' | 'SIGKILL') {
  try {
    process.kill(brokerPid(id), signal);
  } catch (error) {
    // A SIGCONT for a process that is not there (cleanup after a kill) is fine.
    if (signal !== 'SIGCONT') throw error;
  }
}

// ZooKeeper keeps a killed broker's registration until its session expires (zookeeper.session.timeout.ms, 18 s by
// default); a broker started again before that finds its id taken and exits.
const ZOOKEEPER_SESSION_MS = 18_000;
let lastKillAt = 0;

/** SIGKILL, then waits until the process is gone (its ports free): nothing can be started in its place before. */
export async function killBroker(id: number) {
  const pid = brokerPid(id);
  process.kill(pid, 'SIGKILL');
  lastKillAt = Date.now();
  await msUntil(`broker ${id} gone`, 10_000, async () => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * `cluster.mjs up`: starts whatever node is not running and waits until the whole cluster is ready. On ZooKeeper,
 * not before the sessions of killed brokers have expired.
 */
export async function clusterUp() {
  const wait = layout.zookeeper ? lastKillAt + ZOOKEEPER_SESSION_MS + 2_000 - Date.now() : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const result = spawnSync('node', [SCRIPT, 'up'], { encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`cluster.mjs up failed:\n${result.stderr}${result.stdout}`);
}

/** Milliseconds `work` took, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Polls `check` every 250 ms until it is true; the milliseconds that took, or a throw after `timeoutMs`. */
export async function msUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

/** Prints a measured figure: the fault suite's timings go into the run's output. */
export function report(figure: string) {
  console.log(`[faults ${layout.kafka.version} ${layout.kafka.mode}] ${figure}`);
}

/** The console's brokers list shows every broker up, and nothing partial. */
export async function everyBrokerUp() {
  const { status, body } = await callRoute(
    getBrokers,
    '/api/v1/clusters/local/brokers',
    { clusterId: 'local' },
    { token: TEST_TOKENS.admin },
  );
  const list = body as { partial?: boolean; brokers: { status: string }[] };
  return status === 200 && !list.partial && list.brokers.length >= 3 && list.brokers.every((b) => b.status === 'up');
}

export type Read = { name: string; call: () => Promise<{ status: number; body: unknown }> };
export type Answer = { name: string; status: number; body: unknown; ms: number; partial: boolean; at: number };

/**
 * Rounds of every read for `watchMs` from `since` (performance.now()): each answers 200 (whole or partial) or 503
 * KAFKA_UNAVAILABLE, never 500, within the route deadline. The answers, in order.
 */
export async function watchReads(reads: readonly Read[], watchMs: number, since: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  while (performance.now() - since < watchMs) {
    for (const read of reads) {
      const started = performance.now();
      const { status, body } = await read.call();
      const ms = performance.now() - started;
      answers.push({ name: read.name, status, body, ms, partial: (body as { partial?: boolean }).partial === true, at: started - since });
      expect([200, 503], `${read.name}: ${JSON.stringify(body).slice(0, 300)}`).toContain(status);
      if (status === 503) expect((body as { error: { code: string } }).error.code).toBe('KAFKA_UNAVAILABLE');
      expect(ms, read.name).toBeLessThan(ROUTE_DEADLINE_MS + 1_000);
    }
  }
  return answers;
}
