// kafka-streams-groups as the oracle of the streams group tests (Kafka 4.1+), and the streams workload they watch.
import { startStreamsApp as launch } from '../../scripts/kafka/streams-app/launch.mjs';
import { kafkaCli } from './cli';
import { tableRows } from './groups-cli';
import { kafkaTarget } from './kafka-target';

const bootstrap = () => kafkaTarget().bootstrap.join(',');
const orNull = (value: string | undefined) => (value === undefined || value === '-' ? null : value);
const streamsGroups = (args: string[]) => kafkaCli('kafka-streams-groups', ['--bootstrap-server', bootstrap(), ...args]);

/** `--describe --verbose`: GROUP TOPIC PARTITION CURRENT-OFFSET LEADER-EPOCH LOG-END-OFFSET OFFSET-LAG, by topic and partition. */
export function streamsOffsetsFromCli(group: string) {
  return tableRows(streamsGroups(['--describe', '--group', group, '--verbose']))
    .map((row) => ({
      topic: row.TOPIC!,
      partition: Number(row.PARTITION),
      currentOffset: orNull(row['CURRENT-OFFSET']),
      leaderEpoch: orNull(row['LEADER-EPOCH']) === null ? null : Number(row['LEADER-EPOCH']),
      logEndOffset: orNull(row['LOG-END-OFFSET']),
      lag: orNull(row['OFFSET-LAG']),
    }))
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}

/** `--state --verbose`: COORDINATOR (ID) [ASSIGNOR] STATE GROUP-EPOCH TARGET-ASSIGNMENT-EPOCH #MEMBERS. */
export function streamsStateFromCli(group: string) {
  const [row] = tableRows(streamsGroups(['--describe', '--group', group, '--state', '--verbose']));
  if (!row) return undefined;
  return {
    coordinatorId: Number(row['(ID)']!.replace(/[()]/g, '')),
    // Kafka 4.4+ (StreamsGroupDescribe v1) prints the assignor; older tools do not.
    assignor: row.ASSIGNOR ?? null,
    state: row.STATE!,
    groupEpoch: Number(row['GROUP-EPOCH']),
    targetAssignmentEpoch: Number(row['TARGET-ASSIGNMENT-EPOCH']),
    members: Number(row['#MEMBERS']),
  };
}

type Tasks = Record<string, number[]>;
/** "ACTIVE: 0:[0]; 1:[0, 1]; TARGET-ACTIVE: …" as { ACTIVE: { 0: [0], 1: [0, 1] }, 'TARGET-ACTIVE': … }. */
export function parseTasks(text: string): Record<string, Tasks> {
  const kinds: Record<string, Tasks> = {};
  for (const [, kind, list] of text.matchAll(/([A-Z-]+):((?:\s*[^\s:]+:\[[^\]]*\];)*)/g)) {
    const tasks: Tasks = {};
    for (const [, id, partitions] of list!.matchAll(/([^\s:;]+):\[([^\]]*)\]/g))
      tasks[id!] = partitions!
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number)
        .sort((a, b) => a - b);
    kinds[kind!] = tasks;
  }
  return kinds;
}

/**
 * `--members --verbose`: GROUP TARGET-ASSIGNMENT-EPOCH TOPOLOGY-EPOCH MEMBER MEMBER-PROTOCOL MEMBER-EPOCH PROCESS
 * CLIENT-ID ASSIGNMENTS, the last holding spaces (read as the rest of the line).
 */
export function streamsMembersFromCli(group: string) {
  const lines = streamsGroups(['--describe', '--group', group, '--members', '--verbose']).split('\n');
  const header = lines.findIndex((line) => line.startsWith('GROUP'));
  return lines
    .slice(header + 1)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const cells = line.split(/\s+/);
      return {
        targetAssignmentEpoch: Number(cells[1]),
        topologyEpoch: Number(cells[2]),
        memberId: cells[3]!,
        memberProtocol: cells[4]!,
        memberEpoch: Number(cells[5]),
        processId: cells[6]!,
        clientId: cells[7]!,
        tasks: parseTasks(cells.slice(8).join(' ')),
      };
    })
    .sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
}

/** The streams workload (scripts/kafka/streams-app): a word count on the streams rebalance protocol, until stopped. */
export const startStreamsApp = (applicationId: string, input: string, output: string, { threads = 1 } = {}) =>
  launch({ bootstrap: bootstrap(), applicationId, input, output, threads, env: { ...process.env, KAFKA_VERSION: kafkaTarget().version } });
