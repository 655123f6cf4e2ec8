// npm run fixture:large — a large cluster for the console's benchmarks and scale tests:
//   1,000 topics (fixture.t0000–t0999), 10,000 partitions (1–40 per topic), replication factor 2 or 3 (a third
//   RF 3), ~50,000 small records in the ~2,000 partitions of every 5th topic, and 500 consumer groups with
//   committed offsets: fixture.g000–g494 Empty (admin.setOffsets), fixture.active0–4 with real consumers
//   (running while --keep-active holds them, else Empty after committing what they read).
// Idempotent: a re-run reads the cluster and creates only what is missing; it never alters what exists.
// --clean deletes the fixture's topics and groups. --brokers / KAFKA_BROKERS / KAFKA_PORT_OFFSET pick the cluster.
//
// Measured on the dev cluster (Kafka 4.3.1 KRaft, 3 combined brokers, KAFKA_HEAP=1g) on a 2-CPU machine
// shared with other jobs (load average 6–20):
//   from scratch  4–6 min: CreateTopics 100 topics a request ~3 s; the brokers creating their ~7,800 replica
//                 logs each 40–95 s (the fixture waits until every leader answers ListOffsets); 50,576 records
//                 ~15 s; 842 admin.setOffsets calls 2.5–3.5 min (each ≥ 5 s, see empty-groups.ts; 48 at a
//                 time); 5 active consumers ~12 s.
//   re-run        5–10 s when complete (reads metadata, all end offsets, every group's committed offsets).
//   --clean       ~15 s; the brokers then delete the files within ~1.5 min (file.delete.delay.ms).
// Brokers with the fixture:
//   heap          KAFKA_HEAP=1g is required, not just advisable: the live heap after a full GC is 590–740 MB
//                 per broker (mostly follower-fetch state held in the fetch purgatory, ~1–2 million
//                 FetchRequest.PartitionData). With the 512m default one broker spent 50 s in 34 full GCs
//                 within minutes, stopped answering, and 7,800 partitions went under-replicated.
//   RSS           ~1.1–1.3 GB per broker (from ~0.4 GB empty).
//   open files    ~7,950 per broker (from ~150): one per replica log segment, plus sockets. `ulimit -n` where
//                 the brokers start must be well above that (this machine: 20,000); 4,096 would not do.
//   memory maps   ~16,000 per broker (offset and time indexes), under vm.max_map_count 65,530.
//   disk          ~110 MB per broker: ~11 KB per replica directory, the records ~8 MB; but 460 GB apparent:
//                 every replica has two sparse 10 MB index files (mind `du --apparent-size` and copies that do
//                 not keep sparseness). The brokers' INFO logs (logs/broker-N.log) grew to ~200 MB each over a
//                 few create/clean/restart cycles.
//   restarts      a controlled shutdown takes more than kafka:down's 30 s, so brokers get killed; the next
//                 kafka:up recovers ~7,800 logs per broker and may exceed its 120 s readiness wait: run it again.
import { Kafka, logLevel } from '@/server/kafka/kafkajs';
import { ArgsError } from '../cli-args';
import { USAGE, parseArgs, type Options } from './args';
import { ensureData } from './data';
import { startActiveGroups } from './active-groups';
import { ensureEmptyGroups } from './empty-groups';
import { deleteFixtureGroups, existingFixtureGroups, groupsWithMembers } from './groups';
import { readEndOffsets } from './offsets';
import { createPlan } from './plan';
import { errorText, log, quietLogCreator, seconds } from './progress';
import { deleteFixtureTopics, ensureTopics, waitInSync } from './topics';

function readOptions(): Options {
  try {
    return parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    console.error(`fixture:large: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const untilSignal = () =>
  new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

async function clean(kafka: Kafka) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Deleting topics under running consumers would only make them fail: stop the --keep-active process first.
    const busy = await groupsWithMembers(admin, [...(await existingFixtureGroups(admin))]);
    if (busy.length) throw new Error(`fixture groups have members, stop them first (the --keep-active process): ${busy.join(', ')}`);
    const groups = await deleteFixtureGroups(admin);
    const topics = await deleteFixtureTopics(admin);
    return { topicsDeleted: topics, groupsDeleted: groups.deleted, groupsNotDeleted: groups.failed };
  } finally {
    await admin.disconnect();
  }
}

async function populate(kafka: Kafka, options: Options) {
  const plan = createPlan();
  const admin = kafka.admin();
  await admin.connect();
  const timings: Record<string, string> = {};
  const step = async <T>(name: string, work: () => Promise<T>) => {
    const started = Date.now();
    const result = await work();
    timings[name] = seconds(Date.now() - started);
    return result;
  };
  try {
    const topics = await step('topics', () => ensureTopics(admin, plan.topics));
    // Every partition, not only those with data: its leader answering is how we know the broker created it.
    log(`replicas: waiting until every leader hosts its partitions (reading all end offsets)`);
    const endOffsets = await step('ready', () =>
      readEndOffsets(
        options.brokers,
        plan.topics.map((t) => t.name),
      ),
    );
    await step('in sync', () => waitInSync(admin, plan.topics));
    const data = await step('data', () => ensureData(kafka, plan.topics, endOffsets));
    const existing = await existingFixtureGroups(admin);
    const empty = await step('empty groups', () => ensureEmptyGroups(kafka, plan.emptyGroups, endOffsets, existing));
    const active = await step('active groups', () => startActiveGroups(kafka, admin, plan.activeGroups, endOffsets, options.keepActive));
    if (!options.keepActive) await Promise.all(active.consumers.map((c) => c.disconnect()));
    return {
      summary: {
        topicsCreated: topics.created,
        topicsExisting: topics.existing,
        ...(topics.mismatched.length ? { topicsNotAsPlanned: topics.mismatched } : {}),
        recordsProduced: data.records,
        partitionsFilled: data.partitions,
        emptyGroupsCommitted: empty.groups,
        setOffsetsCalls: empty.commits,
        setOffsetsRetries: empty.retries,
        emptyGroupsAlreadyComplete: empty.complete,
        activeGroupsStarted: active.started,
        timings,
      },
      consumers: options.keepActive ? active.consumers : [],
    };
  } finally {
    await admin.disconnect();
  }
}

async function main() {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const kafka = new Kafka({ clientId: 'fixture-large', brokers: options.brokers, logLevel: logLevel.WARN, logCreator: quietLogCreator });
  log(`${options.clean ? 'cleaning' : 'populating'} ${options.brokers.join(',')}`);
  if (options.clean) {
    const summary = await clean(kafka);
    log(`done in ${seconds(Date.now() - started)}: ${JSON.stringify(summary)}`);
    if (summary.groupsNotDeleted.length) process.exitCode = 1;
    return;
  }
  const { summary, consumers } = await populate(kafka, options);
  log(`done in ${seconds(Date.now() - started)}: ${JSON.stringify(summary)}`);
  if (consumers.length) {
    log(`holding ${consumers.length} active consumer(s); Ctrl-C to stop them (their groups are then Empty)`);
    const signal = await untilSignal();
    log(`${signal}: stopping the active consumers`);
    setTimeout(() => process.exit(1), 15_000).unref();
    await Promise.all(consumers.map((c) => c.disconnect()));
  }
}

main().catch((error: unknown) => {
  console.error(`[fixture] failed: ${errorText(error)}`);
  process.exit(1);
});
