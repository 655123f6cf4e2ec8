// `kafka-consumer-groups --describe` as data: the oracle for the console's consumer-group rows.

export type CliGroupRow = {
  group: string;
  topic: string;
  partition: number;
  currentOffset: string | null;
  logEndOffset: string | null;
  lag: string | null;
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
};

const dash = (value: string) => (value === '-' ? null : value);

/**
 * The offsets table(s) of `--describe --group G` or `--describe --all-groups`: a header line starting with GROUP,
 * then one whitespace-separated row per partition, in the CLI's order. Notices ("has no active members",
 * "is rebalancing") and blank lines are skipped.
 */
export function parseGroupsDescribe(output: string): CliGroupRow[] {
  const rows: CliGroupRow[] = [];
  let inTable = false;
  for (const line of output.split('\n')) {
    if (/^GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET/.test(line)) {
      inTable = true;
      continue;
    }
    const fields = line.trim().split(/\s+/);
    if (!inTable || fields.length !== 9) {
      if (line.trim() === '') inTable = false;
      continue;
    }
    const [group, topic, partition, currentOffset, logEndOffset, lag, consumerId, host, clientId] = fields as [string, string, string, string, string, string, string, string, string];
    rows.push({
      group,
      topic,
      partition: Number(partition),
      currentOffset: dash(currentOffset),
      logEndOffset: dash(logEndOffset),
      lag: dash(lag),
      consumerId: dash(consumerId),
      host: dash(host),
      clientId: dash(clientId),
    });
  }
  return rows;
}

/** `--describe --all-groups --state` lines: GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE #MEMBERS. */
export function parseGroupStates(output: string) {
  const states = new Map<string, { coordinatorId: number; assignor: string | null; state: string; members: number }>();
  for (const m of output.matchAll(/^(\S+)\s+\S+:\d+\s+\((\d+)\)\s+(\S*)\s+(\S+)\s+(\d+)\s*$/gm)) {
    states.set(m[1]!, { coordinatorId: Number(m[2]), assignor: m[3] && m[3] !== '-' ? m[3] : null, state: m[4]!, members: Number(m[5]) });
  }
  return states;
}
