import { describe, expect, it } from 'vitest';
import { parseReassignmentText, planFromImport, reassignmentJsonText, topicsOf } from '@/lib/reassign-import';

const json = {
  version: 1 as const,
  partitions: [
    { topic: 'orders', partition: 0, replicas: [2, 3] },
    { topic: 'orders', partition: 1, replicas: [3, 1, 2] },
  ],
};

describe('parseReassignmentText', () => {
  it('the tool’s JSON, log_dirs included', () => {
    const text = '{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[2,3],"log_dirs":["any","any"]}]}';
    expect(parseReassignmentText(text)).toEqual({ json: JSON.parse(text) });
  });

  it('says what is wrong, by row and partition', () => {
    expect(parseReassignmentText('')).toEqual({ errors: ['Paste the reassignment JSON'] });
    expect(parseReassignmentText('{"version":1,')).toEqual({ errors: [expect.stringMatching(/^Not valid JSON: /)] });
    expect(parseReassignmentText('{"version":1,"topics":[{"topic":"orders"}]}')).toEqual({
      errors: [expect.stringMatching(/topics-to-move file/)],
    });
    expect(parseReassignmentText('{"version":1,"partitions":[]}')).toEqual({ errors: ['The reassignment lists no partitions'] });
    const bad = {
      version: 1,
      partitions: [
        { topic: 'orders', partition: 0, replicas: [1, 1] },
        { topic: 'orders', partition: 1, replicas: [] },
        { topic: 'orders', partition: 0, replicas: [2] },
      ],
    };
    expect(parseReassignmentText(JSON.stringify(bad))).toEqual({
      errors: [
        'partitions[0].replicas (orders-0): Duplicate replicas in 1,1',
        'partitions[1].replicas (orders-1): An empty replica list',
        'partitions[2] (orders-0): Partition orders-0 appears twice',
      ],
    });
    expect(parseReassignmentText('{"version":2,"partitions":[{"topic":"a b","partition":0,"replicas":[1]}]}')).toEqual({
      errors: ['version: Invalid input: expected 1', 'partitions[0].topic (a b-0): Only ASCII letters, digits, ".", "_" and "-"'],
    });
  });

  it('at most 20 messages', () => {
    const many = { version: 1, partitions: Array.from({ length: 25 }, (_, partition) => ({ topic: 't', partition, replicas: [] })) };
    const result = parseReassignmentText(JSON.stringify(many));
    expect('errors' in result && result.errors).toHaveLength(21);
    expect('errors' in result && result.errors.at(-1)).toBe('… and 5 more');
  });
});

describe('planFromImport', () => {
  const current = new Map([
    [
      'orders',
      {
        partitions: [
          { partition: 0, replicas: [1, 2], sizeBytes: '1000' },
          { partition: 1, replicas: [3, 1], sizeBytes: null },
        ],
      },
    ],
  ]);

  it('diffs against the current layout, with its rollback and totals', () => {
    expect(planFromImport(json, current)).toEqual({
      plan: {
        plan: json,
        rollback: {
          version: 1,
          partitions: [
            { topic: 'orders', partition: 0, replicas: [1, 2] },
            { topic: 'orders', partition: 1, replicas: [3, 1] },
          ],
        },
        diff: [
          { topic: 'orders', partition: 0, before: [1, 2], after: [2, 3] },
          { topic: 'orders', partition: 1, before: [3, 1], after: [3, 1, 2] },
        ],
        movedReplicas: 2,
        bytesToCopy: '1000',
        leaderChanges: 1,
      },
    });
  });

  it('refuses partitions that do not exist', () => {
    const missing = {
      version: 1 as const,
      partitions: [
        { topic: 'orders', partition: 7, replicas: [1] },
        { topic: 'gone', partition: 0, replicas: [1] },
        { topic: 'gone', partition: 1, replicas: [1] },
      ],
    };
    expect(planFromImport(missing, current)).toEqual({
      errors: ['orders-7 does not exist (the topic has 2 partitions)', 'Topic "gone" does not exist'],
    });
  });
});

describe('topicsOf and reassignmentJsonText', () => {
  it('distinct topics', () => expect(topicsOf(json)).toEqual(['orders']));
  it('one line, as the tool prints it, and parses back', () => {
    const text = reassignmentJsonText(json);
    expect(text.trim().includes('\n')).toBe(false);
    expect(parseReassignmentText(text)).toEqual({ json });
  });
});
