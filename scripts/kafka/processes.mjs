// Starting and stopping the cluster's JVMs as detached background processes tracked by pid files.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { libsDir, loggingOptions } from './fetch.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pid of a process we started for this config file, or null (a stale pid file is ignored). */
export function runningPid(proc) {
  if (!existsSync(proc.pidFile)) return null;
  const pid = Number.parseInt(readFileSync(proc.pidFile, 'utf8'), 10);
  if (!Number.isInteger(pid)) return null;
  try {
    // pid reuse: only a process started with our config file counts as ours.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(proc.configFile) ? pid : null;
  } catch {
    return null;
  }
}

export function startJvm(layout, proc, mainClass, { heap }) {
  const { kafka, configDir } = layout;
  mkdirSync(path.dirname(proc.logFile), { recursive: true });
  mkdirSync(path.dirname(proc.pidFile), { recursive: true });
  const out = openSync(proc.logFile, 'a');
  const args = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${path.dirname(proc.logFile)}`,
    ...loggingOptions(kafka, configDir),
    '-cp',
    `${libsDir(kafka.version)}/*`,
    mainClass,
    proc.configFile,
  ];
  const child = spawn('java', args, { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  writeFileSync(proc.pidFile, `${child.pid}\n`);
  child.unref();
  return child.pid;
}

/** SIGTERM (Kafka's controlled shutdown), then SIGKILL after the grace period. */
export async function stopProcess(proc, graceMs) {
  const pid = runningPid(proc);
  if (pid === null) {
    rmSync(proc.pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && runningPid(proc) === pid) await sleep(200);
  if (runningPid(proc) === pid) {
    console.error(`${proc.name} did not stop within ${graceMs / 1000} s; killing it`);
    process.kill(pid, 'SIGKILL');
    while (runningPid(proc) === pid) await sleep(100);
  }
  rmSync(proc.pidFile, { force: true });
  return true;
}

export function logTail(proc, lines = 40) {
  if (!existsSync(proc.logFile)) return `(no log at ${proc.logFile})`;
  return readFileSync(proc.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Refuses to start a process whose ports another process holds (another checkout's cluster, say). */
export async function assertPortsFree(proc, ports) {
  for (const port of ports) {
    if (!(await portIsFree(port))) {
      throw new Error(`cannot start ${proc.name}: 127.0.0.1:${port} is in use by another process (another cluster? see KAFKA_PORT_OFFSET)`);
    }
  }
}
