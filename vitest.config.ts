import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@': root,
  // `server-only` throws outside React Server Components; tests import server modules directly.
  'server-only': path.join(root, 'test/support/server-only.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['{lib,server,components,scripts}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.db.test.ts', 'node_modules/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          // The console database on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
          name: 'db',
          environment: 'node',
          include: ['server/**/*.db.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/**/*.int.test.ts'],
          // They stop or add brokers: only in their own phases, after everything else on that cluster.
          exclude: ['test/degraded/**', 'test/scale/**', 'test/faults/**', 'test/quorum/**', 'node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/setup-env.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One cluster, shared by every file: run files one after another so CLI oracles see a quiet cluster.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // The same cluster with broker 3 stopped (the tests stop it and start it again).
          name: 'degraded',
          environment: 'node',
          include: ['test/degraded/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/setup-env.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Faults done to the same cluster: brokers stopped (SIGSTOP), killed (SIGKILL) and brought back, the
          // active controller killed mid-change. `npm run test:faults` runs them all; `npm test` a subset.
          name: 'faults',
          environment: 'node',
          include: ['test/faults/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/setup-env.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // The same cluster grown to a 4th broker, which is filled, emptied and stopped (and started again at the end).
          name: 'scale',
          environment: 'node',
          include: ['test/scale/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/setup-env.ts'],
          testTimeout: 240_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Voters added to and removed from the dynamic-quorum cluster (KAFKA_QUORUM=dynamic): only
          // `npm run test:quorum` runs them, never `npm test`.
          name: 'quorum',
          environment: 'node',
          include: ['test/quorum/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/setup-env.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
