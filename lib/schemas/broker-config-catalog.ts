// The dynamic broker configs the console changes, per broker or cluster-wide: what operators tune at run time. Kafka
// allows more (listener settings, JAAS configs, keystore passwords, metric reporters): those belong to whoever holds
// the brokers' credentials, with kafka-configs, not to a web console's admin role. Used by the route and the UI.

/** Each key with what it is for; the route refuses every other key (422, naming the CLI). */
export const BROKER_CONFIG_ALLOWLIST: Readonly<Record<string, string>> = {
  'leader.replication.throttled.rate': 'Replication throttle for leaders, bytes/s (reassignments)',
  'follower.replication.throttled.rate': 'Replication throttle for followers, bytes/s (reassignments)',
  'replica.alter.log.dirs.io.max.bytes.per.second': 'Throttle of moves between log directories, bytes/s',
  'log.cleaner.threads': 'Log cleaner threads',
  'log.cleaner.io.max.bytes.per.second': 'Log cleaner I/O throttle',
  'log.cleaner.dedupe.buffer.size': 'Log cleaner dedupe buffer',
  'log.cleaner.io.buffer.size': 'Log cleaner I/O buffer',
  'log.cleaner.io.buffer.load.factor': 'Log cleaner dedupe buffer load factor',
  'log.cleaner.backoff.ms': 'Log cleaner sleep when nothing to clean',
  'log.cleaner.min.cleanable.ratio': 'Default min.cleanable.dirty.ratio',
  'log.cleaner.delete.retention.ms': 'Default delete.retention.ms (tombstones)',
  'log.retention.ms': 'Default retention.ms of topics',
  'log.retention.bytes': 'Default retention.bytes of topics',
  'log.segment.bytes': 'Default segment.bytes',
  'log.roll.ms': 'Default segment.ms',
  'log.cleanup.policy': 'Default cleanup.policy',
  'log.message.timestamp.type': 'Default message.timestamp.type',
  'log.message.timestamp.before.max.ms': 'Default message.timestamp.before.max.ms',
  'log.message.timestamp.after.max.ms': 'Default message.timestamp.after.max.ms',
  'log.flush.interval.messages': 'Default flush.messages',
  'log.flush.interval.ms': 'Default flush.ms',
  'message.max.bytes': 'Default max.message.bytes',
  'compression.type': 'Default compression.type',
  'min.insync.replicas': 'Default min.insync.replicas',
  'unclean.leader.election.enable': 'Default unclean.leader.election.enable',
  'num.io.threads': 'Request handler threads',
  'num.network.threads': 'Network threads',
  'num.replica.fetchers': 'Replica fetcher threads',
  'num.recovery.threads.per.data.dir': 'Log recovery threads per directory',
  'background.threads': 'Background task threads',
  'max.connections': 'Connections the broker accepts',
  'max.connections.per.ip': 'Connections per client address',
  'max.connection.creation.rate': 'New connections a second',
};

export const isConsoleEditableBrokerConfig = (key: string) => Object.hasOwn(BROKER_CONFIG_ALLOWLIST, key);
