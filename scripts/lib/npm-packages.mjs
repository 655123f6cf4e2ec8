// Installs npm packages when node_modules is missing or older than package-lock.json.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export function ensureNpmPackages(root) {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // `npm install` with the committed lock installs exactly its versions. Not `npm ci`: this machine's npm
  // records only the platform's own optional binaries (SWC, Tailwind's oxide) in the lock, and `npm ci`
  // then refuses the lock as out of sync.
  console.log('\n=== npm install (from package-lock.json) ===');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm install failed');
}
