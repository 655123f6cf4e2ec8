// Spawned by data-dir.ts: opens and migrates the console database in CONSOLE_DATA_DIR, then closes it.
import { closeDb, migrateDb } from '@/server/db/client';

await migrateDb();
await closeDb();
process.exit(0);
