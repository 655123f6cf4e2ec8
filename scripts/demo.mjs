// `npm run demo`: the dev Kafka cluster, demo traffic and the console on http://localhost:3000.
// Ctrl-C stops the traffic and the console; the cluster keeps running (npm run kafka:down stops it).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapServers, clusterLayout } from './kafka/layout.mjs';
import { resolveKafka } from './kafka/versions.mjs';
import { ensureNpmPackages } from './lib/npm-packages.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = process.env.PORT ?? '3000';
const SOURCES = ['app', 'components', 'lib', 'server', 'public', 'next.config.js', 'package-lock.json'];

function newestSource(entry) {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((child) => newestSource(path.join(entry, child))));
}

function buildIsCurrent() {
  const buildId = path.join(ROOT, '.next/BUILD_ID');
  return existsSync(buildId) && statSync(buildId).mtimeMs >= Math.max(...SOURCES.map(newestSource));
}

function step(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

/** Demo credentials, made once per checkout and kept in the console's data directory (git-ignored). */
function demoSecret(name, make) {
  const file = path.join(ROOT, '.data/console', name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, make(), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

ensureNpmPackages(ROOT);
const env = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET ?? demoSecret('demo-auth-secret', () => randomBytes(32).toString('base64url')),
  CONSOLE_ADMIN_PASSWORD:
    process.env.CONSOLE_ADMIN_PASSWORD ?? demoSecret('demo-admin-password', () => randomBytes(9).toString('base64url')),
  PORT,
};
step('node', ['scripts/kafka/cluster.mjs', 'up']);
if (!buildIsCurrent()) step('npx', ['next', 'build']);

// Node directly (no npx/sh in between) and in their own process groups: a terminal's Ctrl-C reaches this
// launcher only, which then asks each child once to stop cleanly.
const launch = (args) => spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', detached: true, env });
const children = [launch(['--import', 'tsx', 'scripts/demo-traffic/main.ts']), launch(['scripts/serve.mjs'])];
// Kafka 4's group types, which kafkajs cannot join: a share group (KIP-932) taking payments as a queue, a consumer
// group on the KIP-848 protocol (both Kafka's own console clients) and a streams group (KIP-1071): a Kafka Streams
// word count over the orders, two stream threads in one instance.
const kafka = resolveKafka();
if (kafka.family === '4') {
  const bootstrap = bootstrapServers(clusterLayout(kafka)).join(',');
  const bin = (name) => path.join(ROOT, 'scripts/kafka/bin', name);
  const tool = (name, args) => spawn(bin(name), ['--bootstrap-server', bootstrap, ...args], { cwd: ROOT, stdio: 'ignore', detached: true });
  // The dev cluster creates no topic on first use: the word count's output topic is made here.
  step(bin('kafka-topics'), ['--bootstrap-server', bootstrap, '--create', '--if-not-exists', '--topic', 'orders-word-counts']);
  const stateDir = path.join(ROOT, '.data/demo-streams');
  mkdirSync(stateDir, { recursive: true });
  children.push(
    tool('kafka-console-share-consumer', ['--topic', 'payments', '--group', 'payments-queue']),
    tool('kafka-console-consumer', ['--topic', 'orders', '--group', 'orders-audit-848', '--consumer-property', 'group.protocol=consumer']),
    tool('kafka-streams-wordcount', [
      '--application-id',
      'orders-word-count',
      '--input-topic',
      'orders',
      '--output-topic',
      'orders-word-counts',
      '--state-dir',
      stateDir,
      '--threads',
      '2',
    ]),
  );
}
console.log(`\nKafka Console: http://localhost:${PORT}  — sign in as admin / ${env.CONSOLE_ADMIN_PASSWORD}`);
console.log('(demo traffic running; Ctrl-C stops it and the console, npm run kafka:down stops Kafka)\n');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('exit', () => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`\na demo process exited (${code}); stopping the others`);
      process.exitCode = 1;
      stop();
    }
  });
}
