import 'server-only';
import { initFirstAdmin } from '@/server/auth/users';
import { getConfig } from '@/server/config/current';
import { migrateDb } from '@/server/db/client';

const MIN_SECRET_BYTES = 32;

/** Refuses to start on a broken config or a weak AUTH_SECRET; prepares the database and the first admin. */
export async function startConsole() {
  try {
    const config = getConfig();
    const secret = process.env.AUTH_SECRET ?? '';
    if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
      throw new Error(
        `AUTH_SECRET must be set to at least ${MIN_SECRET_BYTES} bytes (e.g. \`openssl rand -base64 32\`); it signs login sessions`,
      );
    }
    await migrateDb();
    await initFirstAdmin();
    console.log(`kafka-console: ${config.clusters.length} cluster(s) configured: ${config.clusters.map((c) => c.id).join(', ')}`);
  } catch (error) {
    console.error(`kafka-console: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
