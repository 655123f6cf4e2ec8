import { BrokersPage } from './pages/brokers-page';
import { expect, test } from './fixtures';

type BrokersApi = { controllerId: number | null; brokers: { id: number; rack: string | null; replicaCount: number }[] };

test('clusters page lists every configured cluster with its reachability', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/clusters$/);
  const local = page.locator('tr[data-cluster-id="local"]');
  await expect(local.getByText('ok', { exact: true })).toBeVisible();
  await expect(local.getByRole('cell').nth(2)).toHaveText('3');
  const down = page.locator('tr[data-cluster-id="down"]');
  await expect(down.getByText('unreachable', { exact: true })).toBeVisible();
  await expect(down.getByText('read-only')).toBeVisible();
});

test('brokers page shows the three brokers with racks and the controller the API reports', async ({ page, request }) => {
  const api = (await (await request.get('/api/v1/clusters/local/brokers')).json()) as BrokersApi;
  const brokers = new BrokersPage(page);
  await page.goto('/clusters');
  await page.getByRole('link', { name: 'Local dev' }).click();
  await expect(page).toHaveURL(/\/clusters\/local$/);
  await page.getByRole('navigation', { name: 'Cluster views' }).getByRole('link', { name: 'Brokers' }).click();
  await expect(page).toHaveURL(/\/clusters\/local\/brokers$/);
  await brokers.expectBrokerIds([1, 2, 3]);
  for (const broker of api.brokers) {
    await expect(brokers.row(broker.id).getByRole('cell').nth(2)).toHaveText(broker.rack ?? 'none');
  }
  await expect(brokers.row(api.controllerId!).getByText('controller')).toBeVisible();
  await expect(page.getByText(`controller ${api.controllerId}`)).toBeVisible();
});

test('replica counts follow the cluster without a reload', async ({ page, kafka }) => {
  const brokers = new BrokersPage(page);
  await brokers.open('local');
  await brokers.expectBrokerIds([1, 2, 3]);
  const before = await brokers.replicaCount(2);
  // Three partitions, each with a replica on broker 2.
  await kafka.createTopic({
    replicaAssignment: [
      [2, 1],
      [3, 2],
      [2, 3],
    ],
  });
  await expect.poll(() => brokers.replicaCount(2), { timeout: 20_000 }).toBeGreaterThanOrEqual(before + 3);
});

test('an unreachable cluster shows an error with a retry, and the switcher keeps the view', async ({ page }) => {
  const brokers = new BrokersPage(page);
  await brokers.open('local');
  await brokers.expectBrokerIds([1, 2, 3]);
  await brokers.switchCluster('Unreachable');
  await expect(page).toHaveURL(/\/clusters\/down\/brokers$/);
  // Next's route announcer is an alert too: pick ours by its title.
  const alert = page.getByRole('alert').filter({ hasText: 'Cannot load brokers' });
  await expect(alert).toContainText('Kafka is unavailable', { timeout: 30_000 });
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('an unknown cluster is a not-found page, and unknown APIs answer JSON', async ({ page, request }) => {
  const response = await page.goto('/clusters/no-such-cluster/brokers');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('This page or cluster does not exist.')).toBeVisible();
  const api = await request.get('/api/v1/clusters/no-such-cluster/brokers');
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Cluster "no-such-cluster" does not exist' } });
  const unknown = await request.get('/api/v1/nothing-here');
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('NOT_FOUND');
});

test('dark mode is chosen once and kept across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/clusters');
  const html = page.locator('html');
  await page.getByRole('button', { name: /theme/ }).click(); // system → light
  await expect(html).toHaveClass(/light/);
  await page.getByRole('button', { name: /theme/ }).click(); // light → dark
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(250, 250, 250)');
});

test('health and OpenAPI answer without cluster access', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect((await health.json()).status).toBe('ok');
  const openapi = await request.get('/api/v1/openapi.json');
  const doc = await openapi.json();
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths)).toContain('/api/v1/clusters/{clusterId}/brokers');
});
