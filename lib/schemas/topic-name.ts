// Kafka's topic name rules (org.apache.kafka.common.internals.Topic), once, for the forms and the server.
import { z } from 'zod';

export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Why Kafka would refuse `name` as a topic name; null when it accepts it. */
export function topicNameError(name: string): string | null {
  if (name.length === 0) return 'A topic name cannot be empty';
  if (name === '.' || name === '..') return 'A topic name cannot be "." or ".."';
  if (name.length > MAX_TOPIC_NAME_LENGTH) return `At most ${MAX_TOPIC_NAME_LENGTH} characters (this one has ${name.length})`;
  if (!LEGAL.test(name)) return 'Only ASCII letters, digits, ".", "_" and "-"';
  return null;
}

/**
 * Kafka's metric names replace "." with "_", so it refuses a topic whose name equals an existing one once both
 * characters are treated alike ("a.b" collides with "a_b").
 */
export const collisionKey = (name: string) => name.replaceAll('.', '_');

/** The existing topic `name` collides with (not an exact match: that one simply exists), if any. */
export function collidingTopic(name: string, existing: Iterable<string>): string | null {
  const key = collisionKey(name);
  for (const other of existing) if (other !== name && collisionKey(other) === key) return other;
  return null;
}

/**
 * Kafka's own internal topics (`__consumer_offsets`, `__transaction_state`, `__share_group_state`, …): the console
 * neither changes nor deletes them, and refuses to create new names in that space.
 */
export const isInternalTopicName = (name: string) => name.startsWith('__');

/** Kafka's topic name rule, with its own wording per case. */
export const topicNameSchema = z.string().superRefine((name, ctx) => {
  const error = topicNameError(name);
  if (error) ctx.addIssue({ code: 'custom', message: error });
});
