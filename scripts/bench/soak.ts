// npm run bench:soak — the console's memory over a long run: the production build (`npm run build` first) with its
// defaults (lag sampling every 15 s, the metrics history in the embedded database, the lists' background reader),
// against the dev cluster (meant for `npm run fixture:xl`), while a few viewers keep pages open: every 5 s the
// topics and groups lists (first page, and a later page with a filter), and one topic's and one group's page,
// chosen in turn from the fixture's names. RSS every 30 s; the curve and its maximum go to
// test-results/bench-soak.json (--out). Not a test: it reports, it does not judge. 30 minutes by default.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ArgsError, readOptions } from '../cli-args';
import { consoleMemoryMb, kafkaRequestsTotal, rssMb, startConsole } from './server-process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const USAGE = `Usage: npm run bench:soak -- [--minutes 30] [--viewers 5] [--prefix xl.] [--no-history] [--out FILE]

  --no-history   metrics.enabled false: no throughput/backlog history (to tell its memory from the rest)`;
const VIEW_EVERY_MS = 5_000;
const RSS_EVERY_MS = 30_000;

function options() {
  try {
    const values = readOptions(process.argv.slice(2), {
      minutes: { type: 'string', default: '30' },
      viewers: { type: 'string', default: '5' },
      prefix: { type: 'string', default: 'xl.' },
      'no-history': { type: 'boolean', default: false },
      port: { type: 'string', default: '3401' },
      out: { type: 'string', default: path.join(ROOT, 'test-results/bench-soak.json') },
    });
    const minutes = Number(values.minutes);
    const viewers = Number(values.viewers);
    if (!(minutes > 0 && minutes <= 24 * 60)) throw new ArgsError('--minutes: more than 0, at most a day');
    if (!(Number.isInteger(viewers) && viewers >= 1 && viewers <= 50)) throw new ArgsError('--viewers: 1 to 50');
    return { ...values, minutes, viewers, port: Number(values.port) };
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    console.error(`bench:soak: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const opts = options();
const { base, headers, pid, stop } = await startConsole(opts.port, 'bench:soak', opts['no-history'] ? { metrics: { enabled: false } } : {});
const c = '/api/v1/clusters/local';
const get = async (pathname: string) => {
  const answer = await fetch(base + pathname, { headers });
  await answer.arrayBuffer();
  return answer.status;
};

/** The fixture's topic and group names, from the API itself (every match: no limit). */
async function names() {
  const topics = (await (await fetch(`${base}${c}/topics?q=${encodeURIComponent(opts.prefix)}`, { headers })).json()) as {
    topics: { name: string }[];
  };
  const groups = (await (await fetch(`${base}${c}/consumer-groups?q=${encodeURIComponent(opts.prefix)}`, { headers })).json()) as {
    groups: { groupId: string }[];
  };
  return { topics: topics.topics.map((t) => t.name), groups: groups.groups.map((g) => g.groupId) };
}

try {
  const fixture = await names();
  if (fixture.topics.length === 0) throw new Error(`no topic starts with "${opts.prefix}": run npm run fixture:xl (or pass --prefix)`);
  console.error(`[soak] ${fixture.topics.length} topics, ${fixture.groups.length} groups; ${opts.viewers} viewers for ${opts.minutes} min`);
  const started = Date.now();
  const endAt = started + opts.minutes * 60_000;
  type Point = { minute: number; rssMb: number; heapUsedMb: number; externalMb: number };
  const measure = async (): Promise<Point> => ({
    minute: Math.round((Date.now() - started) / 600) / 100,
    rssMb: rssMb(pid),
    ...(await consoleMemoryMb(base, headers)),
  });
  const curve: Point[] = [await measure()];
  const statuses = new Map<number, number>();
  const kafkaBefore = await kafkaRequestsTotal(base, headers);
  let pageViews = 0;
  const sampler = setInterval(() => {
    void measure().then((point) => {
      curve.push(point);
      console.error(
        `[soak] ${point.minute.toFixed(1)} min: RSS ${point.rssMb} MB (heap ${point.heapUsedMb}, external ${point.externalMb}), ${pageViews} page views`,
      );
    });
  }, RSS_EVERY_MS);
  await Promise.all(
    Array.from({ length: opts.viewers }, async (_, viewer) => {
      for (let round = 0; Date.now() < endAt; round += 1) {
        const i = round * opts.viewers + viewer;
        const topic = fixture.topics[(i * 7919) % fixture.topics.length]!;
        const group = fixture.groups.length ? fixture.groups[(i * 104_729) % fixture.groups.length]! : null;
        const paths = [
          `${c}/topics?limit=100`,
          `${c}/topics?limit=100&offset=${(i * 100) % 5_000}&q=${encodeURIComponent(opts.prefix)}&sort=-messageCount`,
          `${c}/consumer-groups?limit=100`,
          `${c}/topics/${encodeURIComponent(topic)}`,
          ...(group ? [`${c}/consumer-groups/${encodeURIComponent(group)}`] : []),
        ];
        for (const status of await Promise.all(paths.map(get))) statuses.set(status, (statuses.get(status) ?? 0) + 1);
        pageViews += 1;
        await new Promise((resolve) => setTimeout(resolve, VIEW_EVERY_MS));
      }
    }),
  );
  clearInterval(sampler);
  curve.push(await measure());
  const seconds = (Date.now() - started) / 1000;
  const report = {
    at: new Date().toISOString(),
    minutes: opts.minutes,
    viewers: opts.viewers,
    history: !opts['no-history'],
    pageViews,
    answers: Object.fromEntries(statuses),
    kafkaRequestsPerSecond: Math.round(((await kafkaRequestsTotal(base, headers)) - kafkaBefore) / seconds),
    rssMaxMb: Math.max(...curve.map((p) => p.rssMb)),
    rssLastMb: curve.at(-1)!.rssMb,
    curve,
  };
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, JSON.stringify(report, null, 2));
  console.log(JSON.stringify({ ...report, curve: undefined }, null, 2));
} finally {
  stop();
}
