import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllConnections } from '@/server/kafka/clients';
import { prometheusText, scrapeMaxAgeMs } from '@/server/metrics/prometheus';

/** The exposition without the process's own memory families (first, whoever asks; checked on their own below). */
const withoutProcess = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^(# (HELP|TYPE) )?(process_|nodejs_)/.test(line))
    .join('\n');

describe('GET /metrics gathering', () => {
  beforeAll(() => {
    // One configured cluster, unreachable (nothing listens on port 1: refused at once).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'prometheus-'));
    const config = path.join(dir, 'console.json');
    writeFileSync(config, JSON.stringify({ clusters: [{ id: 'only', name: 'Only', brokers: ['127.0.0.1:1'], connectionTimeoutMs: 500 }] }));
    process.env.CONSOLE_CONFIG = config;
    process.env.CONSOLE_DATA_DIR = path.join(dir, 'data');
  });
  afterAll(() => closeAllConnections());

  it('serves snapshots up to max(60 s, 4 sampler intervals) old', () => {
    expect(scrapeMaxAgeMs(15_000)).toBe(60_000);
    expect(scrapeMaxAgeMs(30_000)).toBe(120_000);
  });

  it('has no cluster label with one cluster configured, and reports an unreachable cluster as down', async () => {
    const text = await prometheusText({ clusters: null });
    expect(withoutProcess(text)).toBe(
      '# HELP kafka_console_cluster_up 1 if the console served this scrape from a snapshot of the cluster, 0 if it has none it could read\n# TYPE kafka_console_cluster_up gauge\nkafka_console_cluster_up 0\n',
    );
  });

  it('shows nothing of a cluster the principal may not see', async () => {
    expect(withoutProcess(await prometheusText({ clusters: ['another'] }))).toBe('');
  });

  it("reports the process's resident memory and heap, without a cluster label", async () => {
    const text = await prometheusText({ clusters: null });
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_heap_size_total_bytes',
      'nodejs_external_memory_bytes',
    ]) {
      const value = Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
      expect(value, name).toBeGreaterThan(0);
    }
    expect(Number(/^process_resident_memory_bytes (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(
      Number(/^nodejs_heap_size_used_bytes (\d+)$/m.exec(text)?.[1]),
    );
  });
});
