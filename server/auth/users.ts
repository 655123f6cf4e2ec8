import 'server-only';
import { getConfig } from '@/server/config/current';
import type { UserConfig } from '@/server/config/schema';
import { ensureFirstAdmin } from '@/server/auth/first-admin';
import { processState } from '@/server/process-state';

const holder = processState<{ firstAdmin?: Promise<UserConfig | null> }>('firstAdmin', () => ({}));

/** Prepares the generated first admin once (at start-up, so its password is printed right away). */
export function initFirstAdmin() {
  holder.firstAdmin ??= ensureFirstAdmin(getConfig().auth.users);
  return holder.firstAdmin;
}

/** The user as the configuration says now (the file is re-read on change), or null when unknown. */
export async function findUser(username: string): Promise<UserConfig | null> {
  const wanted = username.toLowerCase();
  const configured = getConfig().auth.users.find((u) => u.username.toLowerCase() === wanted);
  if (configured) return configured;
  // The generated admin exists only while the config names no admin of its own.
  const firstAdmin = getConfig().auth.users.some((u) => u.role === 'admin' && !u.disabled) ? null : await initFirstAdmin();
  return firstAdmin && firstAdmin.username === wanted ? firstAdmin : null;
}
