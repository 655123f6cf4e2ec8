// Makes sure Kafka's jars for a version are in the git-ignored cache `.kafka/<version>/libs`.
// The first fetch runs Maven (minutes); later calls only check a marker file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function libsDir(version) {
  return path.join(ROOT, '.kafka', version, 'libs');
}

export function ensureJars({ version, logging }, log = console.error) {
  const dir = libsDir(version);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return dir;
  log(`Fetching Apache Kafka ${version} jars from Maven Central into ${path.relative(ROOT, dir)} (first time only)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      path.join(ROOT, 'scripts/kafka/pom.xml'),
      'dependency:copy-dependencies',
      `-Dkafka.version=${version}`,
      `-Dkafka.logging=${logging}`,
      '-DincludeScope=runtime',
      `-DoutputDirectory=${dir}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) {
    throw new Error(`mvn dependency:copy-dependencies failed for Kafka ${version} (exit ${result.status ?? result.signal})`);
  }
  const jars = readdirSync(dir).filter((f) => f.endsWith('.jar')).length;
  writeFileSync(marker, `${new Date().toISOString()} ${jars} jars\n`);
  log(`Fetched ${jars} jars in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return dir;
}

/** The JVM options every Kafka process gets: classpath plus the logging backend's configuration. */
export function loggingOptions({ logging }, configDir) {
  return logging === 'log4j2'
    ? [`-Dlog4j2.configurationFile=${path.join(configDir, 'log4j2.properties')}`]
    : [`-Dlog4j.configuration=file:${path.join(configDir, 'log4j.properties')}`];
}
