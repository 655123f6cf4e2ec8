import type { AddPartitionsInput } from '@/lib/schemas/topic-admin';

/** The new total as typed → the API's input; Kafka only adds partitions, so it must be above the current count. */
export function toAddPartitionsInput(text: string, current: number): { input: AddPartitionsInput } | { error: string } {
  if (!/^\d+$/.test(text.trim())) return { error: 'A whole number' };
  const totalCount = Number(text.trim());
  if (totalCount <= current) return { error: `At least ${current + 1}: the topic has ${current}, and Kafka cannot remove partitions` };
  if (totalCount > 2_147_483_647) return { error: 'At most 2147483647' };
  return { input: { totalCount } };
}
