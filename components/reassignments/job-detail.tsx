'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { reassignmentQueries } from '@/lib/queries/reassignments';
import { formatTime, shortJobId } from '@/lib/reassign-job';
import { pageRoutes } from '@/lib/routes';
import type { ReassignmentJob } from '@/lib/schemas/reassignments';
import { formatRate } from '@/lib/throttle-rate';
import { QueryError } from '@/components/feedback/query-error';
import { JobActions } from '@/components/reassignments/job-actions';
import { JobPartitionsTable } from '@/components/reassignments/job-partitions-table';
import { JobProgress } from '@/components/reassignments/job-progress';
import { DetailHeader } from '@/components/ui/detail-header';
import { JobStateBadge } from '@/components/reassignments/job-state-badge';
import { LoadingRows } from '@/components/ui/states';
import { FactList } from '@/components/ui/fact-list';

function Facts({ clusterId, job }: { clusterId: string; job: ReassignmentJob }) {
  const facts: [string, ReactNode][] = [
    ['Started', formatTime(job.createdAt)],
    ['By', job.createdBy],
    [job.state === 'running' ? 'Last update' : 'Ended', formatTime(job.updatedAt)],
    ['Throttle', job.throttleBytesPerSec === null ? 'none' : formatRate(job.throttleBytesPerSec)],
    ...(job.rollbackOf
      ? [
          [
            'Rolls back',
            <Link
              key="r"
              href={pageRoutes.reassignment(clusterId, job.rollbackOf)}
              className="text-sky-700 hover:underline dark:text-sky-400"
            >{`job ${shortJobId(job.rollbackOf)}`}</Link>,
          ] as [string, ReactNode],
        ]
      : []),
  ];
  return <FactList label="Job facts" facts={facts} columns={5} />;
}

/** One reassignment job: progress (polled while it runs), what ended it, its partitions, and what may be done next. */
export function JobDetail({ clusterId, jobId }: { clusterId: string; jobId: string }) {
  const { data: job, error, isPending, refetch } = useQuery(reassignmentQueries.detail(clusterId, jobId));
  return (
    <article aria-labelledby="job-name" className="space-y-6">
      <DetailHeader
        back={{ href: pageRoutes.reassignments(clusterId), label: 'Reassignments' }}
        titleId="job-name"
        title={`Reassignment ${shortJobId(jobId)}`}
        titleTooltip={jobId}
        badges={job ? <JobStateBadge state={job.state} stalled={job.stalled} cancelling={job.cancelling} /> : null}
        actions={job ? <JobActions clusterId={clusterId} job={job} /> : null}
      />
      {isPending ? <LoadingRows label="Loading the reassignment" /> : null}
      {error && !job ? <QueryError what="the reassignment" error={error} onRetry={() => void refetch()} /> : null}
      {job ? (
        <>
          <Facts clusterId={clusterId} job={job} />
          {job.message ? (
            <p
              role="note"
              aria-label="Job message"
              className="rounded border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
            >
              {job.message}
            </p>
          ) : null}
          <JobProgress job={job} />
          <JobPartitionsTable partitions={job.partitions} />
        </>
      ) : null}
    </article>
  );
}
