import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONES: Record<string, BadgeTone> = {
  Stable: 'good',
  Empty: 'neutral',
  PreparingRebalance: 'warn',
  CompletingRebalance: 'warn',
  Assigning: 'warn',
  Reconciling: 'warn',
  Dead: 'bad',
};

const TITLES: Record<string, string> = {
  Empty: 'No active members; committed offsets are kept',
  PreparingRebalance: 'Rebalancing: members are rejoining, partitions are not being consumed',
  CompletingRebalance: 'Rebalancing: waiting for the leader’s assignment',
  Assigning: 'KIP-848: the coordinator is computing a new assignment',
  Reconciling: 'KIP-848: members are moving to their new assignment',
};

/** A group's state as its coordinator reports it. */
export function GroupStateBadge({ state }: { state: string }) {
  return (
    <Badge tone={TONES[state] ?? 'neutral'} title={TITLES[state]}>
      {state}
    </Badge>
  );
}
