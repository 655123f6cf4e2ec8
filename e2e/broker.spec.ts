import { BrokerPage } from './pages/broker-page';
import { BrokersPage } from './pages/brokers-page';
import { expect, test } from './fixtures';

type ConfigsApi = { configs: { name: string; value: string | null; source: string; isDefault: boolean; isSensitive: boolean }[] };
type BrokerApi = { broker: { host: string; port: number; rack: string | null; leaderCount: number }; logDirs: { path: string }[] };

test('a broker page shows its address, log dirs and configs with their source, secrets hidden', async ({ page, request }) => {
  const api = (await (await request.get('/api/v1/clusters/local/brokers/2')).json()) as BrokerApi & ConfigsApi;
  const brokers = new BrokersPage(page);
  const broker = new BrokerPage(page);
  await brokers.open('local');
  await brokers.row(2).getByRole('link', { name: 'Broker 2' }).click();
  await expect(page).toHaveURL(/\/clusters\/local\/brokers\/2$/);
  await expect(broker.heading(2)).toBeVisible();
  await expect(broker.fact('Address')).toHaveText(`${api.broker.host}:${api.broker.port}`);
  await expect(broker.fact('Rack')).toHaveText(api.broker.rack ?? 'none');
  for (const dir of api.logDirs) await expect(broker.logDirs.locator(`tr[data-log-dir="${dir.path}"]`)).toContainText('online');

  // Values set on the broker (server.properties or dynamic) come first and are marked with their source.
  const own = api.configs.filter((c) => !c.isDefault).map((c) => c.name);
  expect(own).toContain('advertised.listeners');
  expect((await broker.configNames()).slice(0, own.length)).toEqual(own);
  await expect(broker.configRow('advertised.listeners')).toContainText('static (server.properties)');
  const inherited = api.configs.find((c) => c.source === 'default' && c.value !== null)!;
  await expect(broker.configRow(inherited.name)).toContainText(`${inherited.value}Kafka default`);
  const secret = api.configs.find((c) => c.isSensitive && c.source === 'static-broker');
  expect(secret?.value).toBeNull();
  await broker.configFilter.fill(secret!.name);
  await expect.poll(() => broker.configNames()).toEqual([secret!.name]);
  await expect(broker.configRow(secret!.name)).toContainText('hidden (sensitive)');
  await expect(page).toHaveURL(/configQ=/);

  await broker.configFilter.fill('');
  await broker.onlySetHere.check();
  await expect(page).toHaveURL(/[?&]configs=set/);
  await expect.poll(() => broker.configNames()).toEqual(own);
});

test('an unknown broker answers 404 with a way back', async ({ page }) => {
  const broker = new BrokerPage(page);
  for (const id of ['99', 'abc']) {
    const response = await broker.open('local', id);
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Broker not found')).toBeVisible();
  }
  await page.getByRole('link', { name: 'All brokers' }).click();
  await expect(page).toHaveURL(/\/clusters\/local\/brokers$/);
});
