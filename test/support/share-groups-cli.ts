// kafka-share-groups and kafka-groups as the oracle of the share group tests (Kafka 4.1+).
import { kafkaCli } from './cli';
import { tableRows } from './groups-cli';
import { kafkaTarget } from './kafka-target';

const bootstrap = () => kafkaTarget().bootstrap.join(',');
const orNull = (value: string | undefined) => (value === undefined || value === '-' ? null : value);
const shareGroups = (args: string[]) => kafkaCli('kafka-share-groups', ['--bootstrap-server', bootstrap(), '--describe', ...args]);

/** `kafka-share-groups --describe`: GROUP TOPIC PARTITION START-OFFSET LAG, "-" where unknown. */
export function shareOffsetsFromCli(group: string) {
  return tableRows(shareGroups(['--group', group])).map((row) => ({
    topic: row.TOPIC!,
    partition: Number(row.PARTITION),
    startOffset: orNull(row['START-OFFSET']),
    lag: orNull(row.LAG),
  }));
}

/** `--members --verbose`: CONSUMER-ID HOST CLIENT-ID #PARTITIONS MEMBER-EPOCH ASSIGNMENT (`t:0,1`). */
export function shareMembersFromCli(group: string) {
  return tableRows(shareGroups(['--group', group, '--members', '--verbose'])).map((row) => ({
    memberId: row['CONSUMER-ID']!,
    host: row.HOST!,
    clientId: row['CLIENT-ID']!,
    partitions: Number(row['#PARTITIONS']),
    memberEpoch: Number(row['MEMBER-EPOCH']),
    assignment: (row.ASSIGNMENT ?? '-') === '-' ? '' : row.ASSIGNMENT!,
  }));
}

/** `--state --verbose`: COORDINATOR (ID) STATE GROUP-EPOCH ASSIGNMENT-EPOCH #MEMBERS. */
export function shareStateFromCli(group: string) {
  const [row] = tableRows(shareGroups(['--group', group, '--state', '--verbose']));
  if (!row) return undefined;
  return {
    coordinatorId: Number(row['(ID)']!.replace(/[()]/g, '')),
    state: row.STATE!,
    groupEpoch: Number(row['GROUP-EPOCH']),
    assignmentEpoch: Number(row['ASSIGNMENT-EPOCH']),
    members: Number(row['#MEMBERS']),
  };
}

/**
 * `kafka-groups --list`: every group with its type as the tool prints it ("Classic", "Share", …), lowercased. The
 * PROTOCOL column is blank for a group that only has offsets, so lines are read by their first two cells.
 */
export function groupTypesFromCli(): Map<string, string> {
  const lines = kafkaCli('kafka-groups', ['--bootstrap-server', bootstrap(), '--list']).split('\n').slice(1);
  const cells = lines.map((line) => line.trim().split(/\s+/)).filter((c) => c.length >= 2);
  return new Map(cells.map(([group, type]) => [group!, type!.toLowerCase()]));
}

/** `kafka-share-groups --reset-offsets --dry-run`: GROUP TOPIC PARTITION NEW-OFFSET, by topic and partition. */
export function shareResetDryRunFromCli(group: string, topic: string, spec: string[]) {
  const out = kafkaCli('kafka-share-groups', [
    '--bootstrap-server',
    bootstrap(),
    '--reset-offsets',
    '--group',
    group,
    '--topic',
    topic,
    ...spec,
    '--dry-run',
  ]);
  return tableRows(out)
    .map((row) => ({ topic: row.TOPIC!, partition: Number(row.PARTITION), newOffset: row['NEW-OFFSET']! }))
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}
