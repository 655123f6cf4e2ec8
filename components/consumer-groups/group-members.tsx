import type { GroupMember } from '@/lib/schemas/consumer-groups';
import { EmptyState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

/** "orders:0,1,2 · payments:3" */
function assignmentText(member: GroupMember) {
  const byTopic = new Map<string, number[]>();
  for (const a of member.assignments) byTopic.set(a.topic, [...(byTopic.get(a.topic) ?? []), a.partition]);
  return [...byTopic]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([topic, partitions]) => `${topic}:${partitions.sort((x, y) => x - y).join(',')}`)
    .join(' · ');
}

export function GroupMembers({ members, state }: { members: GroupMember[]; state: string }) {
  if (members.length === 0)
    return (
      <EmptyState title="No active members">
        {state === 'Empty' ? 'Committed offsets are kept; nothing is consuming now.' : null}
      </EmptyState>
    );
  return (
    <Table aria-label="Members">
      <thead>
        <tr>
          <Th>Client ID</Th>
          <Th>Host</Th>
          <Th>Member ID</Th>
          <Th numeric>Partitions</Th>
          <Th>Assignment</Th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.memberId} data-member={m.memberId}>
            <Td className="font-mono text-xs">{m.clientId}</Td>
            <Td className="font-mono text-xs">{m.host}</Td>
            <Td
              className="max-w-xs truncate font-mono text-xs"
              title={m.groupInstanceId ? `static member ${m.groupInstanceId}` : undefined}
            >
              {m.memberId}
            </Td>
            <Td numeric>{m.assignments.length}</Td>
            <Td className="font-mono text-xs">{assignmentText(m) || <span className="text-zinc-400">none (rebalancing or idle)</span>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
