// npm run bench:load — the read API under concurrent clients: the production build (`npm run build` first) served
// by scripts/serve.mjs on loopback, against the dev cluster (meant for `npm run fixture:xl`). For 1, 10 and 50
// clients, each read endpoint in turn for --seconds: requests/s, p50/p99 latency and non-2xx answers (autocannon);
// the Kafka requests per second the console sent meanwhile (its /metrics counter); the server's RSS. Lag sampling
// runs as configured by default (every 15 s), and the lists' background reader with it; `--sampling off` leaves the
// sampler out, so that the Kafka requests counted are the ones the clients cause (a pass every 15 s falls into some
// windows and not others). Not a test: numbers only.
// Writes test-results/bench-load.json (--out).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { ArgsError, readOptions } from '../cli-args';
import { kafkaRequestsTotal, rssMb, startConsole } from './server-process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const USAGE = `Usage: npm run bench:load -- [--seconds 8] [--clients 1,10,50] [--sampling on|off] [--topic T] [--group G] [--out FILE]`;

function options() {
  try {
    const values = readOptions(process.argv.slice(2), {
      seconds: { type: 'string', default: '8' },
      clients: { type: 'string', default: '1,10,50' },
      topic: { type: 'string', default: 'xl.t00000' },
      group: { type: 'string', default: 'xl.g0000' },
      port: { type: 'string', default: '3400' },
      sampling: { type: 'string', default: 'on' },
      out: { type: 'string', default: path.join(ROOT, 'test-results/bench-load.json') },
    });
    const clients = values.clients.split(',').map(Number);
    const seconds = Number(values.seconds);
    if (!clients.every((c) => Number.isInteger(c) && c >= 1 && c <= 200)) throw new ArgsError('--clients: whole numbers from 1 to 200');
    if (!(seconds >= 1 && seconds <= 120)) throw new ArgsError('--seconds: 1 to 120');
    if (values.sampling !== 'on' && values.sampling !== 'off') throw new ArgsError('--sampling: on or off');
    return { ...values, clients, seconds, port: Number(values.port) };
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    console.error(`bench:load: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const opts = options();
const progress = (line: string) => console.error(`[load] ${line}`);
const { base, headers, pid, stop } = await startConsole(
  opts.port,
  'bench:load',
  opts.sampling === 'off' ? { lag: { enabled: false } } : {},
);

const c = '/api/v1/clusters/local';
const ENDPOINTS = [
  { name: 'topics list (first page)', path: `${c}/topics?limit=100` },
  { name: 'groups list (first page)', path: `${c}/consumer-groups?limit=100` },
  { name: 'brokers', path: `${c}/brokers` },
  { name: 'overview', path: `${c}/overview` },
  { name: 'topic detail', path: `${c}/topics/${encodeURIComponent(opts.topic)}` },
  { name: 'group lag table', path: `${c}/consumer-groups/${encodeURIComponent(opts.group)}` },
];

async function run(pathname: string, connections: number) {
  const result = await autocannon({ url: base + pathname, connections, duration: opts.seconds, headers, timeout: 20 });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

try {
  // Every endpoint once, so that the measured runs start with connected clients and compiled routes.
  for (const e of ENDPOINTS) {
    const answer = await fetch(base + e.path, { headers });
    if (!answer.ok) throw new Error(`${e.name}: ${answer.status} ${(await answer.text()).slice(0, 200)}`);
  }
  const rows: Record<string, unknown>[] = [];
  for (const clients of opts.clients) {
    for (const e of ENDPOINTS) {
      progress(`${clients} client(s): ${e.name} for ${opts.seconds} s`);
      const before = await kafkaRequestsTotal(base, headers);
      const started = Date.now();
      const measured = await run(e.path, clients);
      const kafkaPerSecond = ((await kafkaRequestsTotal(base, headers)) - before) / ((Date.now() - started) / 1000);
      rows.push({ clients, endpoint: e.name, ...measured, kafkaRequestsPerSecond: Math.round(kafkaPerSecond * 10) / 10 });
    }
    rows.push({ clients, rssMb: rssMb(pid) });
  }
  const report = {
    at: new Date().toISOString(),
    seconds: opts.seconds,
    sampling: opts.sampling,
    topic: opts.topic,
    group: opts.group,
    rows,
  };
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
} finally {
  stop();
}
