import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/messages/export/route';
import { GET } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/messages/route';
import type { MessagesResponse } from '@/lib/schemas/messages';
import { closeAllConnections } from '@/server/kafka/clients';
import { TEST_TOKENS, bearer } from './support/auth';
import { kafkaCli } from './support/cli';
import { readEvents } from './support/event-stream';
import { kafkaTarget } from './support/kafka-target';
import { kcatProduce } from './support/messages-cli';
import { callRoute } from './support/routes';

// test/support/setup-env.ts masks it-masked-* topics: card numbers (regex, admins and operators), `phone` fields and
// $.card.holder (hashed, every role).
const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const topic = `it-masked-${Date.now()}`;
const params = { clusterId: 'local', topic };
const base = `/api/v1/clusters/local/topics/${topic}/messages`;
const CARD = '4111 1111 1111 1111';
const CARD_DIGITS = '4111111111111111';
const PHONE = '+86 138 0013 8000';
const HOLDER = 'Zhang Wei';
/**
 * Every form a secret could leave the server in: as written, and as JSON or base64 would carry it. Partial forms are
 * long enough not to occur by chance: '4111' alone once matched inside an epoch-millisecond timestamp of the page.
 */
const SECRETS = [
  CARD,
  CARD_DIGITS,
  '4111 1111',
  '41111111',
  PHONE,
  '13800138000',
  HOLDER,
  Buffer.from(CARD).toString('base64'),
  Buffer.from(HOLDER).toString('base64'),
];

function expectNoSecret(text: string, where: string) {
  for (const secret of SECRETS) expect(text.includes(secret), `${where} carries ${secret}`).toBe(false);
}

describe(`masking of record contents on ${target.label}`, () => {
  beforeAll(() => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--partitions',
      '2',
      '--replication-factor',
      '1',
    ]);
    kcatProduce(
      topic,
      [
        `order-1:{"card":{"number":"${CARD}","holder":"${HOLDER}"},"contact":{"phone":"${PHONE}"},"amount":12}`,
        `order-2:{"card":{"number":${CARD_DIGITS},"holder":"${HOLDER}"},"note":"paid with ${CARD}"}`,
        `card ${CARD}:plain text ${CARD} and ${CARD_DIGITS}`,
      ],
      { partition: 0, compression: 'gzip', headers: [`card=${CARD}`] },
    );
    kcatProduce(topic, [`order-3:{"contact":{"phone":"${PHONE}"}}`], { partition: 1 });
  });
  afterAll(async () => {
    kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]);
    await closeAllConnections();
  });

  it('masks before any byte leaves: JSON pages, scans, live tails and downloads, for admins and operators', async () => {
    for (const token of [TEST_TOKENS.admin, TEST_TOKENS.operator]) {
      const json = await callRoute(GET, `${base}?from=oldest`, params, { token });
      expect(json.status).toBe(200);
      const body = json.body as MessagesResponse;
      expect(body.messages.length).toBeGreaterThanOrEqual(4);
      expect(body.messages.every((m) => m.masked)).toBe(true);
      expectNoSecret(json.text, 'the JSON page');
      const scan = await readEvents(GET, `${base}?from=oldest&filter=${encodeURIComponent('exists(value.card.holder)')}`, params, {
        token,
      });
      expect(scan.events.filter((e) => e.event === 'message')).toHaveLength(2);
      expectNoSecret(scan.text, 'the scan');
      const tail = readEvents(GET, `${base}?live=true&maxSeconds=20`, params, {
        token,
        until: (events) => events.some((e) => e.event === 'message'),
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      kcatProduce(topic, [`live:{"card":{"number":"${CARD}"}}`], { partition: 1 });
      const live = await tail;
      expect(live.events.some((e) => e.event === 'message')).toBe(true);
      expectNoSecret(live.text, 'the live tail');
      for (const format of ['jsonl', 'csv']) {
        const file = await callRoute(exportRoute, `${base}/export?format=${format}&from=oldest&limit=100`, params, { token });
        expect(file.status).toBe(200);
        expectNoSecret(file.text, `the ${format} download`);
      }
    }
  });

  it('hashes with a keyed HMAC (equal values, equal hashes) and hides with ***', async () => {
    const { body } = await callRoute(GET, `${base}?from=oldest`, params, { token: TEST_TOKENS.admin });
    const [first, second, text, third] = (body as MessagesResponse).messages.sort(
      (a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset),
    );
    const one = JSON.parse(first!.value!) as { card: { number: string; holder: string }; contact: { phone: string }; amount: number };
    expect(one.card.number).toBe('***');
    expect(one.card.holder).toMatch(/^hmac:/);
    expect(one.amount).toBe(12);
    expect(JSON.parse(third!.value!).contact.phone).toBe(one.contact.phone);
    expect(JSON.parse(second!.value!).card.holder).toBe(one.card.holder);
    expect(text!.key).toBe('card ***');
    expect(text!.value).toBe('plain text *** and ***');
    expect(first!.headers).toEqual([{ key: 'card', value: '***', valueEncoding: 'utf8' }]);
    expect(first!.valueSize).toBeGreaterThan(first!.value!.length - 20);
  });

  it('filters and key lookups see only masked values', async () => {
    const byCard = await callRoute(GET, `${base}?from=oldest&filter=${encodeURIComponent(`value contains "${CARD}"`)}`, params, {
      token: TEST_TOKENS.admin,
    });
    expect((byCard.body as MessagesResponse).messages).toEqual([]);
    const byHolder = await callRoute(GET, `${base}?from=oldest&filter=${encodeURIComponent(`value.card.holder == "${HOLDER}"`)}`, params, {
      token: TEST_TOKENS.admin,
    });
    expect((byHolder.body as MessagesResponse).messages).toEqual([]);
    const byKey = await callRoute(GET, `${base}?from=oldest&key=${encodeURIComponent(`card ${CARD}`)}`, params, {
      token: TEST_TOKENS.admin,
    });
    expect((byKey.body as MessagesResponse).messages).toEqual([]);
    expect(
      (await callRoute(GET, `${base}?from=oldest&filter=${encodeURIComponent('value.amount == 12')}`, params, { token: TEST_TOKENS.admin }))
        .text,
    ).toMatch(/order-1/);
  });

  it('limits open streams: a third stream of one user is 429, and a closed one frees its place', async () => {
    const aborts = [new AbortController(), new AbortController()];
    const open = (signal: AbortSignal) =>
      GET(
        new Request(`http://localhost${base}?live=true&maxSeconds=15`, {
          headers: { ...bearer(TEST_TOKENS.admin), accept: 'text/event-stream' },
          signal,
        }),
        { params: Promise.resolve(params) },
      );
    // Two streams left open (their bodies unread): the user's two places are taken.
    const streams = await Promise.all(aborts.map((a) => open(a.signal)));
    expect(streams.map((r) => r.status)).toEqual([200, 200]);
    const third = await open(new AbortController().signal);
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    aborts[0]!.abort();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const again = await readEvents(GET, `${base}?live=true&maxSeconds=5`, params, {
      token: TEST_TOKENS.admin,
      until: (events) => events.length > 0,
    });
    expect(again.status).toBe(200);
    aborts[1]!.abort();
  });
});
