import type { ConsumerGroupDetailResponse, GroupMember } from '@/lib/schemas/consumer-groups';
import { assignmentText } from '@/components/consumer-groups/group-heading';
import { EmptyState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

type Epochs = ConsumerGroupDetailResponse['epochs'];

/**
 * A KIP-848 member's reconciliation: caught up once its epoch is the group's target assignment epoch and it owns
 * exactly its target; until then it is revoking or acquiring partitions.
 */
function Reconciliation({ member, epochs }: { member: GroupMember; epochs: NonNullable<Epochs> }) {
  const detail = member.consumerProtocol!;
  const target = assignmentText(detail.targetAssignments);
  const caughtUp = detail.memberEpoch === epochs.targetAssignmentEpoch && target === assignmentText(member.assignments);
  return (
    <>
      <Td numeric data-column="epoch">
        {detail.memberEpoch} / {epochs.targetAssignmentEpoch}
      </Td>
      <Td className="font-mono text-xs" data-column="target">
        {caughtUp ? (
          <span className="text-zinc-500">= current</span>
        ) : (
          <span title="The member is reconciling towards this assignment">
            <span className="mr-1 font-sans text-amber-700 dark:text-amber-400">reconciling →</span>
            {target || 'none'}
          </span>
        )}
      </Td>
      <Td className="font-mono text-xs" data-column="subscription">
        {detail.subscribedTopicRegex ? `/${detail.subscribedTopicRegex}/` : detail.subscribedTopicNames.join(', ')}
        {detail.rack ? <div className="font-sans text-zinc-500">rack {detail.rack}</div> : null}
      </Td>
    </>
  );
}

export function GroupMembers({ members, state, epochs }: { members: GroupMember[]; state: string; epochs: Epochs }) {
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
          {epochs ? (
            <>
              <Th numeric title="The member's epoch / the group's target assignment epoch">
                Epoch
              </Th>
              <Th>Target assignment</Th>
              <Th>Subscription</Th>
            </>
          ) : null}
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
            <Td className="font-mono text-xs">
              {assignmentText(m.assignments) || <span className="text-zinc-400">none (rebalancing or idle)</span>}
            </Td>
            {epochs && m.consumerProtocol ? <Reconciliation member={m} epochs={epochs} /> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
