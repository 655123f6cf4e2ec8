import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/errors';
import { topicConfigSpec } from '@/lib/schemas/topic-config-catalog';
import {
  catalogChoices,
  catalogValueError,
  countError,
  createTopicErrors,
  createTopicFieldErrors,
  initialCreateTopicForm,
  nameError,
  otherRowError,
  toCreateTopicInput,
  type CreateTopicFormState,
} from '@/lib/topic-create-form';

const form = (changes: Partial<CreateTopicFormState>): CreateTopicFormState => ({ ...initialCreateTopicForm, ...changes });
const defaults = { partitions: 3, replicationFactor: 2, liveBrokers: 3 };

describe('nameError', () => {
  it("applies Kafka's rules, the internal prefix, and the names already there", () => {
    expect(nameError('orders')).toBeNull();
    expect(nameError('')).toMatch(/empty/);
    expect(nameError('a/b')).toMatch(/ASCII/);
    expect(nameError('__mine')).toMatch(/reserved/);
    expect(nameError('orders', ['orders'])).toMatch(/already exists/);
    expect(nameError('a.b', ['a_b'])).toMatch(/Collides with the existing topic "a_b"/);
  });
});

describe('field checks', () => {
  it('counts: whole numbers from 1, the replication factor at most the live brokers', () => {
    expect(countError('')).toBe('Required');
    expect(countError('0')).toMatch(/at least 1/);
    expect(countError('1.5')).toMatch(/whole number/);
    expect(countError('3', { liveBrokers: 3 })).toBeNull();
    expect(countError('4', { liveBrokers: 3 })).toBe('At most 3: the cluster has 3 live brokers');
  });

  it('catalog values: blank is the default; min.insync.replicas at most the replication factor', () => {
    expect(catalogValueError('retention.ms', '', '2')).toBeNull();
    expect(catalogValueError('retention.ms', 'soon', '2')).toBe('A whole number');
    expect(catalogValueError('min.insync.replicas', '3', '2')).toMatch(/At most the replication factor \(2\)/);
    expect(catalogValueError('min.insync.replicas', '3', '')).toBeNull();
  });

  it('raw rows: a config name, not a catalog key, each once; blank rows are ignored', () => {
    const rows = [
      { id: 1, key: 'message.timestamp.type', value: 'LogAppendTime' },
      { id: 2, key: 'message.timestamp.type', value: 'CreateTime' },
    ];
    expect(otherRowError({ id: 9, key: '', value: '' }, rows)).toBeNull();
    expect(otherRowError({ id: 9, key: 'bad key', value: '1' }, rows)).toMatch(/config name/);
    expect(otherRowError({ id: 9, key: 'retention.ms', value: '1' }, rows)).toMatch(/own field/);
    expect(otherRowError(rows[0]!, rows)).toBeNull();
    expect(otherRowError(rows[1]!, rows)).toMatch(/given twice/);
  });

  it('select choices: enum options; a list adds all options together', () => {
    expect(catalogChoices(topicConfigSpec('cleanup.policy')!)).toEqual(['delete', 'compact', 'delete,compact']);
    expect(catalogChoices(topicConfigSpec('compression.type')!)).toContain('zstd');
    expect(catalogChoices(topicConfigSpec('retention.ms')!)).toEqual([]);
  });
});

describe('toCreateTopicInput', () => {
  it("sends the cluster's defaults for untouched counts and leaves blank configs out", () => {
    expect(toCreateTopicInput(form({ name: ' orders ', configs: { 'retention.ms': '' } }), { defaults })).toEqual({
      input: { name: 'orders', partitions: 3, replicationFactor: 2 },
    });
  });

  it('sends typed counts, catalog configs and raw rows together', () => {
    const result = toCreateTopicInput(
      form({
        name: 'orders',
        partitions: '6',
        replicationFactor: '3',
        configs: { 'retention.ms': ' 3600000 ', 'cleanup.policy': 'compact' },
        other: [
          { id: 1, key: 'message.timestamp.type', value: 'LogAppendTime' },
          { id: 2, key: '', value: '' },
        ],
      }),
      { defaults },
    );
    expect(result).toEqual({
      input: {
        name: 'orders',
        partitions: 6,
        replicationFactor: 3,
        configs: { 'retention.ms': '3600000', 'cleanup.policy': 'compact', 'message.timestamp.type': 'LogAppendTime' },
      },
    });
  });

  it('reports every wrong field at once, keyed by form field', () => {
    const result = toCreateTopicInput(
      form({
        name: 'a_b',
        replicationFactor: '4',
        configs: { 'min.insync.replicas': '5', 'retention.ms': 'x' },
        other: [{ id: 7, key: 'no space', value: '1' }],
      }),
      { defaults, existingNames: ['a.b'] },
    );
    expect(result).toEqual({
      fieldErrors: {
        name: [expect.stringMatching(/Collides/)],
        replicationFactor: ['At most 3: the cluster has 3 live brokers'],
        'configs.min.insync.replicas': [expect.stringMatching(/replication factor \(4\)/)],
        'configs.retention.ms': ['A whole number'],
        'other.7.key': [expect.stringMatching(/config name/)],
      },
    });
  });

  it('asks for counts while the defaults are unknown', () => {
    expect(toCreateTopicInput(form({ name: 'orders' }))).toEqual({
      fieldErrors: { partitions: ['Required'], replicationFactor: ['Required'] },
    });
  });
});

describe("the API's errors on the form", () => {
  const typed = form({ name: 'orders', other: [{ id: 4, key: 'message.timestamp.type', value: 'Bogus' }] });

  it('configs.<key> goes to the catalog field or to the raw row that gave the key', () => {
    expect(
      createTopicFieldErrors(
        {
          'configs.retention.ms': ['a'],
          'configs.message.timestamp.type': ['b'],
          'configs.unknown.key': ['c'],
          replicationFactor: ['d'],
          configs: ['e'],
        },
        typed,
      ),
    ).toEqual({ 'configs.retention.ms': ['a'], 'other.4': ['b'], replicationFactor: ['d'], request: ['c', 'e'] });
  });

  it('409 lands on the name; errors without fields are not the form’s', () => {
    expect(createTopicErrors(new ApiError('CONFLICT', 'Topic "orders" already exists'), typed)).toEqual({
      name: ['Topic "orders" already exists'],
    });
    expect(createTopicErrors(new ApiError('VALIDATION', 'x', { fieldErrors: { name: ['bad'] } }), typed)).toEqual({ name: ['bad'] });
    expect(createTopicErrors(new ApiError('KAFKA_UNAVAILABLE', 'down'), typed)).toBeNull();
    expect(createTopicErrors(new Error('boom'), typed)).toBeNull();
  });
});
