import { formatCount, formatInt64 } from '@/lib/format';
import type { GroupOffsetRow } from '@/lib/schemas/consumer-groups';
import { Table, Td, Th } from '@/components/ui/table';

type TopicLag = { topic: string; partitions: number; assigned: number; lag: bigint | null };

/** Per topic: partitions with a row, how many a member owns, and Σ LAG over the rows whose lag is known. */
export function topicLags(rows: GroupOffsetRow[]): TopicLag[] {
  const byTopic = new Map<string, TopicLag>();
  for (const row of rows) {
    let entry = byTopic.get(row.topic);
    if (!entry) byTopic.set(row.topic, (entry = { topic: row.topic, partitions: 0, assigned: 0, lag: null }));
    entry.partitions += 1;
    if (row.consumerId !== null) entry.assigned += 1;
    if (row.lag !== null) entry.lag = (entry.lag ?? 0n) + BigInt(row.lag);
  }
  return [...byTopic.values()].sort((a, b) => (a.topic < b.topic ? -1 : 1));
}

export function TopicLagTable({ rows }: { rows: GroupOffsetRow[] }) {
  return (
    <Table aria-label="Lag per topic">
      <thead>
        <tr>
          <Th>Topic</Th>
          <Th numeric>Partitions</Th>
          <Th numeric>Assigned</Th>
          <Th numeric>Lag</Th>
        </tr>
      </thead>
      <tbody>
        {topicLags(rows).map((t) => (
          <tr key={t.topic} data-topic={t.topic}>
            <Td className="font-mono text-xs">{t.topic}</Td>
            <Td numeric>{formatCount(t.partitions)}</Td>
            <Td numeric>{formatCount(t.assigned)}</Td>
            <Td numeric>{t.lag === null ? '–' : formatInt64(t.lag)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
