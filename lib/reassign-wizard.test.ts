import { describe, expect, it } from 'vitest';
import { executeErrors, initialWizardForm, planFieldErrors, toExecuteRequest, toPlanRequest } from '@/lib/reassign-wizard';

describe('initialWizardForm', () => {
  it('takes what the entry point fills in', () => {
    expect(initialWizardForm({ mode: 'drain', brokers: [3] })).toMatchObject({
      mode: 'drain',
      brokers: [3],
      topics: [],
      from: '',
      replicationFactor: '',
    });
    expect(initialWizardForm({ mode: 'rebalance', topics: ['orders'], replicationFactor: 3 })).toMatchObject({
      topics: ['orders'],
      replicationFactor: '3',
    });
  });
});

describe('toPlanRequest', () => {
  const form = (changes: Parameters<typeof initialWizardForm>[0]) => initialWizardForm(changes);

  it('drain and scale-out: brokers, topics only when chosen', () => {
    expect(toPlanRequest(form({ mode: 'drain', brokers: [3] }))).toEqual({ request: { mode: 'drain', brokers: [3] } });
    expect(toPlanRequest(form({ mode: 'scale-out', brokers: [4], topics: ['a'] }))).toEqual({
      request: { mode: 'scale-out', brokers: [4], topics: ['a'] },
    });
    expect(toPlanRequest(form({ mode: 'drain' }))).toEqual({ fieldErrors: { brokers: ['Choose at least one broker'] } });
  });

  it('replace: both brokers as numbers', () => {
    expect(toPlanRequest({ ...form({ mode: 'replace' }), from: '1', to: ' 4 ' })).toEqual({ request: { mode: 'replace', from: 1, to: 4 } });
    expect(toPlanRequest({ ...form({ mode: 'replace' }), from: '', to: 'x' })).toEqual({
      fieldErrors: { from: ['Choose a broker'], to: ['A whole number'] },
    });
  });

  it('rebalance and replication factor need topics', () => {
    expect(toPlanRequest(form({ mode: 'rebalance', topics: ['a'] }))).toEqual({ request: { mode: 'rebalance', topics: ['a'] } });
    expect(toPlanRequest(form({ mode: 'rebalance' }))).toEqual({ fieldErrors: { topics: ['Choose at least one topic'] } });
    expect(toPlanRequest(form({ mode: 'replication-factor', topics: ['a'], replicationFactor: 3 }))).toEqual({
      request: { mode: 'replication-factor', topics: ['a'], replicationFactor: 3 },
    });
    expect(toPlanRequest(form({ mode: 'replication-factor', topics: ['a'] }))).toEqual({
      fieldErrors: { replicationFactor: ['Enter the new replication factor'] },
    });
    expect(toPlanRequest({ ...form({ mode: 'replication-factor', topics: ['a'] }), replicationFactor: '0' })).toEqual({
      fieldErrors: { replicationFactor: [expect.any(String)] },
    });
  });

  it('a topic typed but not added is planned too, once', () => {
    expect(toPlanRequest({ ...form({ mode: 'drain', brokers: [3], topics: ['a'] }), topicDraft: ' b ' })).toEqual({
      request: { mode: 'drain', brokers: [3], topics: ['a', 'b'] },
    });
    expect(toPlanRequest({ ...form({ mode: 'rebalance', topics: ['a'] }), topicDraft: 'a' })).toEqual({
      request: { mode: 'rebalance', topics: ['a'] },
    });
    expect(toPlanRequest({ ...form({ mode: 'rebalance' }), topicDraft: 'a b' })).toEqual({
      fieldErrors: { topics: [expect.stringMatching(/Only ASCII/)] },
    });
  });

  it('an import is not a plan request', () => expect(toPlanRequest(form({ mode: 'import' }))).toHaveProperty('fieldErrors.importText'));
});

describe('planFieldErrors', () => {
  it('the API fields on the form fields, the rest on the form', () => {
    expect(planFieldErrors({ brokers: ['broker 9 is not live'], 'topics.0': ['bad'], mode: ['?'] })).toEqual({
      brokers: ['broker 9 is not live'],
      topics: ['bad'],
      request: ['?'],
    });
  });
});

describe('toExecuteRequest', () => {
  const plan = { version: 1 as const, partitions: [{ topic: 'a', partition: 0, replicas: [1, 2] }] };
  it('only the options that are on', () => {
    expect(toExecuteRequest(plan, { throttleBytesPerSec: null, allowReplicationFactorChange: false, allowReassigning: false })).toEqual({
      plan,
    });
    expect(toExecuteRequest(plan, { throttleBytesPerSec: 1024, allowReplicationFactorChange: true, allowReassigning: true })).toEqual({
      plan,
      throttleBytesPerSec: 1024,
      allowReplicationFactorChange: true,
      allowReassigning: true,
    });
  });
});

describe('executeErrors', () => {
  it('refusals per plan row become refusals per partition', () => {
    const plan = {
      version: 1 as const,
      partitions: [
        { topic: 'a', partition: 0, replicas: [1] },
        { topic: 'a', partition: 1, replicas: [4] },
      ],
    };
    const { rows, general } = executeErrors(
      { 'plan.partitions.1': ['Broker 4 is not alive in this cluster'], plan: ['Broker 2 would receive 9 GiB'] },
      plan,
    );
    expect([...rows]).toEqual([['a-1', ['Broker 4 is not alive in this cluster']]]);
    expect(general).toEqual(['Broker 2 would receive 9 GiB']);
  });
});
