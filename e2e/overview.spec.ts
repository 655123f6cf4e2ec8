import { expect, test } from './fixtures';

test('the overview shows brokers up, partition risks, the KRaft quorum and the inferred version', async ({ page, request }) => {
  const api = await (await request.get('/api/v1/clusters/local/overview')).json();
  await page.goto('/clusters/local');
  await expect(page.getByText('Brokers up')).toBeVisible();
  await expect(page.getByText(`${api.brokers.up} / ${api.brokers.known}`)).toBeVisible();
  await expect(page.getByText(/inferred from ApiVersions/)).toBeVisible();
  const quorum = page.getByRole('region', { name: 'Controller quorum' });
  await expect(quorum.locator('tbody tr')).toHaveCount(api.quorum.voters.length + api.quorum.observers.length);
  await expect(quorum.getByText('leader', { exact: true })).toBeVisible();
  // Each voter's endpoints, as the API (and kafka-metadata-quorum) has them.
  for (const voter of api.quorum.voters as { endpoints: string[] | null }[]) {
    for (const endpoint of voter.endpoints ?? []) await expect(quorum.getByText(endpoint)).toBeVisible();
  }
  await page.getByText('Under-replicated').click();
  await expect(page).toHaveURL(/\/clusters\/local\/health$/);
});
