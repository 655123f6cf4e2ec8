import { describe, expect, it } from 'vitest';
import { formFieldErrors, initialResetForm, isInactive, parsePartitions, toResetInput, type ResetFormState } from '@/lib/offset-reset-form';

const form = (changes: Partial<ResetFormState>): ResetFormState => ({ ...initialResetForm, ...changes });

describe('parsePartitions (the CLI --topic t:0,1 syntax)', () => {
  it('reads topics with partition lists, separated by spaces, semicolons or new lines', () => {
    expect(parsePartitions('orders:0,1 payments:2;\nclicks:3')).toEqual([
      { topic: 'orders', partition: 0 },
      { topic: 'orders', partition: 1 },
      { topic: 'payments', partition: 2 },
      { topic: 'clicks', partition: 3 },
    ]);
  });

  it('keeps a topic name with dots and colons up to the last one', () => {
    expect(parsePartitions('a.b:c:7')).toEqual([{ topic: 'a.b:c', partition: 7 }]);
  });

  it('refuses a part without partitions or with a non-number', () => {
    expect(parsePartitions('orders')).toBeNull();
    expect(parsePartitions('orders:1,x')).toBeNull();
    expect(parsePartitions('')).toEqual([]);
  });
});

describe('toResetInput', () => {
  it('earliest for the whole group has no scope fields', () => {
    expect(toResetInput(form({}))).toEqual({ input: { strategy: 'earliest' } });
  });

  it('turns the local date and time into epoch ms', () => {
    const result = toResetInput(form({ strategy: 'timestamp', datetime: '2024-05-01T12:30:00' }));
    expect(result).toEqual({ input: { strategy: 'timestamp', timestamp: new Date('2024-05-01T12:30:00').getTime() } });
  });

  it('reports missing parameters on the form field that holds them', () => {
    expect(toResetInput(form({ strategy: 'timestamp' }))).toEqual({ fieldErrors: { datetime: [expect.any(String)] } });
    expect(toResetInput(form({ strategy: 'offset', offset: ' ' }))).toEqual({ fieldErrors: { offset: [expect.any(String)] } });
    expect(toResetInput(form({ strategy: 'shift', shiftBy: '1.5' }))).toEqual({ fieldErrors: { shiftBy: [expect.any(String)] } });
    expect(toResetInput(form({ strategy: 'copy' }))).toEqual({ fieldErrors: { fromGroupId: [expect.any(String)] } });
  });

  it('keeps offsets as exact strings and shifts as numbers', () => {
    expect(toResetInput(form({ strategy: 'offset', offset: '9007199254740993' }))).toEqual({
      input: { strategy: 'offset', offset: '9007199254740993' },
    });
    expect(toResetInput(form({ strategy: 'shift', shiftBy: '-20' }))).toEqual({ input: { strategy: 'shift', shiftBy: -20 } });
  });

  it('scopes: chosen topics, or partitions in the CLI syntax', () => {
    expect(toResetInput(form({ strategy: 'latest', scope: 'topics', topics: ['orders'] }))).toEqual({
      input: { strategy: 'latest', topics: ['orders'] },
    });
    expect(toResetInput(form({ scope: 'topics' }))).toEqual({ fieldErrors: { topics: [expect.any(String)] } });
    expect(toResetInput(form({ scope: 'topics', topics: ['orders'], otherTopics: 'new-topic, orders' }))).toEqual({
      input: { strategy: 'earliest', topics: ['orders', 'new-topic'] },
    });
    expect(toResetInput(form({ scope: 'topics', otherTopics: 'bad/name' }))).toEqual({ fieldErrors: { topics: [expect.any(String)] } });
    expect(toResetInput(form({ scope: 'partitions', partitions: 'orders:2' }))).toEqual({
      input: { strategy: 'earliest', partitions: [{ topic: 'orders', partition: 2 }] },
    });
    expect(toResetInput(form({ scope: 'partitions', partitions: 'orders' }))).toEqual({
      fieldErrors: { partitions: [expect.any(String)] },
    });
    expect(toResetInput(form({ scope: 'partitions', partitions: 'bad/name:1' }))).toEqual({
      fieldErrors: { partitions: [expect.any(String)] },
    });
  });

  it("maps the API's field errors to form fields", () => {
    expect(
      formFieldErrors({ timestamp: ['x'], 'partitions.0.topic': ['y'], confirm: ['z'], shiftBy: ['w'], somethingElse: ['v'] }),
    ).toEqual({
      datetime: ['x'],
      partitions: ['y'],
      confirm: ['z'],
      shiftBy: ['w'],
      request: ['v'],
    });
  });
});

describe('isInactive', () => {
  it('only Empty and Dead groups without members, as kafka-consumer-groups --reset-offsets', () => {
    expect(isInactive('Empty', 0)).toBe(true);
    expect(isInactive('Dead', 0)).toBe(true);
    expect(isInactive('Stable', 1)).toBe(false);
    expect(isInactive('PreparingRebalance', 0)).toBe(false);
  });
});
