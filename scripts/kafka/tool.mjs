// Runs one of Kafka's CLI tools from the cached classpath of KAFKA_VERSION: `node tool.mjs kafka-topics --list …`.
// scripts/kafka/bin/<tool> are the shell entry points; the tests use the same tools as their oracle.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureJars, libsDir, loggingOptions } from './fetch.mjs';
import { writeLoggingConfig } from './logging.mjs';
import { resolveKafka, toolClass } from './versions.mjs';

const [tool, ...args] = process.argv.slice(2);
try {
  const kafka = resolveKafka();
  const mainClass = toolClass(kafka.family, tool);
  ensureJars(kafka);
  const configDir = path.join(ROOT, '.kafka', kafka.version, 'tools-config');
  mkdirSync(configDir, { recursive: true });
  writeLoggingConfig(configDir, { level: 'WARN', target: 'stderr' });
  const jvm = [
    '-Xmx256m',
    // Tools are short-lived: tiered C1 and the serial collector start noticeably faster on 2 cores.
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    '-Djava.awt.headless=true',
    ...loggingOptions(kafka, configDir),
    '-cp',
    `${libsDir(kafka.version)}/*`,
  ];
  const child = spawn('java', [...jvm, mainClass, ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
