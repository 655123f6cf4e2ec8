import 'server-only';
import type { KafkajsBroker } from '@/server/kafka/kafkajs';
import type { Reader } from '@/server/protocol/codec';
import { kafkaError, sendRequest } from '@/server/kafka/send-request';
import { type ProtocolApi } from '@/server/protocol/request';

export type LogDirPartition = { topic: string; partition: number; sizeBytes: string; isFuture: boolean };

export type LogDir = {
  path: string;
  /** Kafka's error for this directory (KAFKA_STORAGE_ERROR when the disk is offline), null when healthy. */
  error: string | null;
  /** The volume's total and usable bytes (v4+, KIP-827); null when the broker does not say. */
  totalBytes: string | null;
  usableBytes: string | null;
  partitions: LogDirPartition[];
};

export type BrokerLogDirs = { brokerId: number; logDirs: LogDir[] };

type RawPartition = { partition: number; size: bigint; offsetLag: bigint; isFutureKey: boolean };
type RawLogDir = {
  errorCode: number;
  logDir: string;
  topics: { name: string; partitions: RawPartition[] }[];
  totalBytes: bigint;
  usableBytes: bigint;
};
export type DescribeLogDirsResponse = { errorCode: number; results: RawLogDir[] };

/** Which replicas to describe: these partitions of these topics; undefined for every replica of the broker. */
export type LogDirsFilter = { topic: string; partitions: number[] }[] | undefined;

/**
 * DescribeLogDirs (API 35), versions 1-4: Kafka 4.0 removed v0 (KIP-896), v2 is the first flexible version,
 * v3 adds the top-level ErrorCode, v4 adds TotalBytes/UsableBytes per log dir (-1 when unknown).
 * Layouts from Kafka's DescribeLogDirsRequest.json / DescribeLogDirsResponse.json.
 */
export const describeLogDirsApi: ProtocolApi<LogDirsFilter, DescribeLogDirsResponse> = {
  apiKey: 35,
  apiName: 'DescribeLogDirs',
  minVersion: 1,
  maxVersion: 4,
  flexibleFrom: 2,
  encode(w, filter, version) {
    // Topics = null asks for every partition on every log dir of the broker.
    const topics = filter ?? null;
    if (version >= 2) {
      w.compactArray(topics, (w, t) => {
        w.compactString(t.topic).compactArray(t.partitions, (w, p) => w.int32(p));
        w.emptyTaggedFields();
      }).emptyTaggedFields();
    } else w.array(topics, (w, t) => w.string(t.topic).array(t.partitions, (w, p) => w.int32(p)));
  },
  decode(r, version) {
    const flexible = version >= 2;
    const string = () => (flexible ? r.compactString() : r.string());
    const array = <T>(each: (r: Reader) => T) => (flexible ? r.compactArray(each) : r.array(each));
    const tags = () => {
      if (flexible) r.taggedFields();
    };
    r.int32(); // throttle time
    const errorCode = version >= 3 ? r.int16() : 0;
    const results = array((): RawLogDir => {
      const dirError = r.int16();
      const logDir = string();
      const topics = array(() => {
        const name = string();
        const partitions = array((): RawPartition => {
          const partition = { partition: r.int32(), size: r.int64(), offsetLag: r.int64(), isFutureKey: r.bool() };
          tags();
          return partition;
        });
        tags();
        return { name, partitions };
      });
      const totalBytes = version >= 4 ? r.int64() : -1n;
      const usableBytes = version >= 4 ? r.int64() : -1n;
      tags();
      return { errorCode: dirError, logDir, topics, totalBytes, usableBytes };
    });
    tags();
    return { errorCode, results };
  },
};

const bytes = (value: bigint) => (value < 0n ? null : value.toString());

// A plain loop: a broker holds thousands of replicas and this runs for every broker of every snapshot.
function replicas(dir: RawLogDir): LogDirPartition[] {
  const partitions: LogDirPartition[] = [];
  for (const topic of dir.topics) {
    for (const p of topic.partitions)
      partitions.push({ topic: topic.name, partition: p.partition, sizeBytes: p.size.toString(), isFuture: p.isFutureKey });
  }
  return partitions;
}

/** The plain-JSON view of a response: sizes as exact decimal strings, error codes as Kafka's error text. */
export function toBrokerLogDirs(brokerId: number, response: DescribeLogDirsResponse): BrokerLogDirs {
  return {
    brokerId,
    logDirs: response.results.map((dir) => {
      const error = kafkaError(dir.errorCode);
      return {
        path: dir.logDir,
        error: error ? `${error.type}: ${error.message}` : null,
        totalBytes: bytes(dir.totalBytes),
        usableBytes: bytes(dir.usableBytes),
        partitions: replicas(dir),
      };
    }),
  };
}

/**
 * Every log dir of one broker with the size of every replica it holds (and future replicas of KIP-113 moves), or of
 * the replicas `filter` names.
 */
export async function describeLogDirs(broker: KafkajsBroker, filter?: LogDirsFilter): Promise<BrokerLogDirs> {
  const response = await sendRequest(broker, describeLogDirsApi, filter);
  // v3+: e.g. CLUSTER_AUTHORIZATION_FAILED; older versions answer an empty result list instead.
  const topLevel = kafkaError(response.errorCode);
  if (topLevel) throw topLevel;
  return toBrokerLogDirs(broker.nodeId, response);
}
