// `npm run sampler`: the lag samplers, the metrics history, the alert rules and their notifications in a process of
// their own, for deployments where the console's server should only serve pages. Set `metrics.recordIn: "sampler"`
// in the config the server reads, and point both at the same PostgreSQL with DATABASE_URL (the embedded database
// admits one process). Only one sampler per cluster records and evaluates at a time (a PostgreSQL advisory lock); a
// second one waits to take over.
import { getConfig } from '@/server/config/current';
import { lagSettings } from '@/server/config/schema';
import { migrateDb } from '@/server/db/client';
import { startSampling, stopSampling } from '@/server/sampling/start-sampling';
import { closeAllConnections } from '@/server/kafka/clients';

function fail(message: string): never {
  console.error(`sampler: ${message}`);
  process.exit(2);
}

if (!process.env.DATABASE_URL) {
  fail('set DATABASE_URL to the PostgreSQL the console uses: the embedded database admits only one process, the console itself');
}
const config = getConfig();
const { engine, migrationMs } = await migrateDb();
await startSampling('sampler');
const clusters = config.clusters.filter((c) => lagSettings(config, c).enabled).map((c) => c.id);
console.log(
  `sampler: sampling ${clusters.join(', ') || 'no cluster (lag.enabled is false everywhere)'} (history ${config.metrics.enabled ? 'on' : 'off'}, ${config.alerts.rules.length} configured alert rules) into ${engine} (migrations checked in ${migrationMs.toFixed(0)} ms)`,
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`sampler: ${signal}: finishing the pass in flight and releasing the clusters' locks`);
  await stopSampling();
  await closeAllConnections();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
// The samplers' timers are unref'd (they never hold a server open): keep this process alive until a signal.
setInterval(() => {}, 1 << 30);
