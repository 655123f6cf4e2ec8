// `npm test`: everything, from a fresh clone. Installs what is missing, starts the Kafka clusters it needs
// (and stops the ones it started), runs lint and types, unit tests, integration tests against real Kafka
// (4.x KRaft and 3.9 ZooKeeper; --matrix adds 4.3 and 3.9 on KRaft), Playwright against the production build, and last on
// each cluster the degraded tests (broker 3 stopped), a subset of the fault tests and the scale tests.
// `npm run test:faults` (--faults): every fault test, on each cluster, and nothing else.
// Ends with one line: "Total: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNpmPackages } from '../lib/npm-packages.mjs';
import { startTestPostgres, stopTestPostgres } from '../postgres/test-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = path.join(ROOT, 'test-results');
const matrix = process.argv.includes('--matrix');
const faultsOnly = process.argv.includes('--faults');
// What `npm test` runs of the fault tests (test/faults), per cluster: about 90 s on 4.x, 40 s on 3.9. Every broker
// killed is left to `npm run test:faults`: integration tests cover an unreachable cluster's 503s.
const QUICK_FAULTS = {
  kraft: ['test/faults/silent-broker', 'test/faults/silent-controller', 'test/faults/controller-killed'],
  zookeeper: ['test/faults/silent-broker'],
};

const CLUSTERS = [
  { KAFKA_VERSION: '4', KAFKA_MODE: 'kraft', KAFKA_PORT_OFFSET: '0', e2e: true },
  { KAFKA_VERSION: '3.9', KAFKA_MODE: 'zookeeper', KAFKA_PORT_OFFSET: '1000' },
  // The previous 4.x line (4.3) and 3.9 on KRaft: every feature checked on both 4.x releases.
  ...(matrix
    ? [
        { KAFKA_VERSION: '4.3', KAFKA_MODE: 'kraft', KAFKA_PORT_OFFSET: '4000' },
        { KAFKA_VERSION: '3.9', KAFKA_MODE: 'kraft', KAFKA_PORT_OFFSET: '2000' },
      ]
    : []),
];

const phases = [];
const started = Date.now();
// Each phase's time is from the end of the one before (cluster start-ups count with the phase after them).
let phaseStarted = started;
const recordPhase = (phase) => {
  phases.push({ ...phase, seconds: Math.round((Date.now() - phaseStarted) / 1000) });
  phaseStarted = Date.now();
};

function run(command, args, { env = {}, quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { ok: result.status === 0, status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function banner(text) {
  console.log(`\n=== ${text} ===`);
}

/**
 * Debian packages the tests drive: Chromium (Playwright), PostgreSQL (the database tests' second engine), kcat and
 * Prometheus for its promtool (GET /metrics is checked with `promtool check metrics`; the server itself and its
 * recommended exporters are not wanted, hence --no-install-recommends for it).
 */
function ensureDebianPackages() {
  const missing = [
    { pkg: 'chromium', present: existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
    { pkg: 'postgresql', present: existsSync('/usr/lib/postgresql') || Boolean(process.env.PG_BIN) },
    { pkg: 'prometheus', present: existsSync('/usr/bin/promtool'), noRecommends: true },
    // kcat (librdkafka) writes the foreign records of the messages tests, in every codec.
    { pkg: 'kcat', present: existsSync('/usr/bin/kcat') },
  ].filter((p) => !p.present);
  if (missing.length === 0) return;
  const wanted = missing.map((p) => p.pkg);
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages: apt-get install ${wanted.join(' ')}`);
  banner(`apt-get install ${wanted.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const install = (packages, flags = []) =>
    packages.length === 0 || run('apt-get', ['install', '-y', '-qq', ...flags, ...packages], { env }).ok;
  const withRecommends = missing.filter((p) => !p.noRecommends).map((p) => p.pkg);
  const withoutRecommends = missing.filter((p) => p.noRecommends).map((p) => p.pkg);
  if (
    !run('apt-get', ['update', '-qq'], { env }).ok ||
    !install(withRecommends) ||
    !install(withoutRecommends, ['--no-install-recommends'])
  ) {
    throw new Error(`apt-get install ${wanted.join(' ')} failed`);
  }
}

/** The database tests on PGlite and on a throwaway PostgreSQL. */
async function databasePhase() {
  let server = null;
  try {
    server = await startTestPostgres();
  } catch (error) {
    console.error(`cannot start a test PostgreSQL: ${error instanceof Error ? error.message : error}`);
    recordPhase({ name: 'start PostgreSQL', passed: 0, failed: 1, skipped: 0 });
  }
  try {
    vitest('db', server ? 'database (PGlite + PostgreSQL)' : 'database (PGlite)', server ? { TEST_DATABASE_URL: server.url } : {});
  } finally {
    if (server) stopTestPostgres(server.dir);
  }
}

/** Runs a Vitest or Playwright phase and reads its JSON report for the counts. */
function testPhase(name, command, args, reportFile, env = {}, countsOf) {
  banner(name);
  rmSync(reportFile, { force: true });
  const result = run(command, args, { env });
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(reportFile)) counts = countsOf(JSON.parse(readFileSync(reportFile, 'utf8')));
  // A runner that crashed before reporting still fails the run.
  if (!result.ok && counts.failed === 0) counts.failed = 1;
  recordPhase({ name, ...counts });
}

/** A failure's first lines, without colour codes: the summary is often all of a run's output that is kept. */
function failureReason(messages = []) {
  const text = messages.join('\n').replace(/\u001b\[[0-9;]*m/g, '');
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '));
  return lines.slice(0, 4).join(' | ').slice(0, 600);
}

const vitestCounts = (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
  failures: r.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status === 'failed')
      .map((t) => `${path.relative(ROOT, file.name)}: ${t.title}\n              ${failureReason(t.failureMessages)}`),
  ),
});
/** Playwright nests suites per file and describe; the failed tests' titles, with their file. */
function playwrightFailures(suites, file = '') {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => !spec.ok)
      .map((spec) => {
        const errors = spec.tests.flatMap((test) => test.results.flatMap((result) => (result.errors ?? []).map((e) => e.message ?? '')));
        return `${suite.file ?? file}: ${spec.title}\n              ${failureReason(errors)}`;
      }),
    ...playwrightFailures(suite.suites ?? [], suite.file ?? file),
  ]);
}
const playwrightCounts = (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
  failures: playwrightFailures(r.suites ?? []),
});

function vitest(project, label, env = {}, files = []) {
  const report = path.join(RESULTS, `${label.replace(/\W+/g, '-')}.json`);
  testPhase(
    label,
    'npx',
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...files],
    report,
    env,
    vitestCounts,
  );
}

function check(name, command, args) {
  banner(name);
  const result = run(command, args);
  recordPhase({ name, passed: result.ok ? 1 : 0, failed: result.ok ? 0 : 1, skipped: 0 });
}

function clusterIsUp(env) {
  return run('node', ['scripts/kafka/cluster.mjs', 'status'], { env, quiet: true }).status === 0;
}

async function withCluster(env, label, work) {
  const startedHere = !clusterIsUp(env);
  if (startedHere) {
    banner(`start ${label}`);
    if (!run('node', ['scripts/kafka/cluster.mjs', 'up'], { env }).ok) {
      recordPhase({ name: `start ${label}`, passed: 0, failed: 1, skipped: 0 });
      run('node', ['scripts/kafka/cluster.mjs', 'down'], { env });
      return;
    }
  } else {
    console.log(`\n${label} is already running: using it and leaving it running`);
  }
  try {
    await work();
  } finally {
    if (startedHere) {
      banner(`stop ${label}`);
      run('node', ['scripts/kafka/cluster.mjs', 'down'], { env });
    }
  }
}

async function faultsMain() {
  mkdirSync(RESULTS, { recursive: true });
  ensureNpmPackages(ROOT);
  for (const cluster of CLUSTERS) {
    const { e2e: _e2e, ...env } = cluster;
    const label = `Kafka ${env.KAFKA_VERSION} ${env.KAFKA_MODE}`;
    await withCluster(env, label, async () => vitest('faults', `faults on ${label}`, env));
  }
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  ensureNpmPackages(ROOT);
  ensureDebianPackages();

  // ESLint, then Prettier's check (npm run format rewrites).
  check('lint', 'npm', ['run', 'lint']);
  check('types', 'npx', ['tsc', '--noEmit']);
  vitest('unit', 'unit');
  await databasePhase();

  for (const cluster of CLUSTERS) {
    const { e2e, ...env } = cluster;
    const label = `Kafka ${env.KAFKA_VERSION} ${env.KAFKA_MODE}`;
    await withCluster(env, label, async () => {
      vitest('integration', `integration on ${label}`, env);
      if (e2e) {
        banner('next build');
        const built = run('npx', ['next', 'build']).ok;
        recordPhase({ name: 'next build', passed: built ? 1 : 0, failed: built ? 0 : 1, skipped: 0 });
        if (built) {
          const report = path.join(RESULTS, 'e2e.json');
          testPhase(`e2e (Chromium) on ${label}`, 'npx', ['playwright', 'test'], report, env, playwrightCounts);
        }
      }
      // Then: it stops broker 3 (and starts it again, which is made sure of here too).
      vitest('degraded', `degraded (broker 3 stopped) on ${label}`, env);
      run('node', ['scripts/kafka/cluster.mjs', 'start-broker', '3'], { env, quiet: true });
      // A broker stopped (SIGSTOP) and resumed; the active controller killed mid-change and brought back.
      vitest('faults', `faults (subset) on ${label}`, env, QUICK_FAULTS[env.KAFKA_MODE]);
      // Last on this cluster: broker 4 is added, filled, emptied and stopped.
      vitest('scale', `scale out and in (broker 4) on ${label}`, env);
    });
  }
}

try {
  await (faultsOnly ? faultsMain() : main());
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  recordPhase({ name: 'setup', passed: 0, failed: 1, skipped: 0 });
}

const total = phases.reduce((t, p) => ({ passed: t.passed + p.passed, failed: t.failed + p.failed, skipped: t.skipped + p.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
banner(`summary (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const p of phases) {
  console.log(`  ${p.failed ? 'FAIL' : 'ok  '}  ${p.name}: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped (${p.seconds} s)`);
  // The failed tests by name and reason: the summary is often all of a run's output that is kept.
  for (const failure of (p.failures ?? []).slice(0, 10)) console.log(`          ✗ ${failure}`);
}
console.log(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
