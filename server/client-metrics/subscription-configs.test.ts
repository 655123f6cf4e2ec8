import { describe, expect, it } from 'vitest';
import { inputFieldErrors, showsInput, subscriptionPatch, toSubscription } from '@/server/client-metrics/subscription-configs';

const entry = (configName: string, configValue: string | null) => ({ configName, configValue });

describe('toSubscription', () => {
  it('splits the comma lists and reads the interval, as kafka-client-metrics --describe prints them', () => {
    const described = [
      entry('interval.ms', '5000'),
      entry('match', 'client_id=abc.*,client_software_name=apache-kafka-java'),
      entry('metrics', 'org.apache.kafka.producer.,org.apache.kafka.consumer.fetch'),
    ];
    expect(toSubscription('sub', described)).toEqual({
      name: 'sub',
      metrics: ['org.apache.kafka.producer.', 'org.apache.kafka.consumer.fetch'],
      intervalMs: 5000,
      match: ['client_id=abc.*', 'client_software_name=apache-kafka-java'],
    });
  });

  it('answers empty lists for "" and the default interval when none is described', () => {
    expect(toSubscription('s', [entry('metrics', ''), entry('match', null)])).toEqual({
      name: 's',
      metrics: [],
      intervalMs: 300000,
      match: [],
    });
  });
});

describe('subscriptionPatch', () => {
  const input = { metrics: ['a.', 'b'], intervalMs: 1000, match: [] };

  it('creating: sets the interval always and the non-empty lists, comma-joined', () => {
    expect(subscriptionPatch(input, { replacing: false })).toEqual({ set: { 'interval.ms': '1000', metrics: 'a.,b' } });
  });

  it('replacing: deletes the keys whose list is now empty', () => {
    expect(subscriptionPatch(input, { replacing: true })).toEqual({ set: { 'interval.ms': '1000', metrics: 'a.,b' }, delete: ['match'] });
    expect(subscriptionPatch({ metrics: [], intervalMs: 100, match: [] }, { replacing: true })).toEqual({
      set: { 'interval.ms': '100' },
      delete: ['metrics', 'match'],
    });
  });
});

describe('showsInput', () => {
  it('holds when every field is described as given, in order', () => {
    const described = { name: 's', metrics: ['a'], intervalMs: 100, match: ['client_id=x'] };
    expect(showsInput(described, { metrics: ['a'], intervalMs: 100, match: ['client_id=x'] })).toBe(true);
    expect(showsInput(described, { metrics: ['a'], intervalMs: 200, match: ['client_id=x'] })).toBe(false);
    expect(showsInput(described, { metrics: [], intervalMs: 100, match: ['client_id=x'] })).toBe(false);
  });
});

describe('inputFieldErrors', () => {
  it('puts a refusal naming a key on that input field', () => {
    const message = 'Invalid value 50 for interval.ms, interval must be between 100 and 3600000 (1 hour)';
    expect(inputFieldErrors({ 'set.interval.ms': [message] })).toEqual({ intervalMs: [message] });
    expect(inputFieldErrors({ 'set.metrics': ['bad'] })).toEqual({ metrics: ['bad'] });
  });

  it('puts a refused regex on match, and any other unnamed refusal on the request', () => {
    expect(inputFieldErrors({ set: ['Illegal client matching pattern: client_id=['] })).toEqual({
      match: ['Illegal client matching pattern: client_id=['],
    });
    expect(inputFieldErrors({ set: ['something else'] })).toEqual({ request: ['something else'] });
    expect(inputFieldErrors({ request: ['x'] })).toEqual({ request: ['x'] });
  });
});
