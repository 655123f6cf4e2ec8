// The records the messages benchmark reads: one topic of 12 partitions holding `records` JSON values of about 1 KB,
// a quarter of them written with each codec (gzip, snappy, lz4, zstd) by kcat. Made once; kept while it is complete.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { getClusterConfig } from '@/server/config/current';

export const SCAN_TOPIC = 'bench.messages.scan';
const PARTITIONS = 12;
const CODECS = ['gzip', 'snappy', 'lz4', 'zstd'] as const;
const BIN = path.resolve(import.meta.dirname, '../kafka/bin');
const STATUSES = ['NEW', 'PAID', 'SHIPPED', 'DELIVERED', 'FAILED'];

/** The filter the benchmark scans with, and the same selection in jq for kcat's output. */
export const SCAN_FILTER = 'value.status == "FAILED" and value.amount > 900';
export const JQ_SELECT = 'select(.status == "FAILED" and .amount > 900)';

/** Record i's value: deterministic, ~1 KB of JSON (1 in 5 FAILED, amounts 0-999: about 2 % match the filter). */
export function benchValue(i: number): string {
  const base = {
    id: i,
    status: STATUSES[i % 5],
    amount: (i * 7919) % 1000,
    customer: { id: `c-${i % 9973}`, region: ['eu', 'us', 'cn', 'in'][i % 4] },
    items: [{ sku: `sku-${i % 97}`, qty: 1 + (i % 3) }],
  };
  const text = JSON.stringify(base);
  return JSON.stringify({ ...base, note: 'x'.repeat(Math.max(0, 1000 - text.length - 11)) });
}

function tool(name: string, args: string[]) {
  const result = spawnSync(path.join(BIN, name), args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${name} ${args.join(' ')} failed: ${result.stderr.slice(0, 500)}`);
  return result.stdout;
}

function recordCount(bootstrap: string): number | null {
  const list = tool('kafka-topics', ['--bootstrap-server', bootstrap, '--list']);
  if (!list.split('\n').includes(SCAN_TOPIC)) return null;
  const out = tool('kafka-get-offsets', ['--bootstrap-server', bootstrap, '--topic', SCAN_TOPIC, '--time', '-1']);
  return [...out.matchAll(/:(\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** kcat reading lines from our stdin; resolves when it has flushed them all. */
function kcatProduce(bootstrap: string, codec: string, from: number, to: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'kcat',
      [
        '-b',
        bootstrap,
        '-P',
        '-t',
        SCAN_TOPIC,
        '-z',
        codec,
        '-X',
        'linger.ms=20',
        '-X',
        'batch.size=262144',
        '-X',
        'queue.buffering.max.kbytes=262144',
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited ${code}: ${stderr.slice(0, 500)}`))));
    let i = from;
    const write = () => {
      while (i < to) {
        const lines: string[] = [];
        for (let n = 0; n < 1_000 && i < to; n += 1, i += 1) lines.push(benchValue(i));
        if (!child.stdin.write(`${lines.join('\n')}\n`)) return void child.stdin.once('drain', write);
      }
      child.stdin.end();
    };
    write();
  });
}

/** Makes the topic with exactly `records` records unless it already holds them; returns how long that took. */
export async function ensureScanTopic(
  clusterId: string,
  records: number,
  progress: (line: string) => void,
): Promise<{ created: boolean; ms: number }> {
  const bootstrap = getClusterConfig(clusterId).brokers.join(',');
  const started = Date.now();
  const count = recordCount(bootstrap);
  if (count === records) return { created: false, ms: 0 };
  if (count !== null) {
    tool('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', SCAN_TOPIC]);
    for (let i = 0; i < 60 && recordCount(bootstrap) !== null; i += 1) await new Promise((r) => setTimeout(r, 1_000));
  }
  progress(`creating ${SCAN_TOPIC}: ${records} records of ~1 KB, ${PARTITIONS} partitions, a quarter per codec`);
  tool('kafka-topics', [
    '--bootstrap-server',
    bootstrap,
    '--create',
    '--topic',
    SCAN_TOPIC,
    '--partitions',
    String(PARTITIONS),
    '--replication-factor',
    '1',
    '--config',
    'retention.ms=-1',
    '--config',
    'retention.bytes=-1',
  ]);
  const quarter = Math.ceil(records / CODECS.length);
  for (const [n, codec] of CODECS.entries()) await kcatProduce(bootstrap, codec, n * quarter, Math.min(records, (n + 1) * quarter));
  const written = recordCount(bootstrap);
  if (written !== records) throw new Error(`${SCAN_TOPIC} holds ${written} records, not ${records}`);
  return { created: true, ms: Date.now() - started };
}
