import { describe, expect, it } from 'vitest';
import { formErrorsOf, formOfSubscription, initialClientMetricsForm, toCreateInput, toUpdateInput } from '@/lib/client-metrics-form';

describe('client metrics form', () => {
  it('splits the lists on lines and commas, trimmed, and reads the interval', () => {
    const form = {
      name: 'sub',
      metrics: 'org.apache.kafka.producer.\n org.apache.kafka.consumer., *\n\n',
      intervalMs: ' 5000 ',
      match: 'client_id=a.*',
    };
    expect(toCreateInput(form)).toEqual({
      input: {
        name: 'sub',
        metrics: ['org.apache.kafka.producer.', 'org.apache.kafka.consumer.', '*'],
        intervalMs: 5000,
        match: ['client_id=a.*'],
      },
    });
  });

  it('round-trips a subscription through the form', () => {
    const subscription = { name: 'a b/c', metrics: ['x.', 'y'], intervalMs: 100, match: ['client_id=1', 'client_source_port=9.*'] };
    const { name, ...config } = subscription;
    expect(toUpdateInput(formOfSubscription(subscription))).toEqual({ input: config });
    expect(toCreateInput(formOfSubscription(subscription))).toEqual({ input: { name, ...config } });
  });

  it('answers the schema refusals on the form fields', () => {
    const form = { ...initialClientMetricsForm, name: '..', intervalMs: '50', match: 'client_id=ok\nnope=x' };
    const result = toCreateInput(form);
    expect(result).toEqual({
      fieldErrors: { name: [expect.any(String)], intervalMs: ['at least 100 ms'], match: [expect.stringContaining('selector=regex')] },
    });
    expect(toUpdateInput({ ...initialClientMetricsForm, intervalMs: 'soon' })).toEqual({
      fieldErrors: { intervalMs: ['a whole number of milliseconds'] },
    });
  });

  it('puts an item error of the API on its list field', () => {
    expect(formErrorsOf({ 'match.1': ['bad'], intervalMs: ['low'], request: ['x'] })).toEqual({
      match: ['bad'],
      intervalMs: ['low'],
      request: ['x'],
    });
  });
});
