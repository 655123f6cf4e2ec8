// Runs one of Kafka's CLI tools from the cached classpath of KAFKA_VERSION: `node tool.mjs kafka-topics --list …`.
// scripts/kafka/bin/<tool> are the shell entry points; the tests use the same tools as their oracle.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureJars, libsDir, loggingOptions } from './fetch.mjs';
import { writeLoggingConfig } from './logging.mjs';
import { resolveKafka, toolClass } from './versions.mjs';

const [tool, ...args] = process.argv.slice(2);
try {
  const kafka = resolveKafka();
  const mainClass = toolClass(kafka, tool);
  ensureJars(kafka);
  const configDir = path.join(ROOT, '.kafka', kafka.version, 'tools-config');
  mkdirSync(configDir, { recursive: true });
  writeLoggingConfig(configDir, { level: 'WARN', target: 'stderr' });
  // A .java main runs from source (Java's source-file mode), whose in-memory classes no archive can hold.
  const fromSource = mainClass.endsWith('.java');
  const cds = fromSource ? { options: [], done: () => {} } : classDataSharing(kafka.version, tool);
  const jvm = [
    '-Xmx256m',
    // Tools are short-lived: tiered C1 and the serial collector start noticeably faster on 2 cores.
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    ...cds.options,
    // The JVM's own log lines (a CDS archive it cannot use, say) would go to stdout, which callers parse.
    '-Xlog:disable',
    '-Djava.awt.headless=true',
    ...loggingOptions(kafka, configDir),
    '-cp',
    `${libsDir(kafka.version)}/*`,
  ];
  const main = fromSource ? path.join(ROOT, mainClass) : mainClass;
  const child = spawn('java', [...jvm, main, ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    cds.done(code === 0);
    process.exit(code ?? (signal ? 128 : 1));
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}

/**
 * Application class-data sharing: the first successful run of a tool dumps the classes it loaded into an archive
 * (per Kafka version and tool, under the git-ignored .kafka/), later runs map it instead of loading ~90 jars' classes
 * again — about half the start-up time and CPU of each call (1.3 s → 0.7 s here), and tests run hundreds. Written
 * under a temporary name and renamed, so concurrent first runs never leave a torn archive; the JVM ignores an
 * archive that does not match its classpath.
 */
function classDataSharing(version, tool) {
  const dir = path.join(ROOT, '.kafka', version, 'cds');
  const archive = path.join(dir, `${tool}.jsa`);
  if (existsSync(archive)) return { options: [`-XX:SharedArchiveFile=${archive}`], done: () => {} };
  mkdirSync(dir, { recursive: true });
  const making = path.join(dir, `${tool}.${process.pid}.jsa.tmp`);
  return {
    options: [`-XX:ArchiveClassesAtExit=${making}`],
    done: (ok) => {
      try {
        if (ok && existsSync(making) && !existsSync(archive)) renameSync(making, archive);
      } finally {
        rmSync(making, { force: true });
      }
    },
  };
}
