import { formatCount } from '@/lib/format';
import type { ElectionRun, ElectionSchedule } from '@/lib/schemas/reassignments';

/** The intervals the page offers (minutes); the API takes any whole number from 15 to 10,080. */
export const SCHEDULE_CHOICES = [
  { minutes: 60, label: 'every hour' },
  { minutes: 360, label: 'every 6 hours' },
  { minutes: 720, label: 'every 12 hours' },
  { minutes: 1_440, label: 'every day' },
  { minutes: 10_080, label: 'every week' },
] as const;

/** "every 6 hours", or the minutes as they are for an interval set through the API. */
export function describeInterval(minutes: number) {
  return SCHEDULE_CHOICES.find((c) => c.minutes === minutes)?.label ?? `every ${formatCount(minutes)} minutes`;
}

/** The scope in words: the whole cluster, or its topics and preferred-leader brokers. */
export function describeScope(schedule: Pick<ElectionSchedule, 'topics' | 'brokers'>) {
  const parts = [
    ...(schedule.topics?.length ? [`topics ${schedule.topics.join(', ')}`] : []),
    ...(schedule.brokers?.length
      ? [`partitions preferring broker${schedule.brokers.length === 1 ? '' : 's'} ${schedule.brokers.join(', ')}`]
      : []),
  ];
  return parts.length ? parts.join(' and ') : 'the whole cluster';
}

/** What the last run did, in one line. */
export function describeRun(run: ElectionRun) {
  if (run.error) return `failed: ${run.error}`;
  if (run.skipped) return `skipped: ${run.skipped}`;
  const failed = run.failed ? `, ${formatCount(run.failed)} failed` : '';
  return `${formatCount(run.elected)} leader${run.elected === 1 ? '' : 's'} moved, ${formatCount(run.alreadyPreferred)} already preferred${failed}`;
}
