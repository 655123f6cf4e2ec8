import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrapServers, clusterLayout } from '../scripts/kafka/layout.mjs';
import { resolveKafka } from '../scripts/kafka/versions.mjs';

/** The console under test sees the dev cluster (KAFKA_* variables, as kafka:up) and one that is down. */
export function e2eBootstrap(): string[] {
  return bootstrapServers(clusterLayout(resolveKafka()));
}

export function writeE2eConsoleConfig() {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'console-e2e-')), 'console.json');
  writeFileSync(
    file,
    JSON.stringify({
      clusters: [
        { id: 'local', name: 'Local dev', brokers: e2eBootstrap() },
        { id: 'down', name: 'Unreachable', brokers: ['127.0.0.1:1'], readOnly: true, connectionTimeoutMs: 500 },
      ],
    }),
  );
  return file;
}
