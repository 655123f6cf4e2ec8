import { formatInt64 } from '@/lib/format';
import type { ShareGroupDetailResponse } from '@/lib/schemas/consumer-groups';
import { GroupConfigs } from '@/components/consumer-groups/group-configs';
import { assignmentText } from '@/components/consumer-groups/group-heading';
import { GroupOffsetActions } from '@/components/consumer-groups/group-offset-actions';
import { DetailSection, Int64Cell, OwnApiGroupHeader, TopicCell, totalLagOf } from '@/components/consumer-groups/own-api-group-parts';
import { EmptyState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

/**
 * A share group (KIP-932): its members share partitions, and each partition has a start offset (everything before
 * it is acknowledged) and a lag the broker counts — kafka-share-groups --describe, --members and --state.
 */
export function ShareGroupDetail({ clusterId, data, stale }: { clusterId: string; data: ShareGroupDetailResponse; stale: boolean }) {
  const totalLag = totalLagOf(data.offsets);
  return (
    <article aria-labelledby="group-name" className="space-y-6">
      <OwnApiGroupHeader clusterId={clusterId} data={data} kind="share group" stale={stale}>
        {data.assignor ? `assignor ${data.assignor} · ` : ''}group epoch {data.epochs.groupEpoch}, assignment epoch{' '}
        {data.epochs.targetAssignmentEpoch} · coordinator broker {data.coordinatorId} · {data.members.length} member
        {data.members.length === 1 ? '' : 's'} · total lag {totalLag === null ? 'unknown' : formatInt64(totalLag)}
      </OwnApiGroupHeader>
      <DetailSection
        id="share-offsets-heading"
        title="Start offsets and lag"
        actions={<GroupOffsetActions clusterId={clusterId} groupId={data.groupId} />}
      >
        {data.offsets.length === 0 ? (
          <EmptyState title="No partitions">The group has no state on any partition yet.</EmptyState>
        ) : (
          <Table aria-label="Share group offsets">
            <thead>
              <tr>
                <Th>Topic</Th>
                <Th numeric>Partition</Th>
                <Th numeric title="Every record before it is acknowledged or archived">
                  Start offset
                </Th>
                <Th numeric title="Records from the start offset to the high watermark not yet acknowledged">
                  Lag
                </Th>
              </tr>
            </thead>
            <tbody>
              {data.offsets.map((r) => (
                <tr key={`${r.topic}:${r.partition}`} data-topic={r.topic} data-partition={r.partition}>
                  <TopicCell clusterId={clusterId} topic={r.topic} />
                  <Td numeric>{r.partition}</Td>
                  <Int64Cell value={r.startOffset} column="startOffset" />
                  <Int64Cell value={r.lag} column="lag" />
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </DetailSection>
      <DetailSection id="share-members-heading" title="Members">
        {data.members.length === 0 ? (
          <EmptyState title="No active members">The start offsets are kept; nothing is consuming now.</EmptyState>
        ) : (
          <Table aria-label="Members">
            <thead>
              <tr>
                <Th>Client ID</Th>
                <Th>Host</Th>
                <Th>Member ID</Th>
                <Th numeric>Epoch</Th>
                <Th>Subscription</Th>
                <Th>Assignment</Th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.memberId} data-member={m.memberId}>
                  <Td className="font-mono text-xs">{m.clientId}</Td>
                  <Td className="font-mono text-xs">
                    {m.host}
                    {m.rack ? <div className="font-sans text-zinc-500">rack {m.rack}</div> : null}
                  </Td>
                  <Td className="max-w-xs truncate font-mono text-xs">{m.memberId}</Td>
                  <Td numeric>{m.memberEpoch}</Td>
                  <Td className="font-mono text-xs">{m.subscribedTopicNames.join(', ')}</Td>
                  <Td className="font-mono text-xs">{assignmentText(m.assignments) || <span className="text-zinc-400">none</span>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </DetailSection>
      <DetailSection id="share-configs-heading" title="Configs">
        <GroupConfigs clusterId={clusterId} groupId={data.groupId} />
      </DetailSection>
    </article>
  );
}
