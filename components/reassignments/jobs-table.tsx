'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatBytes, formatCount } from '@/lib/format';
import { reassignmentQueries } from '@/lib/queries/reassignments';
import { bytesPercent, formatTime, shortJobId } from '@/lib/reassign-job';
import { pageRoutes } from '@/lib/routes';
import { formatRate } from '@/lib/throttle-rate';
import { QueryError } from '@/components/feedback/query-error';
import { JobStateBadge } from '@/components/reassignments/job-state-badge';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

/** The cluster's reassignment jobs, newest first (the server keeps the last 100), each linking to its page. */
export function JobsTable({ clusterId }: { clusterId: string }) {
  const { data, error, isPending, refetch } = useQuery(reassignmentQueries.list(clusterId));
  if (isPending) return <LoadingRows label="Loading reassignments" />;
  if (error && !data) return <QueryError what="reassignments" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  if (data.jobs.length === 0) {
    return (
      <EmptyState title="No reassignments yet">
        Start one from a broker (drain it), the brokers list (spread onto new brokers) or a topic (reassign it).
      </EmptyState>
    );
  }
  const jobs = [...data.jobs].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <Table aria-label="Reassignments">
      <thead>
        <tr>
          <Th>Job</Th>
          <Th>State</Th>
          <Th>Started</Th>
          <Th>By</Th>
          <Th numeric>Partitions</Th>
          <Th numeric>Copied</Th>
          <Th numeric>Throttle</Th>
          <Th>Message</Th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => {
          const percent = bytesPercent(job.bytesDone, job.bytesTotal);
          return (
            <tr key={job.jobId} data-job-id={job.jobId}>
              <Td>
                <Link
                  href={pageRoutes.reassignment(clusterId, job.jobId)}
                  className="font-mono text-sky-700 hover:underline dark:text-sky-400"
                  aria-label={`Reassignment ${shortJobId(job.jobId)}`}
                >
                  {shortJobId(job.jobId)}
                </Link>
                {job.rollbackOf ? <span className="ml-2 text-xs text-zinc-500">{`rollback of ${shortJobId(job.rollbackOf)}`}</span> : null}
              </Td>
              <Td>
                <JobStateBadge state={job.state} stalled={job.stalled} cancelling={job.cancelling} />
              </Td>
              <Td className="whitespace-nowrap font-mono text-xs">{formatTime(job.createdAt)}</Td>
              <Td>{job.createdBy}</Td>
              <Td numeric>{formatCount(job.partitionCount)}</Td>
              <Td numeric title={`${formatBytes(job.bytesDone)} of ${formatBytes(job.bytesTotal)}`}>
                {percent === null ? '–' : `${percent}%`}
              </Td>
              <Td numeric>{job.throttleBytesPerSec === null ? '–' : formatRate(job.throttleBytesPerSec)}</Td>
              <Td className="max-w-xs truncate text-xs text-zinc-500" title={job.message ?? undefined}>
                {job.message}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
