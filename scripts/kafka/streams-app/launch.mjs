// Starts the streams-group workload (WordCountWorkload.java through scripts/kafka/bin/kafka-streams-wordcount) for
// the tests, the e2e fixtures and the demo: resolves once Kafka Streams reports RUNNING; stop() closes it (SIGTERM,
// so the members leave the group) and removes its state directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/kafka-streams-wordcount');

/**
 * @param {{ bootstrap: string, applicationId: string, input: string, output: string, threads?: number,
 *   env?: NodeJS.ProcessEnv, startTimeoutMs?: number }} options
 */
export async function startStreamsApp({
  bootstrap,
  applicationId,
  input,
  output,
  threads = 1,
  env = process.env,
  startTimeoutMs = 90_000,
}) {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'streams-state-'));
  const args = ['--bootstrap-server', bootstrap, '--application-id', applicationId, '--input-topic', input, '--output-topic', output];
  const child = spawn(TOOL, [...args, '--state-dir', stateDir, '--threads', String(threads)], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the streams application did not start in ${startTimeoutMs / 1000} s: ${stderr}`)),
        startTimeoutMs,
      );
      child.stdout.on('data', (chunk) => {
        if (!chunk.toString().includes('RUNNING')) return;
        clearTimeout(timer);
        resolve(undefined);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the streams application exited (${code}): ${stderr}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop, pid: child.pid };
}

/** The internal topics the group coordinator creates for the workload (KIP-1071), to delete with it. */
export const streamsAppInternalTopics = (applicationId) => [`${applicationId}-words-repartition`, `${applicationId}-word-counts-changelog`];
