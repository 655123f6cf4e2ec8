import { describe, expect, it } from 'vitest';
import { ruleCondition, ruleScope } from '@/lib/alert-rule-summary';
import type { AlertRuleSpec } from '@/lib/schemas/alerts';

const common = { name: 'r', clusterId: 'local', forMinutes: 0, channels: [], muted: false };

describe('ruleCondition', () => {
  it('says what each kind watches, with the threshold in its unit', () => {
    expect(ruleCondition({ ...common, kind: 'group-lag', threshold: 1000, forMinutes: 5 })).toBe('lag > 1,000 messages for 5 min');
    expect(ruleCondition({ ...common, kind: 'group-lag', threshold: 1 })).toBe('lag > 1 message');
    expect(ruleCondition({ ...common, kind: 'group-time-lag', thresholdSeconds: 300 })).toBe('time lag > 5 min');
    expect(ruleCondition({ ...common, kind: 'group-time-lag', thresholdSeconds: 90, forMinutes: 90 })).toBe(
      'time lag > 1 min 30 s for 1 h 30 min',
    );
    expect(ruleCondition({ ...common, kind: 'group-status', statuses: ['STALL', 'STOP'] })).toBe('status STALL or STOP');
    expect(ruleCondition({ ...common, kind: 'group-status', statuses: ['WARN', 'STALL', 'STOP'] })).toBe('status WARN, STALL or STOP');
    expect(ruleCondition({ ...common, kind: 'group-status', statuses: ['STOP'] })).toBe('status STOP');
    expect(ruleCondition({ ...common, kind: 'partitions-at-risk', conditions: ['offline', 'under-min-isr'] })).toBe(
      'offline, under-min-isr',
    );
    expect(ruleCondition({ ...common, kind: 'broker-missing', forMinutes: 2 })).toBe('a broker missing for 2 min');
    expect(ruleCondition({ ...common, kind: 'reassignment-stalled' })).toBe('a reassignment stalled');
  });
});

describe('ruleScope', () => {
  const lag = { ...common, kind: 'group-lag', threshold: 10 } as const;
  it('names the patterns of group rules, or all groups', () => {
    expect(ruleScope(lag)).toBe('all groups');
    expect(ruleScope({ ...lag, groupPattern: 'orders-*' })).toBe('groups orders-*');
    expect(ruleScope({ ...lag, groupPattern: 'orders-*', topicPattern: 'pay?' })).toBe('groups orders-*, topics pay?');
    expect(ruleScope({ ...lag, topicPattern: 'pay?' })).toBe('all groups, topics pay?');
  });

  it('names the topics of partition rules; cluster rules watch the whole cluster', () => {
    const atRisk: AlertRuleSpec = { ...common, kind: 'partitions-at-risk', conditions: ['offline'] };
    expect(ruleScope(atRisk)).toBe('all topics');
    expect(ruleScope({ ...atRisk, topicPattern: 'orders.*' })).toBe('topics orders.*');
    expect(ruleScope({ ...common, kind: 'broker-missing' })).toBe('the whole cluster');
  });
});
