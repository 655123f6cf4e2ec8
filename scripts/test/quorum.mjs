// `npm run test:quorum`: controller quorum membership (KIP-853) on the dynamic-quorum dev cluster. Starts that
// cluster (KAFKA_QUORUM=dynamic, port offset 3000) unless it is running, runs the `quorum` Vitest project against it,
// and stops it again if it started it. `npm test` never runs these: adding and removing voters needs its own cluster.
// Ends with one line: "Total: N passed, N failed, N skipped", like npm test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT = path.join(ROOT, 'test-results', 'quorum.json');
// The dynamic-quorum cluster of the default Kafka version; its own offset and data directory (dynamic-quorum.mjs).
const ENV = { ...process.env, KAFKA_QUORUM: 'dynamic', KAFKA_MODE: 'kraft' };

const run = (args, { quiet = false } = {}) =>
  spawnSync(args[0], args.slice(1), { cwd: ROOT, env: ENV, stdio: quiet ? 'ignore' : 'inherit' }).status === 0;
const cluster = (command, options) => run(['node', 'scripts/kafka/cluster.mjs', command], options);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

const started = Date.now();
const startedHere = !cluster('status', { quiet: true });
let counts = { passed: 0, failed: 1, skipped: 0 };
try {
  if (startedHere) console.log('\n=== start the dynamic-quorum cluster ===');
  else console.log('\nthe dynamic-quorum cluster is already running: using it and leaving it running');
  if (!startedHere || cluster('up')) {
    const clusterSeconds = seconds(started);
    const testsStarted = Date.now();
    console.log('\n=== quorum membership tests ===');
    mkdirSync(path.dirname(REPORT), { recursive: true });
    rmSync(REPORT, { force: true });
    const ok = run(['npx', 'vitest', 'run', '--project', 'quorum', '--reporter=default', '--reporter=json', `--outputFile=${REPORT}`]);
    if (existsSync(REPORT)) {
      const report = JSON.parse(readFileSync(REPORT, 'utf8'));
      counts = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
    }
    // A runner that crashed before reporting still fails the run.
    if (!ok && counts.failed === 0) counts.failed = 1;
    console.log(`\ncluster ready after ${clusterSeconds}, tests took ${seconds(testsStarted)}`);
  }
} finally {
  if (startedHere) {
    console.log('\n=== stop the dynamic-quorum cluster ===');
    cluster('down');
  }
}
console.log(`Total: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds(started)})`);
process.exit(counts.failed === 0 && counts.passed > 0 ? 0 : 1);
