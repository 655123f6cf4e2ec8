// The console's production server as the load and soak benches run it: readiness, its Kafka request counter (from
// its own /metrics) and its resident memory (from /proc, Linux).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devBrokers } from '../fixture/args';

const ROOT = path.resolve(import.meta.dirname, '../..');

const READY_TIMEOUT_MS = 120_000;

/** Until the server answers the clusters list with `headers` (it has started and reads its config). */
async function waitForConsole(base: string, headers: Record<string, string>, server: ChildProcess) {
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the console exited with code ${server.exitCode}`);
    const answer = await fetch(`${base}/api/v1/clusters`, { headers }).catch(() => null);
    if (answer?.ok) return;
    if (Date.now() - started > READY_TIMEOUT_MS) throw new Error(`the console did not answer within ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Every Kafka request the console has sent to any cluster (kafka_console_kafka_requests_total, summed). */
export async function kafkaRequestsTotal(base: string, headers: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers })).text();
  let total = 0;
  for (const line of text.split('\n')) if (line.startsWith('kafka_console_kafka_requests_total{')) total += Number(line.split(' ').at(-1));
  return total;
}

/** The console's heap in use and its external memory (the embedded database's included), in MB, from its /metrics. */
export async function consoleMemoryMb(base: string, headers: Record<string, string>): Promise<{ heapUsedMb: number; externalMb: number }> {
  const text = await (await fetch(`${base}/metrics`, { headers })).text();
  const mb = (name: string) => Math.round(Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN) / 1024 / 1024);
  return { heapUsedMb: mb('nodejs_heap_size_used_bytes'), externalMb: mb('nodejs_external_memory_bytes') };
}

/** The process's resident set size in MB. */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb === undefined ? NaN : Math.round(Number(kb) / 1024);
}

/** `npm start`'s environment assignments and Node arguments (package.json), so that the benches measure the console as it is started. */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? '')) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  const [command, ...args] = words;
  if (command !== 'node') throw new Error(`npm start runs ${command}, not node`);
  return { env, args };
}

export type RunningConsole = { base: string; headers: Record<string, string>; pid: number; stop(): void };

/**
 * The production build served by scripts/serve.mjs on loopback, with a console of its own: the dev cluster
 * (KAFKA_BROKERS, else KAFKA_PORT_OFFSET's), the defaults otherwise (lag sampling every 15 s, the embedded
 * database) unless `settings` (top-level config sections) say otherwise, one viewer API token and a throwaway data
 * directory. Exits the process when there is no build.
 */
export async function startConsole(port: number, label: string, settings: Record<string, unknown> = {}): Promise<RunningConsole> {
  if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) {
    console.error(`${label}: no production build: run \`npm run build\` first`);
    process.exit(2);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `${label.replace(/\W+/g, '-')}-`));
  const token = randomBytes(24).toString('hex');
  const config = {
    clusters: [{ id: 'local', name: 'Local dev', brokers: process.env.KAFKA_BROKERS?.split(',') ?? devBrokers(process.env) }],
    auth: { users: [], apiTokens: [{ name: 'bench', role: 'viewer', sha256: createHash('sha256').update(token).digest('hex') }] },
    ...settings,
  };
  writeFileSync(path.join(dir, 'console.json'), JSON.stringify(config));
  const start = startCommand();
  const server = spawn(process.execPath, start.args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...start.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      CONSOLE_CONFIG: path.join(dir, 'console.json'),
      CONSOLE_DATA_DIR: path.join(dir, 'data'),
      AUTH_SECRET: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}` };
  try {
    await waitForConsole(base, headers, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, headers, pid: server.pid!, stop };
}
