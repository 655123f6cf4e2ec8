import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, DataDirLockedError, isAlive } from '@/server/db/lock';

const dirs: string[] = [];
function lockPath() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-lock-test-'));
  dirs.push(dir);
  return path.join(dir, 'console.lock');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A pid no process has: above Linux's largest pid_max (2^22). */
const DEAD_PID = 4_194_305;

describe('acquireLock', () => {
  it('writes our pid and removes the file on release (twice is harmless)', () => {
    const file = lockPath();
    const release = acquireLock(file);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(String(process.pid));
    release();
    release();
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('creates the missing parent directories', () => {
    const file = path.join(path.dirname(lockPath()), 'a', 'b', 'console.lock');
    acquireLock(file)();
  });

  it('refuses a lock held by another live process, naming its pid', () => {
    const file = lockPath();
    const other = process.ppid;
    expect(isAlive(other)).toBe(true);
    fs.writeFileSync(file, `${other}\n`);
    expect(() => acquireLock(file)).toThrow(DataDirLockedError);
    expect(() => acquireLock(file)).toThrow(new RegExp(`in use by process ${other} `));
    // The other process's lock is left alone.
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(String(other));
  });

  it('takes over a stale lock of a dead process, an unreadable one, and one with our own pid', () => {
    expect(isAlive(DEAD_PID)).toBe(false);
    for (const content of [`${DEAD_PID}\n`, 'garbage', '', `${process.pid}\n`]) {
      const file = lockPath();
      fs.writeFileSync(file, content);
      const release = acquireLock(file);
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(String(process.pid));
      release();
    }
  });

  it('refuses a second holder in the same process until the first releases', () => {
    const file = lockPath();
    const release = acquireLock(file);
    expect(() => acquireLock(file)).toThrow(/already open in this process/);
    release();
    acquireLock(file)();
  });

  it('does not remove a lock another process took after ours was removed', () => {
    const file = lockPath();
    const release = acquireLock(file);
    fs.writeFileSync(file, `${process.ppid}\n`);
    release();
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(String(process.ppid));
  });
});

describe('isAlive', () => {
  it('knows our own process and rejects impossible pids', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(0)).toBe(false);
    expect(isAlive(-1)).toBe(false);
    expect(isAlive(Number.NaN)).toBe(false);
  });
});
