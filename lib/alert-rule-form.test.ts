import { describe, expect, it } from 'vitest';
import {
  alertRuleErrors,
  alertRuleFormFromRule,
  initialAlertRuleForm,
  toAlertRuleInput,
  toAlertRulePatch,
  type AlertRuleFormState,
} from '@/lib/alert-rule-form';
import { ApiError } from '@/lib/errors';
import type { AlertRule } from '@/lib/schemas/alerts';

const form = (changes: Partial<AlertRuleFormState>): AlertRuleFormState => ({
  ...initialAlertRuleForm,
  name: 'Lagging orders',
  clusterId: 'local',
  ...changes,
});
const stored = {
  id: 'u1',
  source: 'database' as const,
  createdBy: 'ada',
  createdAt: 1,
  updatedAt: 1,
  firing: 0,
  name: 'r',
  clusterId: 'local',
  forMinutes: 5,
  channels: ['ops'],
  muted: true,
};

describe('toAlertRuleInput', () => {
  it('sends only the fields of the chosen kind, with numbers as numbers', () => {
    expect(toAlertRuleInput(form({ threshold: '1,000', groupPattern: ' orders-* ', forMinutes: '' }))).toEqual({
      input: {
        kind: 'group-lag',
        name: 'Lagging orders',
        clusterId: 'local',
        threshold: 1000,
        groupPattern: 'orders-*',
        forMinutes: 0,
        channels: [],
        muted: false,
      },
    });
    expect(toAlertRuleInput(form({ kind: 'broker-missing', groupPattern: 'ignored', topicPattern: 'ignored', forMinutes: '2' }))).toEqual({
      input: { kind: 'broker-missing', name: 'Lagging orders', clusterId: 'local', forMinutes: 2, channels: [], muted: false },
    });
    const atRisk = toAlertRuleInput(
      form({ kind: 'partitions-at-risk', conditions: ['offline'], topicPattern: 'pay*', groupPattern: 'ignored' }),
    );
    expect(atRisk).toEqual({ input: expect.objectContaining({ conditions: ['offline'], topicPattern: 'pay*' }) });
    expect(atRisk).not.toEqual({ input: expect.objectContaining({ groupPattern: expect.anything() }) });
  });

  it('turns a time lag in minutes or seconds into thresholdSeconds', () => {
    expect(toAlertRuleInput(form({ kind: 'group-time-lag', timeLag: '5', timeLagUnit: 'min' }))).toEqual({
      input: expect.objectContaining({ thresholdSeconds: 300 }),
    });
    expect(toAlertRuleInput(form({ kind: 'group-time-lag', timeLag: '90', timeLagUnit: 's' }))).toEqual({
      input: expect.objectContaining({ thresholdSeconds: 90 }),
    });
  });

  it('reports problems on the fields that hold them', () => {
    expect(toAlertRuleInput(form({ threshold: '1.5' }))).toEqual({ fieldErrors: { threshold: [expect.any(String)] } });
    expect(toAlertRuleInput(form({ kind: 'group-time-lag', timeLag: '0' }))).toEqual({
      fieldErrors: { timeLag: ['a number of minutes above 0'] },
    });
    expect(toAlertRuleInput(form({ kind: 'group-status', statuses: [] }))).toEqual({
      fieldErrors: { statuses: ['choose at least one status'] },
    });
    expect(toAlertRuleInput(form({ threshold: '1', forMinutes: '-1', clusterId: '' }))).toEqual({
      fieldErrors: { forMinutes: [expect.any(String)], clusterId: ['choose a cluster'] },
    });
    expect(toAlertRuleInput(form({ threshold: '1', name: ' ' }))).toEqual({ fieldErrors: { name: ['give the rule a name'] } });
    // All at once: the schema's (name) and the form's own (threshold), the form's words where both speak.
    expect(toAlertRuleInput(form({ threshold: '', name: '' }))).toEqual({
      fieldErrors: { name: ['give the rule a name'], threshold: ['a whole number of messages, 0 or more'] },
    });
    expect(toAlertRuleInput(form({ threshold: '1', forMinutes: '2000' }))).toEqual({ fieldErrors: { forMinutes: [expect.any(String)] } });
  });
});

describe('editing a stored rule', () => {
  it('prefills the form, a whole number of minutes in minutes', () => {
    const rule: AlertRule = { ...stored, kind: 'group-time-lag', thresholdSeconds: 600, groupPattern: 'g*' };
    expect(alertRuleFormFromRule(rule)).toMatchObject({
      kind: 'group-time-lag',
      timeLag: '10',
      timeLagUnit: 'min',
      groupPattern: 'g*',
      topicPattern: '',
      forMinutes: '5',
      channels: ['ops'],
      muted: true,
    });
    expect(alertRuleFormFromRule({ ...rule, kind: 'group-time-lag', thresholdSeconds: 90 })).toMatchObject({
      timeLag: '90',
      timeLagUnit: 's',
    });
  });

  it('patches every editable field of the kind, clearing a removed pattern with null', () => {
    const rule: AlertRule = { ...stored, kind: 'group-lag', threshold: 10, groupPattern: 'g*' };
    const edited = {
      ...alertRuleFormFromRule(rule),
      threshold: '20',
      groupPattern: '',
      kind: 'broker-missing' as const,
      clusterId: 'other',
    };
    expect(toAlertRulePatch(edited, rule)).toEqual({
      patch: { name: 'r', threshold: 20, groupPattern: null, topicPattern: null, forMinutes: 5, channels: ['ops'], muted: true },
    });
    const broker: AlertRule = { ...stored, kind: 'broker-missing' };
    expect(toAlertRulePatch(alertRuleFormFromRule(broker), broker)).toEqual({
      patch: { name: 'r', forMinutes: 5, channels: ['ops'], muted: true },
    });
  });
});

describe('alertRuleErrors', () => {
  it("puts the server's field errors on the form's fields", () => {
    const error = new ApiError('VALIDATION', 'invalid', {
      fieldErrors: {
        clusterId: ['unknown cluster'],
        'channels.0': ['"x" is not a configured channel'],
        thresholdSeconds: ['too big'],
        rule: ['?'],
      },
    });
    expect(alertRuleErrors(error)).toEqual({
      clusterId: ['unknown cluster'],
      channels: ['"x" is not a configured channel'],
      timeLag: ['too big'],
      request: ['?'],
    });
    expect(alertRuleErrors(new ApiError('CONFLICT', 'config rule'))).toBeNull();
  });
});
