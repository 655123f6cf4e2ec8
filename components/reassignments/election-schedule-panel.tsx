'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiSend } from '@/lib/api-client';
import { SCHEDULE_CHOICES, describeInterval, describeRun, describeScope } from '@/lib/election-schedule';
import { formatDateTime } from '@/lib/format';
import { permissionQueries } from '@/lib/queries/permissions';
import { reassignmentQueries } from '@/lib/queries/reassignments';
import { apiRoutes } from '@/lib/routes';
import { electionScheduleResponseSchema } from '@/lib/schemas/reassignments';
import { QueryError } from '@/components/feedback/query-error';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';

/**
 * A recurring preferred leader election for the cluster (what Kafka's auto.leader.rebalance.enable does on the
 * brokers, here on the console's schedule and with its results kept): its interval, last run and next run; admins
 * set, change or remove it. A run is skipped while a reassignment moves partitions.
 */
export function ElectionSchedulePanel({ clusterId }: { clusterId: string }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data, error, refetch } = useQuery(reassignmentQueries.electionSchedule(clusterId));
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [every, setEvery] = useState<number>(SCHEDULE_CHOICES[3].minutes);
  const save = useMutation({
    mutationFn: (body: { everyMinutes: number } | null) =>
      apiSend(body ? 'PUT' : 'DELETE', apiRoutes.leaderElectionSchedule(clusterId), body ?? {}, electionScheduleResponseSchema),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: reassignmentQueries.electionSchedule(clusterId).queryKey });
      toast(
        result.schedule
          ? `Preferred leader election scheduled ${describeInterval(result.schedule.everyMinutes)}`
          : 'Scheduled preferred leader election removed',
        'success',
      );
    },
    onError: (e: Error) => toast(`Failed to change the scheduled election: ${e.message}`, 'error'),
  });
  const schedule = data?.schedule;
  const mayChange = access?.permissions.includes('reassign') ?? false;
  return (
    <section aria-labelledby="election-schedule-heading" className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <h3 id="election-schedule-heading" className="font-medium">
        Scheduled preferred leader election
      </h3>
      {error && !data ? <QueryError what="the schedule" error={error} onRetry={() => void refetch()} /> : null}
      {data && !schedule ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">None: leaders are elected only when someone asks.</p>
      ) : null}
      {schedule ? (
        <p className="text-sm" data-testid="election-schedule">
          {describeInterval(schedule.everyMinutes)} for {describeScope(schedule)} · next {formatDateTime(schedule.nextRunAt)}
          {schedule.lastRunAt !== null
            ? ` · last ${formatDateTime(schedule.lastRunAt)}: ${schedule.lastResult ? describeRun(schedule.lastResult) : 'running'}`
            : ''}
        </p>
      ) : null}
      {mayChange && data ? (
        <div className="flex flex-wrap items-center gap-2">
          <SelectField label="Elect the whole cluster's preferred leaders" value={every} onChange={(e) => setEvery(Number(e.target.value))}>
            {SCHEDULE_CHOICES.map((c) => (
              <option key={c.minutes} value={c.minutes}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <Button disabled={save.isPending} onClick={() => save.mutate({ everyMinutes: every })}>
            {schedule ? 'Change schedule' : 'Schedule'}
          </Button>
          {schedule ? (
            <Button tone="danger" disabled={save.isPending} onClick={() => save.mutate(null)}>
              Remove schedule
            </Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
