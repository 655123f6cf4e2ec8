import { formatInt64 } from '@/lib/format';
import type { StreamsGroupDetailResponse, StreamsGroupMember } from '@/lib/schemas/consumer-groups';
import { GroupConfigs } from '@/components/consumer-groups/group-configs';
import { GroupOffsetActions } from '@/components/consumer-groups/group-offset-actions';
import { DetailSection, Int64Cell, OwnApiGroupHeader, TopicCell, totalLagOf } from '@/components/consumer-groups/own-api-group-parts';
import { StreamsTopology } from '@/components/consumer-groups/streams-topology';
import { EmptyState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

type Tasks = StreamsGroupMember['assignment']['active'];

/** "0:[0,1]; 1:[0]" as kafka-streams-groups --members prints a member's tasks (subtopology:[partitions]). */
function tasksText(tasks: Tasks) {
  return [...tasks]
    .sort((a, b) => (a.subtopologyId < b.subtopologyId ? -1 : 1))
    .map((t) => `${t.subtopologyId}:[${[...t.partitions].sort((x, y) => x - y).join(',')}]`)
    .join('; ');
}

function TaskCell({ current, target }: { current: Tasks; target: Tasks }) {
  const now = tasksText(current);
  const next = tasksText(target);
  return (
    <>
      {now || <span className="text-zinc-400">none</span>}
      {next !== now ? <div className="text-amber-700 dark:text-amber-400">target {next || 'none'}</div> : null}
    </>
  );
}

/**
 * A streams group (KIP-1071): the application's topology, the input partitions' committed offsets and lag, and its
 * members (a stream thread each, grouped by process) with their active, standby and warm-up tasks —
 * kafka-streams-groups --describe, --members and --state.
 */
export function StreamsGroupDetail({ clusterId, data, stale }: { clusterId: string; data: StreamsGroupDetailResponse; stale: boolean }) {
  const totalLag = totalLagOf(data.offsets);
  const processes = new Set(data.members.map((m) => m.processId)).size;
  return (
    <article aria-labelledby="group-name" className="space-y-6">
      <OwnApiGroupHeader clusterId={clusterId} data={data} kind="streams group" stale={stale}>
        {data.assignor ? `assignor ${data.assignor} · ` : ''}group epoch {data.epochs.groupEpoch}, target assignment epoch{' '}
        {data.epochs.targetAssignmentEpoch} · coordinator broker {data.coordinatorId} · {data.members.length} member
        {data.members.length === 1 ? '' : 's'} in {processes} process{processes === 1 ? '' : 'es'} · total lag{' '}
        {totalLag === null ? 'unknown' : formatInt64(totalLag)}
      </OwnApiGroupHeader>
      <DetailSection id="streams-topology-heading" title="Topology">
        <StreamsTopology clusterId={clusterId} topology={data.topology} />
      </DetailSection>
      <DetailSection
        id="streams-offsets-heading"
        title="Input offsets and lag"
        actions={<GroupOffsetActions clusterId={clusterId} groupId={data.groupId} />}
      >
        {data.offsets.length === 0 ? (
          <EmptyState title="No input partitions">No active task and no committed offset.</EmptyState>
        ) : (
          <Table aria-label="Streams group offsets">
            <thead>
              <tr>
                <Th>Topic</Th>
                <Th numeric>Partition</Th>
                <Th numeric>Committed offset</Th>
                <Th numeric>Leader epoch</Th>
                <Th numeric>Log end offset</Th>
                <Th numeric title="Log end − committed offset; without a commit, the whole log (as kafka-streams-groups counts)">
                  Lag
                </Th>
              </tr>
            </thead>
            <tbody>
              {data.offsets.map((r) => (
                <tr key={`${r.topic}:${r.partition}`} data-topic={r.topic} data-partition={r.partition}>
                  <TopicCell clusterId={clusterId} topic={r.topic} />
                  <Td numeric>{r.partition}</Td>
                  <Int64Cell value={r.currentOffset} column="currentOffset" />
                  <Td numeric>{r.leaderEpoch ?? <span className="text-zinc-400">-</span>}</Td>
                  <Int64Cell value={r.logEndOffset} />
                  <Int64Cell value={r.lag} column="lag" title={r.error} />
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </DetailSection>
      <DetailSection id="streams-members-heading" title="Members">
        {data.members.length === 0 ? (
          <EmptyState title="No active members">The committed offsets are kept; no instance is running.</EmptyState>
        ) : (
          <Table aria-label="Members">
            <thead>
              <tr>
                <Th>Client ID</Th>
                <Th>Process</Th>
                <Th>Member ID</Th>
                <Th numeric title="Member epoch / topology epoch">
                  Epoch
                </Th>
                <Th>Active tasks</Th>
                <Th>Standby tasks</Th>
                <Th>Warm-up tasks</Th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.memberId} data-member={m.memberId}>
                  <Td className="font-mono text-xs">
                    {m.clientId}
                    <div className="font-sans text-zinc-500">
                      {m.host}
                      {m.rack ? ` · rack ${m.rack}` : ''}
                      {m.userEndpoint ? ` · serves ${m.userEndpoint.host}:${m.userEndpoint.port}` : ''}
                      {m.memberProtocol === 'classic' ? ' · classic protocol' : ''}
                    </div>
                  </Td>
                  <Td className="max-w-[10rem] truncate font-mono text-xs" title={m.processId}>
                    {m.processId}
                  </Td>
                  <Td className="max-w-xs truncate font-mono text-xs">{m.memberId}</Td>
                  <Td numeric>
                    {m.memberEpoch} / {m.topologyEpoch}
                  </Td>
                  <Td className="font-mono text-xs" data-column="active">
                    <TaskCell current={m.assignment.active} target={m.targetAssignment.active} />
                  </Td>
                  <Td className="font-mono text-xs">
                    <TaskCell current={m.assignment.standby} target={m.targetAssignment.standby} />
                  </Td>
                  <Td className="font-mono text-xs">
                    <TaskCell current={m.assignment.warmup} target={m.targetAssignment.warmup} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </DetailSection>
      <DetailSection id="streams-configs-heading" title="Configs">
        <GroupConfigs clusterId={clusterId} groupId={data.groupId} />
      </DetailSection>
    </article>
  );
}
