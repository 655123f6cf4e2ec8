import { afterAll, describe, expect, it } from 'vitest';
import { closeAllConnections, withKafka } from '@/server/kafka/clients';
import { onAnyBroker } from '@/server/kafka/connection';
import { inferKafkaVersion, type AdvertisedApiVersions } from '@/server/kafka/kafka-version';
import { isKraftBroker } from '@/server/protocol/describe-quorum';
import { kafkaCli } from './support/cli';
import { kafkaTarget } from './support/kafka-target';

const target = kafkaTarget();
const release = target.version.split('.').slice(0, 2).join('.');

/**
 * `kafka-broker-api-versions`: per broker id, its ApiVersions ranges from lines like `\tProduce(0): 0 to 13 [usable: 13],`
 * or `\tOffsetDelete(47): 0 [usable: 0],`; APIs shown as UNSUPPORTED are not advertised.
 */
function apiVersionsFromCli(): Map<number, AdvertisedApiVersions> {
  const out = kafkaCli('kafka-broker-api-versions', ['--bootstrap-server', target.bootstrap.join(',')]);
  const brokers = new Map<number, AdvertisedApiVersions>();
  for (const block of out.split(/^(?=\S+:\d+ \(id: \d+)/m)) {
    const id = block.match(/^\S+:\d+ \(id: (\d+)/)?.[1];
    if (!id) continue;
    const versions: Record<string, { minVersion: number; maxVersion: number }> = {};
    for (const [, key, min, max] of block.matchAll(/^\s+\w+\((\d+)\): (\d+)(?: to (\d+))? \[usable/gm)) {
      versions[key!] = { minVersion: Number(min), maxVersion: Number(max ?? min) };
    }
    brokers.set(Number(id), versions);
  }
  return brokers;
}

describe(`Kafka release inferred from ApiVersions on ${target.label}`, () => {
  afterAll(closeAllConnections);

  it(`is ${release}, exactly`, async () => {
    const { versions, kraft } = await withKafka('local', (c) =>
      onAnyBroker(c, async (broker) => ({ versions: broker.versions, kraft: isKraftBroker(broker) })),
    );
    expect(kraft).toBe(target.mode === 'kraft');
    expect(inferKafkaVersion(versions, { kraft })).toEqual({
      release,
      exact: true,
      candidates: [release],
      label: `Kafka ${release} (inferred from ApiVersions)`,
    });
  });

  it('reads the same ranges kafka-broker-api-versions shows, and every broker infers the same release', async () => {
    const cli = apiVersionsFromCli();
    expect([...cli.keys()].sort()).toEqual([1, 2, 3]);
    // kafkajs keeps the first (seed) broker's answer for every broker; all brokers of the dev cluster run one release.
    const ours = await withKafka('local', (c) => onAnyBroker(c, async (broker) => broker.versions));
    for (const [id, versions] of cli) {
      expect(versions, `broker ${id}`).toEqual(ours);
      expect(inferKafkaVersion(versions, { kraft: target.mode === 'kraft' }).label, `broker ${id}`).toBe(
        `Kafka ${release} (inferred from ApiVersions)`,
      );
    }
  });
});
