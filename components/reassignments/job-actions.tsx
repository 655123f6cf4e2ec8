'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { permissionQueries } from '@/lib/queries/permissions';
import { electionPartitions, hasEnded } from '@/lib/reassign-job';
import type { ReassignmentJob } from '@/lib/schemas/reassignments';
import { ChangeThrottleDialog } from '@/components/reassignments/change-throttle-dialog';
import { ElectLeadersDialog } from '@/components/reassignments/elect-leaders-dialog';
import { JobConfirmDialog } from '@/components/reassignments/job-confirm-dialog';
import { Button } from '@/components/ui/button';

type Open = 'throttle' | 'cancel' | 'rollback' | 'elect' | null;

/**
 * What may be done with the job, for those with the `reassign` permission: while it runs, change its throttle or
 * cancel it; once it has ended, roll it back; once it has completed, elect the preferred leaders of its partitions.
 */
export function JobActions({ clusterId, job }: { clusterId: string; job: ReassignmentJob }) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [open, setOpen] = useState<Open>(null);
  if (!access?.permissions.includes('reassign')) return null;
  const close = () => setOpen(null);
  const running = job.state === 'running';
  return (
    <div className="flex flex-wrap items-center gap-2">
      {running ? <Button onClick={() => setOpen('throttle')}>Change throttle…</Button> : null}
      {running ? (
        <Button tone="danger" onClick={() => setOpen('cancel')}>
          Cancel reassignment…
        </Button>
      ) : null}
      {job.state === 'completed' ? (
        <Button tone="primary" onClick={() => setOpen('elect')}>
          Elect preferred leaders…
        </Button>
      ) : null}
      {hasEnded(job.state) ? <Button onClick={() => setOpen('rollback')}>Roll back…</Button> : null}
      {/* Throttle and cancel only apply while it runs: their dialogs go away if it ends meanwhile. */}
      {open === 'throttle' && running ? (
        <ChangeThrottleDialog clusterId={clusterId} jobId={job.jobId} current={job.throttleBytesPerSec} onClose={close} />
      ) : null}
      {(open === 'cancel' && running) || (open === 'rollback' && !running) ? (
        <JobConfirmDialog clusterId={clusterId} jobId={job.jobId} action={open} onClose={close} />
      ) : null}
      {open === 'elect' ? (
        <ElectLeadersDialog
          clusterId={clusterId}
          scope={{ partitions: electionPartitions(job) }}
          what={`the job's ${job.partitions.length} partition${job.partitions.length === 1 ? '' : 's'}`}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
