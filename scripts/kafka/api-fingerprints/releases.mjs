// Which Kafka releases to fingerprint (the newest patch of each release line on Maven Central) and their
// kafka-clients jars, cached in the git-ignored `.kafka/fingerprints/`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';
const ARTIFACT = 'org.apache.kafka:kafka-clients';

/** "3.9" → [3, 9], for ordering release lines numerically (3.10 would sort after 3.9). */
export const lineKey = (line) => line.split('.').map(Number);
export const compareLines = (a, b) => {
  const [a1, a2] = lineKey(a);
  const [b1, b2] = lineKey(b);
  return a1 - b1 || a2 - b2;
};

/**
 * The newest patch of every release line from `first` to `last` (inclusive), newest line first, from
 * maven-metadata.xml. Only plain `x.y.z` versions count (no release candidates; 0.x versions have four parts).
 */
export function latestPatches(metadataXml, { first, last }) {
  const newest = new Map();
  for (const [, major, minor, patch] of metadataXml.matchAll(/<version>(\d+)\.(\d+)\.(\d+)<\/version>/g)) {
    const line = `${major}.${minor}`;
    if (compareLines(line, first) < 0 || compareLines(line, last) > 0) continue;
    newest.set(line, Math.max(newest.get(line) ?? -1, Number(patch)));
  }
  return [...newest].sort(([a], [b]) => compareLines(b, a)).map(([line, patch]) => ({ release: line, version: `${line}.${patch}` }));
}

export async function fetchMetadata(repository = process.env.MAVEN_REPOSITORY || MAVEN_CENTRAL) {
  const url = `${repository}/${ARTIFACT.replace(/[.:]/g, '/')}/maven-metadata.xml`;
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return { url, xml: await response.text() };
}

/** The kafka-clients jar of `version` in `dir`, fetched with Maven (its local repository and mirrors) if absent. */
export function ensureClientsJar(version, dir, log = console.error) {
  const jar = path.join(dir, `kafka-clients-${version}.jar`);
  if (existsSync(jar)) return jar;
  mkdirSync(dir, { recursive: true });
  log(`Fetching ${ARTIFACT}:${version}…`);
  const result = spawnSync('mvn', ['-q', '-B', 'dependency:copy', `-Dartifact=${ARTIFACT}:${version}`, `-DoutputDirectory=${dir}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0 || !existsSync(jar)) {
    throw new Error(`mvn dependency:copy ${ARTIFACT}:${version} failed (exit ${result.status ?? result.signal})`);
  }
  return jar;
}
