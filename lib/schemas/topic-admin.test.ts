import { describe, expect, it } from 'vitest';
import {
  configPatchInputSchema,
  createTopicInputSchema,
  deleteRecordsInputSchema,
  topicConfirmationErrors,
} from '@/lib/schemas/topic-admin';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.map(String).join('.'), i.message]));

describe('createTopicInputSchema', () => {
  it('accepts a topic with configs', () => {
    const input = {
      name: 'orders.v1',
      partitions: 6,
      replicationFactor: 3,
      configs: { 'retention.ms': '86400000', 'min.insync.replicas': '2', 'message.timestamp.type': 'LogAppendTime' },
    };
    expect(createTopicInputSchema.parse(input)).toEqual(input);
  });

  it('reports every field at once, config errors under configs.<key>', () => {
    const result = createTopicInputSchema.safeParse({
      name: 'a b',
      partitions: 0,
      replicationFactor: 2,
      configs: { 'retention.ms': 'soon', 'min.insync.replicas': '3' },
    });
    expect(issuesOf(result)).toEqual({
      name: 'Only ASCII letters, digits, ".", "_" and "-"',
      partitions: 'At least 1',
      'configs.retention.ms': 'A whole number',
      'configs.min.insync.replicas': 'At most the replication factor (2): with more, every acks=all write fails',
    });
  });

  it('keeps names starting with "__" for Kafka', () => {
    expect(issuesOf(createTopicInputSchema.safeParse({ name: '__mine', partitions: 1, replicationFactor: 1 }))).toEqual({
      name: 'Names starting with "__" are reserved for Kafka\'s internal topics',
    });
  });

  it('refuses config keys that cannot be Kafka configs', () => {
    expect(
      Object.keys(issuesOf(createTopicInputSchema.safeParse({ name: 't', partitions: 1, replicationFactor: 1, configs: { 'a b': '1' } }))),
    ).toEqual(['configs.a b']);
  });
});

describe('configPatchInputSchema', () => {
  it('needs something to change, and a key only once', () => {
    expect(issuesOf(configPatchInputSchema.safeParse({}))).toEqual({ request: 'Nothing to change: give set or delete' });
    expect(issuesOf(configPatchInputSchema.safeParse({ set: { 'retention.ms': '1' }, delete: ['retention.ms'] }))).toEqual({
      delete: '"retention.ms" is both set and deleted',
    });
  });

  it('checks catalog values under set.<key>', () => {
    expect(issuesOf(configPatchInputSchema.safeParse({ set: { 'cleanup.policy': 'never' } }))).toEqual({
      'set.cleanup.policy': 'A comma-separated list of delete, compact',
    });
  });
});

describe('deleteRecordsInputSchema', () => {
  it('takes offsets as non-negative decimal strings, each partition once', () => {
    expect(deleteRecordsInputSchema.safeParse({ before: [{ partition: 0, offset: '10' }], confirm: 't' }).success).toBe(true);
    expect(issuesOf(deleteRecordsInputSchema.safeParse({ before: [{ partition: 0, offset: '-1' }], confirm: 't' }))).toEqual({
      'before.0.offset': 'at least 0',
    });
    expect(
      issuesOf(
        deleteRecordsInputSchema.safeParse({
          before: [
            { partition: 0, offset: '1' },
            { partition: 0, offset: '2' },
          ],
          confirm: 't',
        }),
      ),
    ).toEqual({ before: 'Each partition once' });
    expect(issuesOf(deleteRecordsInputSchema.safeParse({ before: [], confirm: 't' }))).toEqual({ before: 'Choose at least one partition' });
  });
});

it('confirms with the exact topic name only', () => {
  expect(topicConfirmationErrors('orders', 'orders')).toBeNull();
  expect(topicConfirmationErrors('Orders', 'orders')).toEqual({ confirm: ['Type the topic name exactly ("orders") to confirm'] });
});
