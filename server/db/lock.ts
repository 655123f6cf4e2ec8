import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { processState } from '@/server/process-state';

/**
 * One process per PGlite data directory: two PGlite instances on the same files corrupt them. The lock is a
 * file holding the owner's pid. It appears atomically (written aside, then hard-linked into place, which fails
 * if the lock exists), so a reader never sees it half-written. A lock whose pid is dead, or is our own pid (a
 * container restarts the console under the same pid), is stale and taken over. Within one process a second
 * opener of the same directory is refused too (`held`).
 *
 * Limit: two processes taking over the same stale lock at the same instant can both succeed; the console is
 * started once per data directory, so this needs two simultaneous starts right after a crash.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      pid === process.pid
        ? `The console database at ${path.dirname(lockPath)} is already open in this process`
        : `The console database at ${path.dirname(lockPath)} is in use by process ${pid} (lock file ${lockPath}); ` +
            'stop that process, or delete the lock file if that pid is not a console',
    );
    this.name = 'DataDirLockedError';
  }
}

// Lock files this process holds, process-wide so a dev hot reload still sees them.
const held = processState<Set<string>>('consoleDbLocks', () => new Set());

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): number | null {
  try {
    return Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Takes the lock file or throws DataDirLockedError; returns the release function (idempotent). */
export function acquireLock(lockPath: string): () => void {
  const resolved = path.resolve(lockPath);
  if (held.has(resolved)) throw new DataDirLockedError(resolved, process.pid);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const pending = `${resolved}.${process.pid}.tmp`;
  fs.writeFileSync(pending, `${process.pid}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.linkSync(pending, resolved);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      }
      const owner = readOwner(resolved);
      if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DataDirLockedError(resolved, owner);
      fs.rmSync(resolved, { force: true });
    }
  } finally {
    fs.rmSync(pending, { force: true });
  }
  held.add(resolved);
  // Best effort on a plain exit; after a crash the next start finds a dead pid and takes the lock over.
  const onExit = () => removeIfOurs(resolved);
  process.once('exit', onExit);
  return () => {
    if (!held.delete(resolved)) return;
    process.removeListener('exit', onExit);
    removeIfOurs(resolved);
  };
}

function removeIfOurs(lockPath: string) {
  try {
    if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  } catch {
    // The lock is gone or unreadable: nothing of ours to remove.
  }
}
