// What one sampling pass read, as plain numbers: the input of derivePass (server/metrics/derive-pass.ts). Offsets
// are JS numbers here (exact below 2^53): the series are estimates and charts, the API's exact offsets stay strings.

/** A partition as the cluster snapshot saw it; null where it could not be read. */
export type PartitionReading = {
  topic: string;
  leader: number | null;
  highWatermark: number | null;
  logStartOffset: number | null;
  /** The leader replica's size in bytes (DescribeLogDirs), as read at the reading's `sizesTime`. */
  leaderSizeBytes: number | null;
  /** The high watermark and log start offset read together with that size (= the above when sizesTime = time). */
  sizedHighWatermark: number | null;
  sizedLogStartOffset: number | null;
};

export type ClusterReading = {
  /** When the cluster snapshot's metadata arrived: offsets (and sizes, when sizesTime = time) were read just after. */
  time: number;
  /** When the log dirs behind the sizes were read: `time`, or earlier when the pass reused them (metrics.logDirsEveryMs). */
  sizesTime: number;
  /** By partitionKey. */
  partitions: ReadonlyMap<string, PartitionReading>;
  /** Bytes of all replicas in each broker's log dirs; null for a broker whose log dirs could not be read. */
  brokerDiskBytes: ReadonlyMap<number, number | null>;
};

/** A group's rows as the groups page shows them (kafka-consumer-groups --describe plus time lag). */
export type GroupReading = {
  groupId: string;
  rows: readonly { topic: string; partition: number; committed: number | null; lag: number | null; timeLagMs: number | null }[];
};

export type PassReading = {
  /** The groups snapshot's time: the pass's points are stored at it. */
  time: number;
  cluster: ClusterReading;
  groups: readonly GroupReading[];
  /** Something could not be read (a broker, a coordinator): its values are null, the pass is marked partial. */
  partial: boolean;
};
