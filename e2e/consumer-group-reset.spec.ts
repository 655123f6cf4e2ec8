import { ConsumerGroupPage } from './pages/consumer-group-page';
import { expect, test } from './fixtures';

test('a stopped group: preview a reset, confirm it, and the lag changes as previewed; a live group is refused', async ({
  page,
  request,
  kafka,
  baseURL,
}) => {
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
    ],
  });
  await kafka.produce(topic, 2, 10);
  const stopped = `e2e-reset-${Date.now()}`;
  await kafka.commitOffsets(stopped, topic, [10, 10]);

  const group = new ConsumerGroupPage(page);
  await group.open('local', stopped);
  await page.getByRole('button', { name: 'Reset offsets…' }).click();
  const dialog = page.getByRole('dialog', { name: `Reset offsets of ${stopped}` });
  await dialog.getByRole('combobox', { name: 'Strategy' }).selectOption('shift');
  await dialog.getByRole('textbox', { name: 'Shift by' }).fill('-4');
  await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = dialog.getByRole('table', { name: 'Reset preview' });
  await expect(preview.locator('tbody tr')).toHaveCount(2);
  for (const row of await preview.locator('tbody tr').all()) {
    await expect(row.getByRole('cell').nth(2)).toHaveText('10');
    await expect(row.getByRole('cell').nth(3)).toHaveText('6');
    await expect(row.getByRole('cell').nth(4)).toHaveText('4');
  }
  const confirm = dialog.getByRole('button', { name: 'Reset offsets', exact: true });
  await dialog.getByRole('textbox', { name: 'Type the group id to confirm' }).fill(`${stopped}-typo`);
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type the group id to confirm' }).fill(stopped);
  await confirm.click();
  await expect(dialog).toBeHidden();
  // The page's rows follow: CURRENT-OFFSET 6 and LAG 4 on both partitions, as previewed.
  await expect
    .poll(async () => (await group.rows()).map((r) => [r[2], r[4]]))
    .toEqual([
      ['6', '4'],
      ['6', '4'],
    ]);

  // A group with a live member: the page refuses to offer the reset, and the API answers 409.
  const live = `e2e-live-${Date.now()}`;
  const consumer = kafka.consumer(live);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async () => {} });
  try {
    await expect
      .poll(
        async () => ((await (await request.get(`/api/v1/clusters/local/consumer-groups/${live}`)).json()) as { state?: string }).state,
        { timeout: 30_000 },
      )
      .toBe('Stable');
    await group.open('local', live);
    await expect(page.getByRole('button', { name: 'Reset offsets…' })).toBeDisabled();
    const refused = await request.post(`/api/v1/clusters/local/consumer-groups/${live}/offsets/reset`, {
      headers: { origin: baseURL! },
      data: { strategy: 'earliest', confirm: live },
    });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');
  } finally {
    await consumer.disconnect();
  }
});
