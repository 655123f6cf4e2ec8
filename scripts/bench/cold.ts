// One COLD call in a fresh process (spawned by main.ts): connection setup, first snapshot, the view itself.
// Usage: node --conditions=react-server --import tsx scripts/bench/cold.ts <view> <clusterId> <topic>
// Like the console's start-up (server/startup.ts), the console database is opened first, outside the timing.
// Prints one JSON line: { ms, requests, rssMb, dbOpenMs }.
import { performance } from 'node:perf_hooks';
import { migrateDb } from '@/server/db/client';
import { closeAllConnections } from '@/server/kafka/clients';
import { setThrowawayDataDir } from './data-dir';
import { round, timed } from './measure';
import { isViewName, runView } from './views';

const [view = '', clusterId = 'local', topic = ''] = process.argv.slice(2);
if (!isViewName(view)) {
  console.error(`cold.ts: unknown view "${view}"`);
  process.exit(2);
}
const removeDataDir = setThrowawayDataDir();
const opening = performance.now();
await migrateDb();
const dbOpenMs = round(performance.now() - opening);
const sample = await timed(clusterId, () => runView(view, clusterId, topic));
console.log(JSON.stringify({ ...sample, rssMb: round(process.memoryUsage().rss / 1024 / 1024), dbOpenMs }));
await closeAllConnections();
removeDataDir();
process.exit(0);
