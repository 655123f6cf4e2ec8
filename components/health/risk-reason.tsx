import type { z } from 'zod';
import { riskReasonSchema } from '@/lib/schemas/health-partitions';
import { Badge, type BadgeTone } from '@/components/ui/badge';

export type RiskReason = z.infer<typeof riskReasonSchema>;

/** Worst first, as the API orders each partition's reasons. */
export const RISK_REASONS = riskReasonSchema.options;

export const REASON_TONE: Record<RiskReason, BadgeTone> = {
  offline: 'bad',
  leaderless: 'bad',
  'under-min-isr': 'bad',
  'under-replicated': 'warn',
  'non-preferred-leader': 'neutral',
};

export const REASON_HELP: Record<RiskReason, string> = {
  offline: 'Every replica is offline: nothing can serve the partition until one returns',
  leaderless: 'No leader: the partition is unavailable until an election succeeds',
  'under-min-isr':
    'Fewer in-sync replicas than min.insync.replicas, or no leader: acks=all producers are refused (kafka-topics --under-min-isr-partitions counts it)',
  'under-replicated': 'Some replica is out of sync',
  'non-preferred-leader': 'The leader is not the preferred (first) replica: load is off balance',
};

export function ReasonBadge({ reason }: { reason: RiskReason }) {
  return (
    <Badge tone={REASON_TONE[reason]} title={REASON_HELP[reason]}>
      {reason}
    </Badge>
  );
}
