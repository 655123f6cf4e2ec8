'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatCount, formatInt64 } from '@/lib/format';
import { groupQueries } from '@/lib/queries/consumer-groups';
import { pageRoutes } from '@/lib/routes';
import { GroupStateBadge } from '@/components/consumer-groups/group-state-badge';
import { Duration, LagStatusBadge } from '@/components/consumer-groups/lag-status-badge';
import { QueryError } from '@/components/feedback/query-error';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

/** The groups of every type reading a topic (a commit, a start offset or an assignment on it), largest lag first. */
export function TopicGroups({ clusterId, topic }: { clusterId: string; topic: string }) {
  const { data, error, isPending, refetch } = useQuery(groupQueries.forTopic(clusterId, topic));
  return (
    <section aria-labelledby="topic-groups-heading" className="space-y-2">
      <h3 id="topic-groups-heading" className="font-medium">
        Consumer groups
      </h3>
      {isPending ? <LoadingRows label="Loading consumer groups" rows={2} /> : null}
      {error && !data ? <QueryError what="the topic's consumer groups" error={error} onRetry={() => void refetch()} /> : null}
      {data && data.groups.length === 0 ? (
        <EmptyState title="No consumer group reads this topic">
          No group has committed offsets for it or is assigned its partitions.
        </EmptyState>
      ) : null}
      {data && data.groups.length > 0 ? (
        <Table aria-label="Consumer groups reading this topic">
          <thead>
            <tr>
              <Th>Group</Th>
              <Th>Type</Th>
              <Th>State</Th>
              <Th numeric>Members</Th>
              <Th numeric>Partitions</Th>
              <Th numeric>Assigned</Th>
              <Th numeric>Lag on this topic</Th>
              <Th numeric title="How far behind its most lagging partition of this topic is">
                Time lag
              </Th>
              <Th title="Burrow-style status of its worst partition of this topic over the console’s samples">Status</Th>
            </tr>
          </thead>
          <tbody>
            {data.groups.map((g) => (
              <tr key={g.groupId} data-group={g.groupId}>
                <Td className="font-mono text-xs">
                  <Link href={pageRoutes.consumerGroup(clusterId, g.groupId)} className="text-sky-700 hover:underline dark:text-sky-400">
                    {g.groupId}
                  </Link>
                </Td>
                <Td>{g.type}</Td>
                <Td>
                  <GroupStateBadge state={g.state} />
                </Td>
                <Td numeric>{formatCount(g.memberCount)}</Td>
                <Td numeric>{formatCount(g.partitions)}</Td>
                <Td numeric>{formatCount(g.assignedPartitions)}</Td>
                <Td numeric>{g.lag === null ? '–' : formatInt64(g.lag)}</Td>
                <Td numeric>
                  <Duration
                    ms={g.maxTimeLagMs}
                    lowerBound={g.maxTimeLagIsLowerBound}
                    unknown={g.sampling ? 'Unknown: no committed offset, or no record produced since sampling began' : 'Not sampled'}
                  />
                </Td>
                <Td>
                  <LagStatusBadge status={g.status} sampling={g.sampling} uncommitted={g.lag === null} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}
