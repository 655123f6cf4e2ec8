import { JOB_STATE_TONE } from '@/lib/reassign-job';
import type { ReassignmentJob } from '@/lib/schemas/reassignments';
import { Badge } from '@/components/ui/badge';

const TITLE: Record<ReassignmentJob['state'], string> = {
  running: 'Partitions are being moved',
  completed: 'Every partition has its planned replicas',
  cancelled: 'Stopped: moving partitions went back to their original replicas',
  failed: 'Ended with partitions that could not be moved',
};

export function JobStateBadge({
  state,
  stalled,
  cancelling,
}: {
  state: ReassignmentJob['state'];
  stalled?: boolean;
  cancelling?: boolean;
}) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={JOB_STATE_TONE[state]} title={TITLE[state]}>
        {state}
      </Badge>
      {cancelling ? (
        <Badge tone="warn" title="A cancel is under way: moving partitions are going back to their original replicas">
          cancelling
        </Badge>
      ) : null}
      {stalled ? (
        <Badge tone="warn" title="No byte progress for a while">
          stalled
        </Badge>
      ) : null}
    </span>
  );
}
