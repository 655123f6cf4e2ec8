#!/usr/bin/env node
// Generates server/kafka/kafka-version-table.ts: the ApiVersions ranges a broker of each Apache Kafka release line
// advertises, read from the request definitions inside each line's newest kafka-clients jar on Maven Central.
//
//   node scripts/kafka/api-fingerprints/generate.mjs            # write the table
//   node scripts/kafka/api-fingerprints/generate.mjs --check    # exit 1 when the committed table is stale
//   … --first 2.8 --last 4.4                                    # the release lines (these are the defaults)
//   … --out /tmp/table.ts                                       # write elsewhere (to compare another range)
//   … --verify                                                  # also check against each jar's ApiKeys (needs a JDK)
//
// Jars are cached in the git-ignored .kafka/fingerprints/ (fetched with `mvn dependency:copy`); the list of
// releases comes from kafka-clients' maven-metadata.xml (MAVEN_REPOSITORY to use a mirror).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONDITIONAL_API_KEYS, LISTENER_BY_MODE, brokerApis } from './messages.mjs';
import { ensureClientsJar, fetchMetadata, latestPatches } from './releases.mjs';
import { indistinguishable, renderModule } from './render.mjs';
import { verifyRelease } from './verify.mjs';
import { readZip } from './zip.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const JARS = path.join(ROOT, '.kafka/fingerprints');
const COMMAND = 'node scripts/kafka/api-fingerprints/generate.mjs';

const { values: args } = parseArgs({
  options: {
    first: { type: 'string', default: '2.8' },
    last: { type: 'string', default: '4.4' },
    check: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(ROOT, 'server/kafka/kafka-version-table.ts') },
  },
});
const OUTPUT = path.resolve(args.out);

function readRelease({ release, version }) {
  const jar = ensureClientsJar(version, JARS);
  const zip = readZip(readFileSync(jar));
  const requestFiles = [...zip]
    .filter(([name]) => /^common\/message\/\w+Request\.json$/.test(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, read]) => [name, read().toString('utf8')]);
  if (requestFiles.length === 0) throw new Error(`kafka-clients ${version} has no common/message/*Request.json`);
  const apis = brokerApis(requestFiles, release);
  const modes = Object.keys(LISTENER_BY_MODE).filter((mode) => [...apis.values()].some((api) => api.modes.includes(mode)));
  return { release, version, modes, apis, jar };
}

const metadata = await fetchMetadata();
const lines = latestPatches(metadata.xml, args);
if (lines.length === 0) throw new Error(`no kafka-clients release between ${args.first} and ${args.last} in ${metadata.url}`);
const releases = lines.map(readRelease);
const source = `${lines.at(-1).version} to ${lines[0].version}`;
const command = args.first === '2.8' && args.last === '4.4' ? COMMAND : `${COMMAND} --first ${args.first} --last ${args.last}`;
const text = renderModule(releases, { command, source, conditionalApiKeys: CONDITIONAL_API_KEYS });

if (args.verify) {
  const problems = releases.flatMap((r) => verifyRelease(r, r.jar));
  if (problems.length > 0) {
    console.error(`The JSON-derived table disagrees with Kafka's ApiKeys:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.error(`Verified ${releases.length} release lines against their own ApiKeys.`);
}

for (const mode of ['zookeeper', 'kraft']) {
  const ties = indistinguishable(releases, mode).map((g) => `${g[0]}–${g.at(-1)}`);
  console.error(
    `${mode}: ${releases.filter((r) => r.modes.includes(mode)).length} release lines; indistinguishable: ${ties.join(', ') || 'none'}`,
  );
}

if (args.check) {
  const current = (() => {
    try {
      return readFileSync(OUTPUT, 'utf8');
    } catch {
      return '';
    }
  })();
  if (current !== text) {
    console.error(`${path.relative(ROOT, OUTPUT)} is stale: run \`${command}\``);
    process.exit(1);
  }
  console.error(`${path.relative(ROOT, OUTPUT)} is up to date (${Buffer.byteLength(text)} bytes).`);
} else {
  writeFileSync(OUTPUT, text);
  console.error(`Wrote ${path.relative(ROOT, OUTPUT)}: ${releases.length} release lines (${source}), ${Buffer.byteLength(text)} bytes.`);
}
