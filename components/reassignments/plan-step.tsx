import { formatBytes, formatCount } from '@/lib/format';
import { planCounts } from '@/lib/plan-diff';
import type { PlanResponse } from '@/lib/schemas/reassignments';
import { PlanDiffTable } from '@/components/reassignments/plan-diff-table';
import { PlanExport } from '@/components/reassignments/plan-export';
import { EmptyState } from '@/components/ui/states';
import { FactList } from '@/components/ui/fact-list';

/** Replicas moved, bytes to copy, preferred leader changes (and replica count changes when there are any). */
export function PlanTotals({ plan }: { plan: PlanResponse }) {
  const counts = planCounts(plan);
  const facts: [string, string][] = [
    ['Partitions', `${formatCount(counts.partitions)} in ${formatCount(counts.topics)} topic${counts.topics === 1 ? '' : 's'}`],
    ['Replicas moved', formatCount(plan.movedReplicas)],
    ['Bytes to copy', formatBytes(plan.bytesToCopy)],
    ['Leader changes', formatCount(plan.leaderChanges)],
    ...(counts.countChanges > 0 ? [['Replica count changes', formatCount(counts.countChanges)] as [string, string]] : []),
  ];
  return <FactList label="Plan totals" facts={facts} />;
}

/** The wizard's second step: what would move, and the plan and its rollback to export. */
export function PlanStep({ plan, errors, exportName }: { plan: PlanResponse; errors?: ReadonlyMap<string, string[]>; exportName: string }) {
  if (plan.diff.length === 0) {
    return <EmptyState title="Nothing to move">The partitions are placed as this mode would place them already.</EmptyState>;
  }
  return (
    <div className="space-y-3">
      <PlanTotals plan={plan} />
      <PlanDiffTable diff={plan.diff} errors={errors} />
      <PlanExport plan={plan.plan} rollback={plan.rollback} name={exportName} />
    </div>
  );
}
