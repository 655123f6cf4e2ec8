import { USERS } from './console-config';
import { expect, test } from './fixtures';
import { AlertsPage } from './pages/alerts-page';
import { LoginPage } from './pages/login-page';

test('an admin creates a lag rule in the UI and sees it fire, mutes it and deletes it', async ({ page, kafka }) => {
  // A group 40 messages behind: 20 records in each of 2 partitions, offsets committed at 0 and no member.
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
    ],
  });
  await kafka.produce(topic, 2, 20);
  const groupId = `e2e-alert-${Date.now()}`;
  await kafka.commitOffsets(groupId, topic, [0, 0]);

  const alerts = new AlertsPage(page);
  await alerts.open();
  const name = `lag of ${groupId}`;
  await alerts.createRule({ kind: 'Group lag', name, clusterId: 'local', groupPattern: groupId, threshold: '10', forMinutes: '0' });
  await expect(alerts.ruleRow(name)).toContainText('lag > 10 messages');
  await expect(alerts.ruleRow(name)).toContainText(`groups ${groupId}`);

  // `local` is sampled every 2 s and the rule fires at the first pass that sees the lag; the section polls.
  const firing = alerts.firingRow(name);
  await expect(firing).toContainText('lag 40 > 10', { timeout: 30_000 });
  await expect(firing.getByRole('link', { name: groupId })).toHaveAttribute('href', `/clusters/local/consumer-groups/${groupId}`);
  await expect(firing).toContainText('no channels');
  await expect(alerts.ruleRow(name).getByRole('cell').nth(6)).toHaveText('1');

  await alerts.mute(name);
  await expect(alerts.ruleRow(name).getByText('muted', { exact: true })).toBeVisible();
  await expect(alerts.rules.getByRole('button', { name: `Unmute ${name}` })).toBeVisible();

  // Deleting closes its open alert without notifications: it leaves Firing now too, and stays in the history.
  await alerts.deleteRule(name);
  await expect(alerts.ruleRow(name)).toHaveCount(0);
  await expect(firing).toHaveCount(0);
  await expect(
    alerts.history.getByRole('table', { name: 'Alert history' }).locator('tbody tr').filter({ hasText: name }).first(),
  ).toContainText('The rule was deleted');
});

test.describe('a viewer', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('reads the alerts page without the rule controls, and the server refuses a new rule', async ({ page, playwright, baseURL }) => {
    // A rule made by the admin through the API, so the viewer has one to see.
    const admin = await playwright.request.newContext({
      baseURL,
      storageState: 'e2e/.auth/admin.json',
      extraHTTPHeaders: { origin: baseURL! },
    });
    const rule = { kind: 'broker-missing', name: `brokers seen by a viewer ${Date.now()}`, clusterId: 'local' };
    const created = await admin.post('/api/v1/alerts/rules', { data: rule });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    try {
      await new LoginPage(page).signInAndExpectConsole(USERS.viewer.username, USERS.viewer.password);
      const alerts = new AlertsPage(page);
      await alerts.openFromNavigation();
      await expect(alerts.ruleRow(rule.name)).toContainText('a broker missing');
      await expect(alerts.firing).toBeVisible();
      await expect(alerts.history).toBeVisible();
      await expect(alerts.newRule).toHaveCount(0);
      await expect(alerts.rules.getByRole('button')).toHaveCount(0);
      const refused = await page.request.post('/api/v1/alerts/rules', {
        headers: { origin: baseURL! },
        data: { ...rule, name: 'not allowed' },
      });
      expect(refused.status()).toBe(403);
    } finally {
      await admin.delete(`/api/v1/alerts/rules/${id}`);
      await admin.dispose();
    }
  });
});
