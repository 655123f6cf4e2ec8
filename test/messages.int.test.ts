import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/messages/export/route';
import { GET, POST } from '@/app/api/v1/clusters/[clusterId]/topics/[topic]/messages/route';
import type { Message, MessagesResponse } from '@/lib/schemas/messages';
import { closeAllConnections } from '@/server/kafka/clients';
import { listAudit } from '@/server/audit/store';
import { TEST_TOKENS } from './support/auth';
import { kafkaCli } from './support/cli';
import { kafkaTarget } from './support/kafka-target';
import { consoleConsume, kcatProduce, produceTransactions, type ConsumedLine } from './support/messages-cli';
import { readEvents } from './support/event-stream';
import { callRoute } from './support/routes';

const target = kafkaTarget();
const bootstrap = target.bootstrap.join(',');
const stamp = Date.now();
const topic = `it-messages-${stamp}`;
const txTopic = `it-messages-tx-${stamp}`;
const keyed = `it-messages-keyed-${stamp}`;
const small = `it-messages-small-${stamp}`;
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
const PER_CODEC = 5;

const path = (t: string, query = '') => `/api/v1/clusters/local/topics/${encodeURIComponent(t)}/messages${query ? `?${query}` : ''}`;
const params = (t: string) => ({ clusterId: 'local', topic: t });

async function page(t: string, query: string, token: string = TEST_TOKENS.operator) {
  const res = await callRoute(GET, path(t, query), params(t), { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as MessagesResponse;
}

/** Every record through the API, page by page (forward from the oldest), until a page reaches the end. */
async function readAll(t: string, query = '', limit = 7) {
  const messages: Message[] = [];
  let response = await page(t, `from=oldest&limit=${limit}&${query}`);
  messages.push(...response.messages);
  while (response.stoppedBy !== 'end') {
    response = await page(t, `cursor=${response.next}&limit=${limit}&${query}`);
    messages.push(...response.messages);
  }
  return messages;
}

/** A message as kafka-console-consumer prints it (DefaultMessageFormatter, every print.* on). */
const asConsoleLine = (m: Message): ConsumedLine => ({
  timestampType: m.timestampType ?? 'NoTimestampType',
  timestamp: String(m.timestamp ?? -1),
  partition: m.partition,
  offset: m.offset,
  headers: m.headers.length === 0 ? 'NO_HEADERS' : m.headers.map((h) => `${h.key}:${h.value ?? 'null'}`).join(','),
  key: m.key ?? 'null',
  value: m.value ?? 'null',
});
const byPosition = (a: Message, b: Message) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset));

describe(`messages (Fetch, Produce, record batches) on ${target.label}`, () => {
  beforeAll(async () => {
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--partitions',
      '3',
      '--replication-factor',
      '2',
    ]);
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      txTopic,
      '--partitions',
      '1',
      '--replication-factor',
      '3',
    ]);
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      keyed,
      '--partitions',
      '5',
      '--replication-factor',
      '1',
    ]);
    kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      small,
      '--partitions',
      '1',
      '--replication-factor',
      '1',
      '--config',
      'max.message.bytes=2000',
    ]);
    // Each codec into its own partition (round robin), in one kcat call each: batches of several records.
    CODECS.forEach((codec, i) =>
      kcatProduce(
        topic,
        [
          `k-${codec}-1:{"codec":"${codec}","n":1}`,
          `:null key ${codec}`,
          `k-${codec}-3:`,
          `k-${codec}-4:ünïcödé 中文 ${codec} <script>x</script>`,
          `k-${codec}-5:{"codec":"${codec}","n":5}`,
        ],
        { partition: i % 3, compression: codec, headers: ['h1=v1', 'h1=dup', 'empty=', `codec=${codec}`] },
      ),
    );
    await produceTransactions(txTopic, 0, ['c1', 'c2', 'c3'], ['a1', 'a2']);
    // Keyed by Kafka's Java producer: its default partitioner is the one key lookups assume.
    kafkaCli(
      'kafka-console-producer',
      ['--bootstrap-server', bootstrap, '--topic', keyed, '--property', 'parse.key=true', '--property', 'key.separator=|'],
      {
        input: Array.from({ length: 40 }, (_, i) => `user-${i % 10}|event ${i}`).join('\n') + '\n',
      },
    );
  });
  afterAll(async () => {
    for (const t of [topic, txTopic, keyed, small]) kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', t]);
    await closeAllConnections();
  });

  it('reads every record, for every codec of librdkafka, exactly as kafka-console-consumer prints it', async () => {
    const ours = await readAll(topic);
    expect(ours).toHaveLength(CODECS.length * PER_CODEC);
    expect([...ours].sort(byPosition).map(asConsoleLine)).toEqual(consoleConsume(topic, ours.length, 'read_committed'));
    for (const m of ours) {
      const codec = m.headers.find((h) => h.key === 'codec')!.value;
      expect(m.compression, `${m.partition}:${m.offset}`).toBe(codec);
    }
    const nullKeys = ours.filter((m) => m.key === null);
    expect(nullKeys).toHaveLength(CODECS.length);
    expect(nullKeys.every((m) => m.keyEncoding === null && m.keySize === null)).toBe(true);
    expect(ours.filter((m) => m.value === null).every((m) => m.valueSize === null && m.valueEncoding === null)).toBe(true);
  });

  it('transactions: read_committed hides the aborted records, read_uncommitted shows and marks them, markers on request', async () => {
    const committed = await readAll(txTopic, 'isolation=read_committed');
    expect(committed.map(asConsoleLine)).toEqual(consoleConsume(txTopic, committed.length, 'read_committed'));
    expect(committed.map((m) => m.value)).toEqual(['c1', 'c2', 'c3', 'after commit', 'after abort']);
    expect(committed.filter((m) => m.transactional).every((m) => m.aborted === undefined)).toBe(true);

    const all = await readAll(txTopic, 'isolation=read_uncommitted');
    expect(all.map(asConsoleLine)).toEqual(consoleConsume(txTopic, all.length, 'read_uncommitted'));
    expect(all.map((m) => [m.value, m.transactional, m.aborted])).toEqual([
      ['c1', true, false],
      ['c2', true, false],
      ['c3', true, false],
      ['after commit', false, undefined],
      ['a1', true, true],
      ['a2', true, true],
      ['after abort', false, undefined],
    ]);

    const markers = (await readAll(txTopic, 'isolation=read_uncommitted&control=true')).filter((m) => m.control);
    expect(markers.map((m) => m.control)).toEqual(['COMMIT', 'ABORT']);
    // A marker comes after its transaction's records (the coordinator writes it after EndTxn returns, so a record
    // produced right after the commit may come first), and the commit's before the next transaction.
    const [commit, abort] = markers.map((m) => Number(m.offset));
    expect(commit).toBeGreaterThan(Number(all[2]!.offset));
    expect(commit).toBeLessThan(Number(all[4]!.offset));
    expect(abort).toBeGreaterThan(Number(all[5]!.offset));
  });

  it('pages forward and back: every record once, newest first across partitions by timestamp', async () => {
    const all = await readAll(topic, '', 100);
    const newest = await page(topic, 'limit=6');
    expect(newest.order).toBe('desc');
    const expected = [...all]
      .sort((a, b) => b.timestamp! - a.timestamp! || a.partition - b.partition || Number(BigInt(b.offset) - BigInt(a.offset)))
      .slice(0, 6);
    expect(newest.messages.map((m) => m.timestamp)).toEqual(expected.map((m) => m.timestamp));
    const seen: Message[] = [...newest.messages];
    let older = newest;
    while (older.prev) {
      older = await page(topic, `cursor=${older.prev}&limit=4`);
      seen.push(...older.messages);
    }
    expect(seen.map((m) => `${m.partition}:${m.offset}`).sort()).toEqual(all.map((m) => `${m.partition}:${m.offset}`).sort());
    const again = await page(topic, `cursor=${newest.self}&limit=6`);
    expect(again.messages).toEqual(newest.messages);
  });

  it('starts at a time where kafka-get-offsets --time says, and at an offset of one partition', async () => {
    const all = (await readAll(topic, '', 100)).sort((a, b) => a.timestamp! - b.timestamp!);
    const time = all[Math.floor(all.length / 2)]!.timestamp!;
    const cli = kafkaCli('kafka-get-offsets', ['--bootstrap-server', bootstrap, '--topic', topic, '--time', String(time)]);
    const starts = Object.fromEntries([...cli.matchAll(/:(\d+):(\d+)/g)].map((m) => [Number(m[1]), m[2]]));
    const response = await page(topic, `from=timestamp:${time}&limit=1000`);
    for (const p of response.partitions)
      expect(p.partition in starts ? BigInt(p.position) >= BigInt(starts[p.partition]!) : true).toBe(true);
    const firstPerPartition = new Map<number, string>();
    for (const m of response.messages) if (!firstPerPartition.has(m.partition)) firstPerPartition.set(m.partition, m.offset);
    expect(Object.fromEntries(firstPerPartition)).toEqual(
      Object.fromEntries(Object.entries(starts).filter(([p]) => firstPerPartition.has(Number(p)))),
    );
    expect(Math.min(...response.messages.map((m) => m.timestamp!))).toBeGreaterThanOrEqual(time);

    const one = await page(topic, 'from=offset:2&partitions=1&limit=2');
    expect(one.messages.map((m) => [m.partition, m.offset])).toEqual([
      [1, '2'],
      [1, '3'],
    ]);
    const beyond = await page(topic, 'from=offset:999&partitions=1');
    expect(beyond.messages).toEqual([]);
    expect(beyond.notices.join(' ')).toMatch(/beyond the end/);
    const invalid = await callRoute(GET, path(topic, 'from=offset:2'), params(topic), { token: TEST_TOKENS.operator });
    expect(invalid.status).toBe(422);
    expect((invalid.body as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors).toHaveProperty('from');
    expect((await callRoute(GET, path(topic, 'partitions=7'), params(topic), { token: TEST_TOKENS.operator })).status).toBe(422);
    expect(
      (await callRoute(GET, path('no-such-topic-' + stamp), params('no-such-topic-' + stamp), { token: TEST_TOKENS.operator })).status,
    ).toBe(404);
  });

  it("looks a key up in the one partition Kafka's Java producer wrote it to", async () => {
    const all = await readAll(keyed, '', 100);
    expect(all).toHaveLength(40);
    for (const key of ['user-0', 'user-3', 'user-7']) {
      const response = await page(keyed, `from=oldest&key=${key}&limit=100`);
      const written = all.filter((m) => m.key === key);
      expect(response.messages.map((m) => [m.partition, m.offset])).toEqual(written.map((m) => [m.partition, m.offset]));
      expect(response.partitions.map((p) => p.partition)).toEqual([written[0]!.partition]);
    }
  });

  it('filters: JSON paths, headers, null keys, text and regexes find exactly the expected records', async () => {
    const all = await readAll(topic, '', 100);
    const count = async (filter: string) => (await page(topic, `from=oldest&limit=1000&filter=${encodeURIComponent(filter)}`)).messages;
    expect((await count('value.codec == "lz4" and value.n > 1')).map((m) => m.key)).toEqual(['k-lz4-5']);
    expect(await count('not exists(key)')).toHaveLength(CODECS.length);
    expect(await count('value == null')).toHaveLength(CODECS.length);
    expect((await count('headers.codec == "zstd" and value contains "中文"')).map((m) => m.key)).toEqual(['k-zstd-4']);
    expect(await count('key matches "^k-(gzip|snappy)-[13]$"')).toHaveLength(4);
    expect(await count(`offset >= 3 and partition == 0`)).toHaveLength(
      all.filter((m) => m.partition === 0 && Number(m.offset) >= 3).length,
    );
    const bad = await callRoute(GET, path(topic, `filter=${encodeURIComponent('value.n >')}`), params(topic), {
      token: TEST_TOKENS.operator,
    });
    expect(bad.status).toBe(422);
  });

  it('streams a scan with progress and a live tail that sees records written after it starts', async () => {
    const scan = await readEvents(GET, path(topic, `from=oldest&filter=${encodeURIComponent('value contains "null key"')}`), params(topic));
    expect(scan.status).toBe(200);
    expect(scan.events[0]!.event).toBe('start');
    expect(scan.events.filter((e) => e.event === 'message')).toHaveLength(CODECS.length);
    expect(scan.events.at(-1)).toMatchObject({
      event: 'end',
      data: { stoppedBy: 'end', scanned: CODECS.length * PER_CODEC, matched: CODECS.length },
    });

    const abort = new AbortController();
    const tail = readEvents(GET, path(topic, 'live=true&maxSeconds=20'), params(topic), {
      signal: abort.signal,
      until: (events) => events.some((e) => e.event === 'message'),
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    kcatProduce(topic, ['tail-key:written while tailing'], { partition: 2 });
    const events = (await tail).events;
    abort.abort();
    expect(events.find((e) => e.event === 'message')?.data).toMatchObject({
      key: 'tail-key',
      value: 'written while tailing',
      partition: 2,
    });
  });

  it('produces with every codec, keys, headers and binary values: the console consumer reads back the same records', async () => {
    const t = small;
    const sent: { partition: number; offset: string }[] = [];
    for (const codec of CODECS) {
      const res = await callRoute(POST, path(t), params(t), {
        token: TEST_TOKENS.admin,
        init: {
          method: 'POST',
          body: JSON.stringify({
            key: `p-${codec}`,
            value: `{"via":"console","codec":"${codec}"}`,
            headers: [
              { key: 'a', value: '1' },
              { key: 'a', value: null },
            ],
            compression: codec,
          }),
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      sent.push(res.body as { partition: number; offset: string });
    }
    expect(sent.map((s) => s.offset)).toEqual(['0', '1', '2', '3', '4']);
    const lines = consoleConsume(t, 5, 'read_committed');
    expect(lines.map((l) => [l.key, l.value, l.headers])).toEqual(
      CODECS.map((c) => [`p-${c}`, `{"via":"console","codec":"${c}"}`, 'a:1,a:null']),
    );
    const ours = (await readAll(t)).map((m) => m.compression);
    expect(ours).toEqual([...CODECS]);

    const binary = Buffer.from([0, 0, 0, 0, 42, 0xff, 0xfe, 1]);
    const res = await callRoute(POST, path(t), params(t), {
      token: TEST_TOKENS.admin,
      init: { method: 'POST', body: JSON.stringify({ value: binary.toString('base64'), valueEncoding: 'base64' }) },
    });
    expect(res.status).toBe(201);
    const back = (await page(t, 'limit=1')).messages[0]!;
    expect([back.key, back.valueEncoding, back.value]).toEqual([null, 'base64', binary.toString('base64')]);
  });

  it('refuses what must not be written: too large, internal topics, bad input, roles, read-only clusters', async () => {
    const post = (t: string, body: unknown, token: string = TEST_TOKENS.admin, clusterId = 'local') =>
      callRoute(
        POST,
        `/api/v1/clusters/${clusterId}/topics/${t}/messages`,
        { clusterId, topic: t },
        { token, init: { method: 'POST', body: JSON.stringify(body) } },
      );
    const tooLarge = await post(small, { value: 'x'.repeat(3_000) });
    expect(tooLarge.status).toBe(422);
    expect((tooLarge.body as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.value![0]).toMatch(
      /max\.message\.bytes/,
    );
    // Compressed, the same value fits: the limit is on the batch as written.
    expect((await post(small, { value: 'x'.repeat(3_000), compression: 'gzip' })).status).toBe(201);
    expect((await post('__consumer_offsets', { value: 'x' })).status).toBe(403);
    expect((await post(small, { value: '%%%', valueEncoding: 'base64' })).status).toBe(422);
    expect((await post(small, { value: 'x', partition: 5 })).status).toBe(422);
    expect((await post(small, { value: 'x', acks: 0 })).status).toBe(422);
    expect((await post(small, { value: 'x' }, TEST_TOKENS.operator)).status).toBe(403);
    expect((await post(small, { value: 'x' }, TEST_TOKENS.viewer)).status).toBe(403);
    expect((await post(small, { value: 'x' }, TEST_TOKENS.admin, 'down')).status).toBe(403);
    // Five produced by the previous test, one binary, one gzip: nothing else was written.
    const records = consoleConsume(small, 7, 'read_uncommitted');
    expect(records).toHaveLength(7);
    expect(records.filter((r) => r.value === 'x')).toHaveLength(0);
  });

  it('viewers get no message contents from any route; every read and write is in the audit log without contents', async () => {
    for (const query of ['', 'live=true']) {
      const res = await callRoute(GET, path(topic, query), params(topic), {
        token: TEST_TOKENS.viewer,
        init: query ? { headers: { accept: 'text/event-stream' } } : {},
      });
      expect(res.status).toBe(403);
      expect(res.text).not.toMatch(/codec/);
    }
    const exported = await callRoute(exportRoute, `${path(topic)}/export?format=csv`, params(topic), { token: TEST_TOKENS.viewer });
    expect(exported.status).toBe(403);
    const { entries } = await listAudit({ action: 'messages.', limit: 500 });
    const reads = entries.filter((e) => e.action === 'messages.read' && e.target === topic);
    expect(reads.some((e) => e.outcome === 'success' && e.actor === 'operator')).toBe(true);
    expect(reads.some((e) => e.outcome === 'denied' && e.actor === 'viewer')).toBe(true);
    const produced = entries.filter((e) => e.action === 'messages.produce' && e.target === small && e.outcome === 'success');
    expect(produced.length).toBeGreaterThan(0);
    expect(JSON.stringify(produced)).not.toMatch(/via|console/);
  });

  it('downloads what a page shows as JSON Lines and CSV, formula cells neutralised', async () => {
    const shown = await page(topic, 'limit=8');
    const jsonl = await callRoute(exportRoute, `${path(topic)}/export?format=jsonl&limit=8&cursor=${shown.self}`, params(topic), {
      token: TEST_TOKENS.operator,
    });
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.jsonl"/);
    expect(
      jsonl.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Message),
    ).toEqual(shown.messages);
    kcatProduce(topic, ['=SUM(A1;A2)-HYPERLINK("x"):+cmd'], { partition: 0 });
    const csv = await callRoute(exportRoute, `${path(topic)}/export?format=csv&limit=1`, params(topic), { token: TEST_TOKENS.operator });
    const [header, row] = csv.text.split('\r\n');
    expect(header).toMatch(/^partition,offset,timestamp,time,/);
    expect(row).toMatch(/,"'=SUM\(A1;A2\)-HYPERLINK\(""x""\)",utf8,'\+cmd,utf8,/);
  });
});
