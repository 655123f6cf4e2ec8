import { expect, test } from './fixtures';
import { ClientMetricsPage } from './pages/client-metrics-page';

// The e2e cluster is Kafka 4.x on KRaft: it has the CLIENT_METRICS resource (KIP-714).
test('an admin creates, edits and deletes a client metrics subscription; bad input shows on its field', async ({ page, baseURL }) => {
  // A space and a "/" in the name: the edit and delete URLs must carry it as one path segment.
  const name = `e2e metrics/${Date.now().toString(36)}`;
  try {
    await page.goto('/clusters/local');
    const metrics = new ClientMetricsPage(page);
    await metrics.openFromNav();
    await expect(page).toHaveURL(/\/clusters\/local\/client-metrics$/);

    const refused = await metrics.create({ name, metrics: 'org.apache.kafka.producer.', intervalMs: '50', match: 'nobody=x' });
    await expect(refused.getByLabel('Push interval (ms)')).toHaveAccessibleDescription(/at least 100 ms/);
    await expect(refused.getByLabel('Match', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await refused.getByLabel('Push interval (ms)').fill('5000');
    await refused.getByLabel('Match', { exact: true }).fill('client_id=e2e-.*\nclient_software_name=apache-kafka-java');
    await refused.getByRole('button', { name: 'Create subscription' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Subscription ${name} created` })).toBeVisible();
    const row = metrics.row(name);
    await expect(row).toContainText('org.apache.kafka.producer.');
    await expect(row).toContainText('5,000');
    await expect(row).toContainText('client_software_name=apache-kafka-java');

    await metrics.edit(name, { metrics: '*', match: '' });
    await expect(page.getByRole('status').filter({ hasText: `Subscription ${name} updated` })).toBeVisible();
    await expect(row).toContainText('every client');
    await expect(row).toContainText('*');

    await metrics.delete(name);
    await expect(page.getByRole('status').filter({ hasText: `Subscription ${name} deleted` })).toBeVisible();
    await expect(metrics.row(name)).toHaveCount(0);
  } finally {
    // Only when the test failed before deleting it (404 otherwise).
    await page.request.delete(`/api/v1/clusters/local/client-metrics/${encodeURIComponent(name)}`, {
      data: { confirm: name },
      headers: { origin: new URL(baseURL!).origin },
    });
  }
});
