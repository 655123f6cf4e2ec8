// The console database the benchmark's processes open, as the console does at start-up (listBrokers records
// brokers there). Unless DATABASE_URL is set, each process gets its own throwaway PGlite directory: PGlite allows
// one process per directory, the cold processes run while the main one holds its own, and the checkout's
// .data/console may be held by a running console. All are copies of one template, created and migrated once,
// so every process opens an existing database like a restarted console (a new one takes 5+ s and 850 MB).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TEMPLATE_ENV = 'BENCH_CONSOLE_DB_TEMPLATE';

const newDir = () => mkdtempSync(path.join(os.tmpdir(), 'bench-console-'));

/** Creates and migrates the template (in a child process, so this one never loads PGlite twice). */
export function prepareTemplate(): () => void {
  if (process.env.DATABASE_URL) return () => {};
  const template = newDir();
  const child = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(import.meta.dirname, 'db-template.ts')],
    { encoding: 'utf8', env: { ...process.env, CONSOLE_DATA_DIR: template }, timeout: 120_000 },
  );
  if (child.status !== 0) throw new Error(`could not create the console database template:\n${child.stderr}`);
  process.env[TEMPLATE_ENV] = template;
  return () => rmSync(template, { recursive: true, force: true });
}

/** Points CONSOLE_DATA_DIR at a fresh copy of the template for this process; returns the cleanup. */
export function setThrowawayDataDir(): () => void {
  if (process.env.DATABASE_URL) return () => {};
  const dir = newDir();
  const template = process.env[TEMPLATE_ENV];
  if (template) cpSync(template, dir, { recursive: true, filter: (source) => path.basename(source) !== 'console.lock' });
  process.env.CONSOLE_DATA_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
