import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { UserConfig } from '@/server/config/schema';
import { hashPassword } from '@/server/auth/passwords';

// turbopackIgnore: runtime data, not code; without it Next's output tracing would copy the whole project.
const consoleDataDir = () => path.resolve(/* turbopackIgnore: true */ process.env.CONSOLE_DATA_DIR ?? '.data/console');

/**
 * There is no default password. When the config names no admin, the first admin comes from
 * CONSOLE_ADMIN_PASSWORD, or else a random password is generated, printed once, and only its hash kept.
 */
export async function ensureFirstAdmin(configured: readonly UserConfig[]): Promise<UserConfig | null> {
  if (configured.some((u) => u.role === 'admin' && !u.disabled)) return null;
  const fromEnv = process.env.CONSOLE_ADMIN_PASSWORD;
  if (fromEnv) return adminUser(await hashPassword(fromEnv));
  const file = path.join(consoleDataDir(), 'first-admin.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { passwordHash: string };
    return adminUser(saved.passwordHash);
  }
  const password = randomBytes(18).toString('base64url');
  const passwordHash = await hashPassword(password);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ username: 'admin', passwordHash }, null, 2) + '\n', { mode: 0o600 });
  // Printed once, on purpose: this is the only time the password exists outside the operator's hands.
  console.log(`kafka-console: no admin configured; created user "admin" with password: ${password}`);
  console.log(`kafka-console: only its hash is kept (${file}); add users to the config to replace it`);
  return adminUser(passwordHash);
}

function adminUser(passwordHash: string): UserConfig {
  return { username: 'admin', passwordHash, role: 'admin', disabled: false };
}
