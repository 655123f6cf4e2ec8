import { USERS } from './console-config';
import { expect, test } from './fixtures';
import { ConsumerGroupPage } from './pages/consumer-group-page';
import { LoginPage } from './pages/login-page';
import { MessagesPage } from './pages/messages-page';
import { TopicPage } from './pages/topic-page';

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

test('from a lagging group to the record at its committed offset', async ({ page, kafka }) => {
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
    ],
  });
  await kafka.produce(topic, 2, 10);
  const group = `e2e-stuck-${Date.now()}`;
  await kafka.commitOffsets(group, topic, [4, 10]);

  const groupPage = new ConsumerGroupPage(page);
  await groupPage.open('local', group);
  await groupPage.offsets.getByRole('link', { name: `Record at offset 4 of ${topic} partition 0` }).click();
  const messages = new MessagesPage(page);
  await expect(page).toHaveURL(/\/messages\?partitions=0&from=offset%3A4&limit=10$/);
  await expect.poll(() => messages.positions()).toEqual(['0:4', '0:5', '0:6', '0:7', '0:8', '0:9']);
  await messages.openRecord(0, 4);
  await expect(messages.record.getByRole('region', { name: 'Value' })).toContainText('record 4');
});

test('keys, values and headers that hold markup render as text, in the table and the record view', async ({ page, kafka }) => {
  const topic = await kafka.createTopic({ replicaAssignment: [[1, 2]] });
  await kafka.send(topic, [{ partition: 0, key: XSS, value: `{"html":${JSON.stringify(XSS)}}`, headers: { [XSS]: XSS } }]);
  const messages = new MessagesPage(page);
  await messages.open('local', topic);
  await expect(messages.row(0, 0)).toContainText('<img src=x');
  await messages.openRecord(0, 0);
  await expect(messages.record.getByRole('region', { name: 'Key' })).toContainText(XSS);
  await expect(messages.record.getByRole('region', { name: 'Headers' })).toContainText(XSS);
  await expect(messages.record.getByRole('region', { name: 'Value' })).toContainText('onerror');
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('pages, filters, a live tail and producing from the page', async ({ page, kafka }) => {
  const topic = await kafka.createTopic({
    replicaAssignment: [
      [1, 2],
      [2, 3],
      [3, 1],
    ],
  });
  await kafka.send(
    topic,
    Array.from({ length: 30 }, (_, i) => ({ partition: i % 3, key: `k${i}`, value: JSON.stringify({ n: i, even: i % 2 === 0 }) })),
  );
  const messages = new MessagesPage(page);
  await messages.open('local', topic, 'limit=20');
  await expect.poll(async () => (await messages.positions()).length).toBe(20);
  await page.getByRole('button', { name: '← Older' }).click();
  await expect.poll(async () => (await messages.positions()).length).toBe(10);
  await expect(page.getByRole('button', { name: '← Older' })).toBeDisabled();

  await messages.filter.fill('value.n >');
  await expect(page.getByText(/expected a value/)).toBeVisible();
  await messages.filter.fill('value.even == true and value.n >= 20');
  await messages.read();
  await expect.poll(async () => (await messages.positions()).length).toBe(5);
  await expect(page).toHaveURL(/filter=value\.even/);

  // The tail keeps the filter: of two records sent (the one that does not match first), only the match shows.
  await messages.startLiveTail();
  await kafka.send(topic, [
    { partition: 1, key: 'tail-odd', value: '{"n":99,"even":false}' },
    { partition: 1, key: 'tail-even', value: '{"n":98,"even":true}' },
  ]);
  await expect(messages.table).toContainText('tail-even');
  await expect(messages.table).not.toContainText('tail-odd');
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await messages.startLiveTail();
  await kafka.send(topic, [{ partition: 2, key: 'tail-2', value: 'arrived while tailing' }]);
  await expect(messages.table).toContainText('arrived while tailing');
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('button', { name: 'Back to pages' }).click();

  await messages.produce({ key: 'from-ui', value: 'written from the console', headers: [['source', 'e2e']] });
  await messages.read();
  await messages.openRecord(await partitionOf(messages, 'written from the console'), await offsetOf(messages, 'written from the console'));
  await expect(messages.record.getByRole('region', { name: 'Headers' })).toContainText('source');
});

async function findRow(messages: MessagesPage, text: string) {
  await expect(messages.table).toContainText(text);
  const position = await messages.table.locator('tbody tr[data-record]', { hasText: text }).first().getAttribute('data-record');
  return position!.split(':');
}
const partitionOf = async (messages: MessagesPage, text: string) => Number((await findRow(messages, text))[0]);
const offsetOf = async (messages: MessagesPage, text: string) => (await findRow(messages, text))[1]!;

test.describe('as a viewer', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('no record contents anywhere: no tab, no links, the page and the API refuse', async ({ page, kafka }) => {
    const topic = await kafka.createTopic({ replicaAssignment: [[1, 2]] });
    await kafka.send(topic, [{ partition: 0, key: 'secret-key', value: 'secret value' }]);
    const group = `e2e-viewer-${Date.now()}`;
    await kafka.commitOffsets(group, topic, [0]);
    await new LoginPage(page).signInAndExpectConsole(USERS.viewer.username, USERS.viewer.password);

    const topicPage = new TopicPage(page);
    await topicPage.open('local', topic);
    await expect(topicPage.heading(topic)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Messages' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /records of partition/ })).toHaveCount(0);
    const groupPage = new ConsumerGroupPage(page);
    await groupPage.open('local', group);
    await expect(groupPage.offsets).toBeVisible();
    await expect(groupPage.offsets.getByRole('link', { name: /^Record at offset/ })).toHaveCount(0);

    await new MessagesPage(page).open('local', topic);
    await expect(page.getByText('Not allowed')).toBeVisible();
    const api = await page.request.get(`/api/v1/clusters/local/topics/${topic}/messages`);
    expect(api.status()).toBe(403);
    const stream = await page.request.get(`/api/v1/clusters/local/topics/${topic}/messages?live=true`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(stream.status()).toBe(403);
    expect(await page.content()).not.toContain('secret value');
  });
});
