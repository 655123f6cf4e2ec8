import { describe, expect, it } from 'vitest';
import { inferKafkaVersion, type AdvertisedApiVersions } from '@/server/kafka/kafka-version';
import { KAFKA_RELEASES, type KafkaMode } from '@/server/kafka/kafka-version-table';

/** What a broker of `release` in `mode` advertises, shaped like kafkajs's `broker.versions` (string keys). */
function advertised(release: string, mode: KafkaMode): Record<string, { minVersion: number; maxVersion: number }> {
  const line = KAFKA_RELEASES.find((r) => r.release === release);
  if (!line) throw new Error(`no release line ${release} in the table`);
  return Object.fromEntries(
    Object.entries(line.apis)
      .filter(([, [, , only]]) => !only || only === mode)
      .map(([key, [minVersion, maxVersion]]) => [key, { minVersion, maxVersion }]),
  );
}

const NEWEST = KAFKA_RELEASES[0]!.release;
const OLDEST = KAFKA_RELEASES.at(-1)!.release;
// The only release lines whose brokers advertise identical ranges (the generator prints them too).
const TIES: Record<KafkaMode, string[][]> = { zookeeper: [], kraft: [['3.3', '3.4']] };

describe('inferKafkaVersion', () => {
  const cases = KAFKA_RELEASES.flatMap((r) => r.modes.map((mode) => ({ release: r.release, mode })));

  it.each(cases)("infers $release from a $mode broker's own ranges, or its tie", ({ release, mode }) => {
    const inferred = inferKafkaVersion(advertised(release, mode), { kraft: mode === 'kraft' });
    const tie = TIES[mode].find((group) => group.includes(release));
    if (tie) {
      expect(inferred).toEqual({
        release: tie[0],
        exact: false,
        candidates: [...tie].reverse(),
        label: `Kafka ${tie[0]}–${tie.at(-1)} (inferred from ApiVersions)`,
      });
    } else {
      expect(inferred).toEqual({ release, exact: true, candidates: [release], label: `Kafka ${release} (inferred from ApiVersions)` });
    }
  });

  it('covers ZooKeeper mode up to 3.9 and KRaft from 2.8 to the newest line', () => {
    expect(cases.filter((c) => c.mode === 'zookeeper').map((c) => c.release)[0]).toBe('3.9');
    expect(cases.filter((c) => c.mode === 'kraft').map((c) => c.release)).toEqual(KAFKA_RELEASES.map((r) => r.release));
    expect(OLDEST).toBe('2.8');
  });

  it(`reads a broker newer than ${NEWEST} (higher versions, a new API) as "${NEWEST} or later"`, () => {
    const future: Record<string, { minVersion: number; maxVersion: number }> = Object.fromEntries(
      Object.entries(advertised(NEWEST, 'kraft')).map(([key, v]) => [key, { ...v, maxVersion: v.maxVersion + 1 }]),
    );
    future[999] = { minVersion: 0, maxVersion: 0 };
    expect(inferKafkaVersion(future, { kraft: true })).toEqual({
      release: NEWEST,
      exact: false,
      candidates: [],
      label: `Kafka ${NEWEST} or later (inferred from ApiVersions)`,
    });
  });

  it('reads a single bumped version as "or later" too (unstable versions enabled, a vendor build)', () => {
    const bumped = advertised('3.7', 'zookeeper');
    bumped[0] = { minVersion: 0, maxVersion: bumped[0]!.maxVersion + 1 };
    expect(inferKafkaVersion(bumped, { kraft: false })).toMatchObject({
      release: '3.7',
      exact: false,
      label: 'Kafka 3.7 or later (inferred from ApiVersions)',
    });
  });

  it('ignores client telemetry, which a broker advertises only when a telemetry receiver is configured', () => {
    const withTelemetry: AdvertisedApiVersions = {
      ...advertised(NEWEST, 'kraft'),
      71: { minVersion: 0, maxVersion: 0 },
      72: { minVersion: 0, maxVersion: 0 },
    };
    expect(inferKafkaVersion(withTelemetry, { kraft: true })).toMatchObject({ release: NEWEST, exact: true });
  });

  it('compares only the lines of the broker mode: ZooKeeper ranges are no KRaft release', () => {
    expect(inferKafkaVersion(advertised('3.9', 'zookeeper'), { kraft: true })).toMatchObject({ exact: false, candidates: [] });
    expect(inferKafkaVersion(advertised('3.9', 'kraft'), { kraft: false })).toMatchObject({ exact: false, candidates: [] });
  });

  it('takes an API the broker does not list as evidence against every line that serves it', () => {
    // ListConfigResources (74) arrived in 3.7 KRaft: without it, only lines up to 3.6 can be a lower bound.
    const { 74: _listConfigResources, ...without } = advertised(NEWEST, 'kraft');
    expect(inferKafkaVersion(without, { kraft: true })).toEqual({
      release: '3.6',
      exact: false,
      candidates: [],
      label: 'Kafka 3.6 or later (inferred from ApiVersions)',
    });
  });

  it(`reads a broker older than ${OLDEST} as such`, () => {
    // 2.7: DescribeProducers (61) did not exist yet and Produce stopped at v8.
    const { 61: _describeProducers, ...older } = advertised(OLDEST, 'zookeeper');
    older[0] = { minVersion: 0, maxVersion: 8 };
    expect(inferKafkaVersion(older, { kraft: false })).toEqual({
      release: null,
      exact: false,
      candidates: [],
      label: `Kafka before ${OLDEST} (inferred from ApiVersions)`,
    });
  });

  it('says so when it has nothing to go on, or the answer fits no Kafka release', () => {
    expect(inferKafkaVersion(null, { kraft: true })).toEqual({
      release: null,
      exact: false,
      candidates: [],
      label: 'Kafka release unknown (no ApiVersions)',
    });
    const odd = { 0: { minVersion: 0, maxVersion: 99 }, 3: { minVersion: 0, maxVersion: 1 } };
    expect(inferKafkaVersion(odd, { kraft: true }).label).toBe('Kafka release not recognised from ApiVersions');
  });
});
