import { describe, expect, it } from 'vitest';
import { collidingTopic, isInternalTopicName, topicNameError } from '@/lib/schemas/topic-name';

describe('topicNameError (Kafka’s Topic.validate)', () => {
  it.each(['a', 'orders', 'A.b_c-9', '...', '_', '-', 'x'.repeat(249)])('accepts %j', (name) => {
    expect(topicNameError(name)).toBeNull();
  });

  it.each([
    ['', 'A topic name cannot be empty'],
    ['.', 'A topic name cannot be "." or ".."'],
    ['..', 'A topic name cannot be "." or ".."'],
    ['x'.repeat(250), 'At most 249 characters (this one has 250)'],
    ['a b', 'Only ASCII letters, digits, ".", "_" and "-"'],
    ['é', 'Only ASCII letters, digits, ".", "_" and "-"'],
    ['a/b', 'Only ASCII letters, digits, ".", "_" and "-"'],
    ['a\n', 'Only ASCII letters, digits, ".", "_" and "-"'],
  ])('refuses %j', (name, message) => {
    expect(topicNameError(name)).toBe(message);
  });
});

describe('collidingTopic', () => {
  it('finds the existing topic that differs only by "." and "_"', () => {
    expect(collidingTopic('a.b', ['a_b', 'c'])).toBe('a_b');
    expect(collidingTopic('a_b', ['x', 'a.b'])).toBe('a.b');
    expect(collidingTopic('a._b', ['a_.b'])).toBe('a_.b');
  });

  it('does not count the same name (it simply exists) or other differences', () => {
    expect(collidingTopic('a.b', ['a.b'])).toBeNull();
    expect(collidingTopic('a-b', ['a_b', 'a.b'])).toBeNull();
    expect(collidingTopic('A.b', ['a_b'])).toBeNull();
  });
});

it('treats "__" names as Kafka’s internal space', () => {
  expect(isInternalTopicName('__consumer_offsets')).toBe(true);
  expect(isInternalTopicName('_private')).toBe(false);
});
