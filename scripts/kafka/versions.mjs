// Kafka versions the dev cluster and the CLI oracles run, pinned exactly, and the main class behind each CLI
// tool as that version's own bin/*.sh names it (several tools moved from the Scala core to kafka-tools).

export const KAFKA_VERSIONS = {
  // 4.4 moved kafka-configs out of the Scala core (kafka.admin.ConfigCommand) into kafka-tools.
  '4.4.0': { family: '4', logging: 'log4j2', modes: ['kraft'], tools: { 'kafka-configs': 'org.apache.kafka.tools.ConfigCommand' } },
  '4.3.1': { family: '4', logging: 'log4j2', modes: ['kraft'] },
  '3.9.2': { family: '3.9', logging: 'reload4j', modes: ['kraft', 'zookeeper'] },
};

export const DEFAULT_VERSION = '4.4.0';
const ALIASES = { 4: '4.4.0', 4.3: '4.3.1', 3.9: '3.9.2' };

const TOOLS_3_9 = {
  'kafka-topics': 'org.apache.kafka.tools.TopicCommand',
  'kafka-consumer-groups': 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
  'kafka-reassign-partitions': 'org.apache.kafka.tools.reassign.ReassignPartitionsCommand',
  'kafka-configs': 'kafka.admin.ConfigCommand',
  'kafka-console-producer': 'kafka.tools.ConsoleProducer',
  'kafka-console-consumer': 'org.apache.kafka.tools.consumer.ConsoleConsumer',
  'kafka-producer-perf-test': 'org.apache.kafka.tools.ProducerPerformance',
  'kafka-broker-api-versions': 'kafka.admin.BrokerApiVersionsCommand',
  'kafka-log-dirs': 'org.apache.kafka.tools.LogDirsCommand',
  'kafka-leader-election': 'org.apache.kafka.tools.LeaderElectionCommand',
  'kafka-metadata-quorum': 'org.apache.kafka.tools.MetadataQuorumCommand',
  'kafka-storage': 'kafka.tools.StorageTool',
  // Oracles of the offsets wave: end/start offsets per partition, and moving a log start offset.
  'kafka-get-offsets': 'org.apache.kafka.tools.GetOffsetShell',
  'kafka-delete-records': 'org.apache.kafka.tools.DeleteRecordsCommand',
  'kafka-features': 'org.apache.kafka.tools.FeatureCommand',
  // ZooKeeper mode only; tests read /controller with it as the oracle for the ZooKeeper-era controller id.
  'zookeeper-shell': 'org.apache.zookeeper.ZooKeeperMainWithTlsSupportForKafka',
};

const { 'zookeeper-shell': _zookeeperShell, ...TOOLS_3_9_WITHOUT_ZOOKEEPER } = TOOLS_3_9;
const TOOLS_4 = {
  ...TOOLS_3_9_WITHOUT_ZOOKEEPER,
  'kafka-console-producer': 'org.apache.kafka.tools.ConsoleProducer',
  'kafka-broker-api-versions': 'org.apache.kafka.tools.BrokerApiVersionsCommand',
  // Oracles of Kafka 4's groups and controls: every group type, share and streams groups, client metrics
  // subscriptions, and a share-group workload.
  'kafka-groups': 'org.apache.kafka.tools.GroupsCommand',
  'kafka-share-groups': 'org.apache.kafka.tools.consumer.group.ShareGroupCommand',
  'kafka-streams-groups': 'org.apache.kafka.tools.streams.StreamsGroupCommand',
  'kafka-client-metrics': 'org.apache.kafka.tools.ClientMetricsCommand',
  'kafka-console-share-consumer': 'org.apache.kafka.tools.consumer.ConsoleShareConsumer',
  // Oracle of the controllers' endpoints: `list-endpoints --bootstrap-controller` (DescribeCluster, controllers).
  'kafka-cluster': 'org.apache.kafka.tools.ClusterTool',
  // Not one of Kafka's tools: the streams-group workload, a Kafka Streams application run from its source file.
  'kafka-streams-wordcount': 'scripts/kafka/streams-app/WordCountWorkload.java',
};

export const TOOL_CLASSES = { 3.9: TOOLS_3_9, 4: TOOLS_4 };
export const TOOL_NAMES = [...new Set([...Object.keys(TOOLS_3_9), ...Object.keys(TOOLS_4)])];

/** Resolves `KAFKA_VERSION` (exact version or alias) and `KAFKA_MODE`; throws a readable error otherwise. */
export function resolveKafka(env = process.env) {
  const requested = env.KAFKA_VERSION?.trim() || DEFAULT_VERSION;
  const version = ALIASES[requested] ?? requested;
  const spec = KAFKA_VERSIONS[version];
  if (!spec) {
    const known = [...Object.keys(KAFKA_VERSIONS), ...Object.keys(ALIASES)].join(', ');
    throw new Error(`KAFKA_VERSION=${requested} is not supported (use one of: ${known})`);
  }
  const mode = env.KAFKA_MODE?.trim() || 'kraft';
  if (!spec.modes.includes(mode)) {
    throw new Error(`KAFKA_MODE=${mode} is not available for Kafka ${version} (use: ${spec.modes.join(', ')})`);
  }
  return { version, mode, ...spec };
}

export function toolClass({ family, tools = {} }, tool) {
  const mainClass = tools[tool] ?? TOOL_CLASSES[family]?.[tool];
  if (!mainClass && TOOL_NAMES.includes(tool)) throw new Error(`${tool} is not part of Kafka ${family}'s tools`);
  if (!mainClass) throw new Error(`unknown Kafka tool ${tool} (known: ${TOOL_NAMES.join(', ')})`);
  return mainClass;
}
