import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CANARY_SECRET, E2E_SERVER_LOG, USERS } from './console-config';
import { LoginPage } from './pages/login-page';

// Runs after every other spec: the configured SASL password and webhook URL must appear in no page, RSC payload,
// API answer or server log line of the whole run.
test('the canary secret appears nowhere', async ({ page }) => {
  const seen: string[] = [];
  page.on('response', async (response) => {
    const body = await response.text().catch(() => '');
    if (body.includes(CANARY_SECRET)) seen.push(response.url());
  });
  await new LoginPage(page).signInAndExpectConsole(USERS.admin.username, USERS.admin.password);
  for (const path of [
    '/clusters',
    '/clusters/canary/brokers',
    '/clusters/local/brokers',
    '/audit',
    '/alerts',
    '/clusters/local/dashboard',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  for (const api of [
    '/api/v1/clusters',
    '/api/v1/clusters/canary/brokers',
    '/api/v1/audit?limit=500',
    '/api/v1/audit/export.csv',
    '/api/v1/openapi.json',
    '/api/v1/alerts/rules',
    '/api/v1/alerts/events',
    '/metrics',
  ]) {
    const text = await (await page.request.get(api)).text();
    if (text.includes(CANARY_SECRET)) seen.push(api);
  }
  expect(seen).toEqual([]);
  const log = readFileSync(E2E_SERVER_LOG, 'utf8');
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(CANARY_SECRET);
});

// Next prints "⨯" before an error no handler caught (a page that failed to render, a route that threw): the whole
// run must have none, whatever each spec looked at.
test('no page or route failed with an unhandled error in the whole run', () => {
  const unhandled = readFileSync(E2E_SERVER_LOG, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.replace(/\u001b\[[0-9;]*m/g, ''), i }))
    .filter(({ line }) => line.startsWith('⨯'));
  expect(unhandled.map(({ line, i }) => `line ${i + 1}: ${line}`)).toEqual([]);
});
