import 'server-only';
import { getConfig } from '@/server/config/current';

/** Validates the configuration once at start-up; a broken one stops the server with a readable message. */
export function checkStartup() {
  try {
    const config = getConfig();
    console.log(`kafka-console: ${config.clusters.length} cluster(s) configured: ${config.clusters.map((c) => c.id).join(', ')}`);
  } catch (error) {
    console.error(`kafka-console: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
