import { defineConfig } from '@playwright/test';
import { AUTH_SECRET, E2E_DIR, E2E_SERVER_LOG, OIDC_CLIENT_SECRET, OIDC_PORT, writeE2eConsoleConfig } from './e2e/console-config';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const config = writeE2eConsoleConfig();

export default defineConfig({
  testDir: 'e2e',
  // One console, one Kafka cluster: specs run one after another.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download is not available on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      use: { browserName: 'chromium', storageState: 'e2e/.auth/admin.json' },
      dependencies: ['setup'],
      testIgnore: /canary\.spec\.ts/,
    },
    // Last: reads everything the run's server logged.
    { name: 'canary', testMatch: /canary\.spec\.ts/, dependencies: ['chromium'] },
    // `npm run bench:ui` only (needs the large fixture): page timings, not a test of behaviour.
    ...(process.env.BENCH_UI
      ? [{ name: 'bench-ui', testDir: 'scripts/bench/ui', testMatch: /\.bench\.ts$/, dependencies: ['setup'] }]
      : []),
  ],
  webServer: [
    {
      // An OpenID Connect provider on loopback for the SSO login.
      command: 'node e2e/oidc-provider.mjs',
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      env: { OIDC_PORT: String(OIDC_PORT), OIDC_CLIENT_SECRET, CONSOLE_URL: baseURL },
    },
    {
      // The production build, as users run it; its output goes to a file the canary check reads.
      command: `node scripts/serve.mjs > ${E2E_SERVER_LOG} 2>&1`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        CONSOLE_CONFIG: config,
        AUTH_SECRET,
        CONSOLE_DATA_DIR: `${E2E_DIR}/data-${Date.now()}`,
        NODE_ENV: 'production',
        NEXTAUTH_URL: baseURL,
        PORT: String(PORT),
        HOSTNAME: '127.0.0.1',
      },
    },
  ],
});
