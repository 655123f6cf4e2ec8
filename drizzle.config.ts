// drizzle-kit: `npx drizzle-kit generate` writes SQL migrations for server/db/schema.ts into server/db/migrations/,
// which the console applies itself on first use (server/db/open.ts). Never edit a generated migration by hand.
// drizzle applies a migration only when its journal time (`when`) is later than the last applied one: generate
// on a machine with a correct clock (server/db/migrations.test.ts checks the order).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
