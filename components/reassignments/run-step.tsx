import { formatBytes, formatCount, formatDuration } from '@/lib/format';
import { planCounts } from '@/lib/plan-diff';
import { copyTimeMs, throttleFromForm, type ThrottleForm } from '@/lib/throttle-rate';
import type { PlanResponse } from '@/lib/schemas/reassignments';
import { ThrottleFields, ThrottleHelp } from '@/components/reassignments/throttle-fields';
import { CheckboxField } from '@/components/ui/field';

export type RunOptions = { throttle: ThrottleForm; allowReassigning: boolean; allowReplicationFactorChange: boolean };

type Props = {
  plan: PlanResponse;
  options: RunOptions;
  onChange: (options: RunOptions) => void;
  throttleError?: string[];
  /** The replication-factor mode changes replica counts by design: no box to tick. */
  countChangeIntended: boolean;
};

/** The wizard's last step: the throttle (explained, with how long the copy takes at that rate) and the options. */
export function RunStep({ plan, options, onChange, throttleError, countChangeIntended }: Props) {
  const counts = planCounts(plan);
  const rate = throttleFromForm(options.throttle);
  const time = 'value' in rate ? copyTimeMs(plan.bytesToCopy, rate.value) : null;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        Moves {formatCount(plan.movedReplicas)} replica{plan.movedReplicas === 1 ? '' : 's'} of {formatCount(counts.partitions)} partition
        {counts.partitions === 1 ? '' : 's'}, copying {formatBytes(plan.bytesToCopy)}
        {time === null || time === 0
          ? ''
          : time < 1000
            ? ': at this rate, well under a second'
            : `: at this rate, at most about ${formatDuration(time)} (less when several brokers receive)`}
        .
      </p>
      <ThrottleFields value={options.throttle} onChange={(throttle) => onChange({ ...options, throttle })} error={throttleError} />
      <ThrottleHelp />
      {counts.countChanges > 0 && !countChangeIntended ? (
        <CheckboxField
          label={`Change the replica count of ${formatCount(counts.countChanges)} partition${counts.countChanges === 1 ? '' : 's'} (refused otherwise)`}
          checked={options.allowReplicationFactorChange}
          onChange={(e) => onChange({ ...options, allowReplicationFactorChange: e.target.checked })}
        />
      ) : null}
      <CheckboxField
        label="Replace moves already in progress for these partitions (refused otherwise)"
        checked={options.allowReassigning}
        onChange={(e) => onChange({ ...options, allowReassigning: e.target.checked })}
      />
    </div>
  );
}
