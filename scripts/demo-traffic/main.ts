// npm run demo:traffic — realistic, modest traffic against the dev cluster until Ctrl-C / SIGTERM / --duration.
import { Kafka, Partitioners, logLevel } from '@/server/kafka/kafkajs';
import { ARCHIVER_GROUP, seedStoppedGroup } from './archiver';
import { ArgsError } from '../cli-args';
import { USAGE, parseArgs, type Options } from './args';
import { startAnalytics, startFulfilment } from './consumers';
import { quietLogCreator } from './logging';
import { startProducerLoop } from './producer-loop';
import { createRng } from '../lib/random';
import { averageRate, peakRate } from './rates';
import { startRebalancingGroup } from './rebalancer';
import { createCounter, formatStatus, total } from './status';
import { TOPICS, ensureTopics } from './topics';
import { ANALYTICS_MSGS_PER_SEC, createTrafficPlan } from './traffic-plan';

const STATUS_EVERY_MS = 10_000;
const ARCHIVER_SEED_AFTER_MS = 15_000;
const SHUTDOWN_GRACE_MS = 10_000;

const log = (line: string) => console.log(`[demo-traffic] ${line}`);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readOptions(): Options {
  try {
    return parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    console.error(`demo-traffic: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

/** Resolves on the first SIGINT/SIGTERM or when --duration is up; a second signal exits at once. */
function stopSignal(durationSec: number | null): Promise<string> {
  return new Promise((resolve) => {
    let requested = false;
    const request = (reason: string) => {
      if (requested) {
        console.error(`[demo-traffic] ${reason} again, exiting without cleanup`);
        process.exit(130);
      }
      requested = true;
      // If kafkajs hangs in disconnect (e.g. brokers gone) don't hang with it.
      setTimeout(() => {
        console.error(`[demo-traffic] shutdown took over ${SHUTDOWN_GRACE_MS / 1000}s, exiting anyway`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
      resolve(reason);
    };
    process.on('SIGINT', () => request('SIGINT'));
    process.on('SIGTERM', () => request('SIGTERM'));
    if (durationSec !== null) setTimeout(() => request(`--duration ${durationSec}s`), durationSec * 1000).unref();
  });
}

async function main() {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const stop = stopSignal(options.durationSec);
  const startedAt = Date.now();
  const rng = createRng(startedAt);
  const reportError = (what: string) => (error: unknown) => console.error(`[demo-traffic] ${what}: ${errorText(error)}`);

  const kafka = new Kafka({ clientId: 'demo-traffic', brokers: options.brokers, logLevel: logLevel.WARN, logCreator: quietLogCreator });
  const admin = kafka.admin();
  await admin.connect();
  const { created, existing } = await ensureTopics(admin);

  const plan = createTrafficPlan(rng);
  const produced = createCounter(plan.map((t) => t.topic));
  const consumed = createCounter(['orders-fulfilment', 'clickstream-analytics', 'payments-reconciler']);
  const onConsumed = (group: string, n: number) => consumed.add(group, n);
  const abort = new AbortController();

  // Explicit partitioner: the Java-compatible default, and it silences kafkajs' partitioner warning.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const [, fulfilment, analytics, reconciler] = await Promise.all([
    producer.connect(),
    startFulfilment(kafka, onConsumed),
    startAnalytics(kafka, onConsumed, ANALYTICS_MSGS_PER_SEC * options.rate, abort.signal),
    startRebalancingGroup(kafka, onConsumed, rng, reportError('payments-reconciler')),
  ]);
  const loop = startProducerLoop(producer, plan, {
    multiplier: options.rate,
    onSent: (topic, n) => produced.add(topic, n),
    onError: (topic, error) => reportError(`produce to ${topic} failed`)(error),
  });

  let archiverSeeded = false;
  const seedArchiver = async () => {
    if (archiverSeeded) return;
    archiverSeeded = true;
    const result = await seedStoppedGroup(admin).catch(reportError(`${ARCHIVER_GROUP} offsets`));
    if (result === 'seeded') log(`${ARCHIVER_GROUP}: committed current orders end offsets once; it never consumes again`);
  };
  const seedTimer = setTimeout(() => void seedArchiver(), ARCHIVER_SEED_AFTER_MS);

  const avg = plan.reduce((sum, t) => sum + averageRate(t.shape, 3600, options.rate), 0);
  const peak = plan.reduce((sum, t) => sum + peakRate(t.shape, options.rate), 0);
  log(
    `brokers ${options.brokers.join(',')}; topics ${TOPICS.map((t) => `${t.topic}(${t.numPartitions}p/rf${t.replicationFactor})`).join(' ')}` +
      ` [created: ${created.join(', ') || 'none'}; existing: ${existing.join(', ') || 'none'}];` +
      ` producing ~${avg.toFixed(0)} msg/s (peak ${peak.toFixed(0)}) at --rate ${options.rate};` +
      ` groups orders-fulfilment (${fulfilment.length} members), clickstream-analytics (throttled to ${ANALYTICS_MSGS_PER_SEC * options.rate} msg/s),` +
      ` payments-reconciler (2nd member joins/leaves every 45-90 s), ${ARCHIVER_GROUP} (stopped);` +
      ` ${options.durationSec === null ? 'Ctrl-C to stop' : `stopping after ${options.durationSec}s`}`,
  );

  let previous = produced.snapshot();
  let lastStatusAt = Date.now();
  const statusTimer = setInterval(() => {
    const now = Date.now();
    const current = produced.snapshot();
    const note = `payments-reconciler ${reconciler.members()} member(s), ${reconciler.rebalances()} rebalance(s)`;
    console.log(
      formatStatus({
        elapsedSec: (now - startedAt) / 1000,
        intervalSec: (now - lastStatusAt) / 1000,
        produced: current,
        previous,
        consumed: consumed.snapshot(),
        note,
      }),
    );
    previous = current;
    lastStatusAt = now;
  }, STATUS_EVERY_MS);

  const reason = await stop;
  const stopping = Date.now();
  clearInterval(statusTimer);
  clearTimeout(seedTimer);
  abort.abort();
  await loop.stop();
  await seedArchiver(); // a run shorter than ARCHIVER_SEED_AFTER_MS still leaves the stopped group behind
  const results = await Promise.allSettled([
    ...fulfilment.map((c) => c.disconnect()),
    analytics.disconnect(),
    reconciler.stop(),
    producer.disconnect(),
  ]);
  await admin.disconnect();
  results.filter((r) => r.status === 'rejected').forEach((r) => reportError('disconnect')(r.reason));
  const sent = total(produced.snapshot());
  const secs = (stopping - startedAt) / 1000;
  log(
    `stopped (${reason}) after ${secs.toFixed(0)}s: produced ${sent} messages (${(sent / secs).toFixed(1)}/s), shutdown took ${Date.now() - stopping} ms`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // Kafka errors (cluster down, wrong address) need their message, not a kafkajs stack; anything else is a bug.
    const kafkaError = error instanceof Error && error.name.startsWith('KafkaJS');
    const detail = kafkaError
      ? `${error.message} (is the cluster up? npm run kafka:status)`
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
    console.error(`[demo-traffic] failed: ${detail}`);
    process.exit(1);
  },
);
