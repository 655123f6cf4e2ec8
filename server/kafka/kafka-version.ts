import 'server-only';
import { CONDITIONAL_API_KEYS, KAFKA_RELEASES, type KafkaMode } from '@/server/kafka/kafka-version-table';

/** A broker's ApiVersions answer as kafkajs keeps it (`broker.versions`): api key → advertised range. */
export type AdvertisedApiVersions = Readonly<Record<string, { minVersion: number; maxVersion: number }>>;

export type KafkaVersionInference = {
  /**
   * The release line the broker runs at least ('4.3'): the line itself when `exact`, otherwise the oldest line of a
   * tie or the newest line the broker is at least as new as. null when no known line fits.
   */
  release: string | null;
  /** Exactly one release line advertises exactly these ranges. */
  exact: boolean;
  /** Every release line that advertises exactly these ranges, newest first (more than one: a tie; none: no match). */
  candidates: string[];
  label: string;
};

type Ranges = ReadonlyMap<number, readonly [min: number, max: number]>;

const SUFFIX = '(inferred from ApiVersions)';

// Each release line's ranges in each mode it has, newest first, as its brokers advertise them.
const FINGERPRINTS: { release: string; mode: KafkaMode; apis: Ranges }[] = KAFKA_RELEASES.flatMap((r) =>
  r.modes.map((mode) => ({
    release: r.release,
    mode,
    apis: new Map(
      Object.entries(r.apis)
        .filter(([, [, , only]]) => !only || only === mode)
        .map(([key, [min, max]]): [number, readonly [number, number]] => [Number(key), [min, max]]),
    ),
  })),
);

function advertisedRanges(versions: AdvertisedApiVersions | null | undefined): Ranges {
  const ranges = new Map<number, readonly [number, number]>();
  for (const [key, range] of Object.entries(versions ?? {})) {
    const apiKey = Number(key);
    if (Number.isInteger(apiKey) && !CONDITIONAL_API_KEYS.includes(apiKey)) ranges.set(apiKey, [range.minVersion, range.maxVersion]);
  }
  return ranges;
}

const sameRanges = (a: Ranges, b: Ranges) =>
  a.size === b.size && [...a].every(([key, [min, max]]) => b.get(key)?.[0] === min && b.get(key)?.[1] === max);

/** The broker serves every API of the release, each up to at least the release's newest version. */
const atLeast = (broker: Ranges, release: Ranges) => [...release].every(([key, [, max]]) => (broker.get(key)?.[1] ?? -1) >= max);

/** Every API the broker shares with the release stops at or below the release's newest version. */
const atMost = (broker: Ranges, release: Ranges) => [...broker].every(([key, [, max]]) => max <= (release.get(key)?.[1] ?? Infinity));

/**
 * The Kafka release line of a broker, from its ApiVersions answer alone.
 *
 * A broker advertises exactly the ranges its release serves (generated into kafka-version-table.ts from each
 * release's own request definitions), so the answer is a fingerprint. Only the release lines of the broker's mode
 * are compared, and only over the API keys that release defines for that mode: a ZooKeeper-mode broker lacks
 * KRaft-only APIs (DescribeQuorum…) and a KRaft broker lacks ZooKeeper-only ones (LeaderAndIsr…). The broker's
 * advertised set is authoritative: an API it lists that a release lacks, or one a release serves that it does
 * not list, rules that release out, except the APIs advertised only when configured (client telemetry).
 *
 * 1. Exact: the release lines whose ranges (min and max) equal the broker's for every API. One line: that release.
 *    Several consecutive lines with identical ranges cannot be told apart (a tie: 'Kafka 3.3–3.4').
 * 2. Otherwise the broker runs something no line advertises exactly: a release newer than the table, a vendor
 *    build, `unstable.api.versions.enable`, or a KRaft broker whose controllers run an older release (forwarded
 *    APIs are capped at the controller's ranges). The newest line whose every API the broker serves at least up
 *    to that line's max versions is a lower bound: 'Kafka 4.3 or later'. KIP-896 (4.0) raised min versions, so
 *    minimums only count for exact matches.
 * 3. No line at all: an older release than the table's oldest (every shared API at or below it), or not Kafka.
 */
export function inferKafkaVersion(
  versions: AdvertisedApiVersions | null | undefined,
  { kraft }: { kraft: boolean },
): KafkaVersionInference {
  const mode: KafkaMode = kraft ? 'kraft' : 'zookeeper';
  const broker = advertisedRanges(versions);
  if (broker.size === 0) return { release: null, exact: false, candidates: [], label: 'Kafka release unknown (no ApiVersions)' };
  const lines = FINGERPRINTS.filter((f) => f.mode === mode);

  const candidates = lines.filter((f) => sameRanges(f.apis, broker)).map((f) => f.release);
  const newest = candidates[0];
  const oldest = candidates.at(-1);
  if (newest && oldest) {
    const label = newest === oldest ? `Kafka ${newest} ${SUFFIX}` : `Kafka ${oldest}–${newest} ${SUFFIX}`;
    return { release: oldest, exact: newest === oldest, candidates, label };
  }

  const floor = lines.find((f) => atLeast(broker, f.apis));
  if (floor) return { release: floor.release, exact: false, candidates: [], label: `Kafka ${floor.release} or later ${SUFFIX}` };

  const oldestLine = lines.at(-1);
  const label =
    oldestLine && atMost(broker, oldestLine.apis)
      ? `Kafka before ${oldestLine.release} ${SUFFIX}`
      : 'Kafka release not recognised from ApiVersions';
  return { release: null, exact: false, candidates: [], label };
}
