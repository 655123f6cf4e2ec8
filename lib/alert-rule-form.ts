import { ApiError } from '@/lib/errors';
import { zodFieldErrors } from '@/lib/errors';
import { hasErrors, rekeyErrors, type FormErrors } from '@/lib/form-errors';
import {
  ALERTABLE_STATUSES,
  AT_RISK_CONDITIONS,
  alertRuleInputSchema,
  alertRulePatchSchema,
  type AlertKind,
  type AlertRule,
  type AlertRulePatch,
  type AlertRuleSpec,
} from '@/lib/schemas/alerts';

export type AlertableStatus = (typeof ALERTABLE_STATUSES)[number];
export type AtRiskCondition = (typeof AT_RISK_CONDITIONS)[number];

/** The rule form as typed: numbers stay text until the form is turned into the API's input. */
export type AlertRuleFormState = {
  kind: AlertKind;
  name: string;
  /** '' until chosen: the first cluster of the list is meant. */
  clusterId: string;
  /** group-lag: messages. */
  threshold: string;
  /** group-time-lag: in `timeLagUnit`, sent as thresholdSeconds. */
  timeLag: string;
  timeLagUnit: 's' | 'min';
  statuses: AlertableStatus[];
  conditions: AtRiskCondition[];
  groupPattern: string;
  topicPattern: string;
  /** Blank = 0: at the first sampling pass that sees the condition. */
  forMinutes: string;
  channels: string[];
  muted: boolean;
};

export const initialAlertRuleForm: AlertRuleFormState = {
  kind: 'group-lag',
  name: '',
  clusterId: '',
  threshold: '',
  timeLag: '',
  timeLagUnit: 'min',
  statuses: ['STALL', 'STOP'],
  conditions: [...AT_RISK_CONDITIONS],
  groupPattern: '',
  topicPattern: '',
  forMinutes: '0',
  channels: [],
  muted: false,
};

/** A stored rule as the form shows it for editing (a time lag in whole minutes is shown in minutes). */
export function alertRuleFormFromRule(rule: AlertRule): AlertRuleFormState {
  const form: AlertRuleFormState = {
    ...initialAlertRuleForm,
    kind: rule.kind,
    name: rule.name,
    clusterId: rule.clusterId,
    forMinutes: String(rule.forMinutes),
    channels: [...rule.channels],
    muted: rule.muted,
  };
  if ('groupPattern' in rule) form.groupPattern = rule.groupPattern ?? '';
  if ('topicPattern' in rule) form.topicPattern = rule.topicPattern ?? '';
  if (rule.kind === 'group-lag') form.threshold = String(rule.threshold);
  if (rule.kind === 'group-time-lag') {
    const minutes = rule.thresholdSeconds >= 60 && rule.thresholdSeconds % 60 === 0;
    form.timeLag = String(minutes ? rule.thresholdSeconds / 60 : rule.thresholdSeconds);
    form.timeLagUnit = minutes ? 'min' : 's';
  }
  if (rule.kind === 'group-status') form.statuses = [...rule.statuses];
  if (rule.kind === 'partitions-at-risk') form.conditions = [...rule.conditions];
  return form;
}

/** API field errors → form fields (`thresholdSeconds` is the time lag field, `statuses.1` the statuses). */
export function alertRuleFieldErrors(fieldErrors: Record<string, string[]> | undefined): FormErrors {
  return rekeyErrors(fieldErrors, (field) => {
    const root = field.split('.')[0] ?? '';
    if (root === 'thresholdSeconds') return 'timeLag';
    return root in initialAlertRuleForm && root !== 'timeLagUnit' ? root : 'request';
  });
}

/** A failed create or edit as form errors; null when the error belongs to no field (the dialog says it in a line). */
export function alertRuleErrors(error: unknown): FormErrors | null {
  return error instanceof ApiError && error.fieldErrors ? alertRuleFieldErrors(error.fieldErrors) : null;
}

const number = (text: string) => (/^\d+(\.\d+)?$/.test(text) ? Number(text) : null);

/** The fields of the form's kind, typed as the API takes them, and the problems only the form can name (keyed by form field). */
function rawRule(form: AlertRuleFormState): { raw: Record<string, unknown>; errors: FormErrors } {
  const errors: FormErrors = {};
  const raw: Record<string, unknown> = {
    kind: form.kind,
    name: form.name.trim(),
    clusterId: form.clusterId,
    channels: form.channels,
    muted: form.muted,
  };
  if (!form.clusterId) errors.clusterId = ['choose a cluster'];
  const forMinutes = form.forMinutes.trim() === '' ? 0 : number(form.forMinutes.trim());
  if (forMinutes === null) errors.forMinutes = ['minutes, 0 or more (0 = at once)'];
  raw.forMinutes = forMinutes;
  const group = form.kind === 'group-lag' || form.kind === 'group-time-lag' || form.kind === 'group-status';
  if (group && form.groupPattern.trim()) raw.groupPattern = form.groupPattern.trim();
  if ((group || form.kind === 'partitions-at-risk') && form.topicPattern.trim()) raw.topicPattern = form.topicPattern.trim();
  if (form.kind === 'group-lag') {
    // "1,000" and "1_000" are how people write thresholds.
    const threshold = form.threshold.replace(/[,_\s]/g, '');
    if (!/^\d+$/.test(threshold)) errors.threshold = ['a whole number of messages, 0 or more'];
    raw.threshold = Number(threshold);
  }
  if (form.kind === 'group-time-lag') {
    const value = number(form.timeLag.trim());
    if (value === null || value <= 0) errors.timeLag = [`a number of ${form.timeLagUnit === 'min' ? 'minutes' : 'seconds'} above 0`];
    raw.thresholdSeconds = (value ?? 0) * (form.timeLagUnit === 'min' ? 60 : 1);
  }
  if (form.kind === 'group-status') raw.statuses = form.statuses;
  if (form.kind === 'group-status' && form.statuses.length === 0) errors.statuses = ['choose at least one status'];
  if (form.kind === 'partitions-at-risk') raw.conditions = form.conditions;
  if (form.kind === 'partitions-at-risk' && form.conditions.length === 0) errors.conditions = ['choose at least one condition'];
  return { raw, errors };
}

/** The form → a new rule, checked by the route's own schema; errors keyed by form field. */
export function toAlertRuleInput(form: AlertRuleFormState): { input: AlertRuleSpec } | { fieldErrors: FormErrors } {
  const { raw, errors } = rawRule(form);
  const parsed = alertRuleInputSchema.safeParse(raw);
  if (parsed.success && !hasErrors(errors)) return { input: parsed.data };
  // Every problem at once; where the form names one in its own words, the schema's message on that field is left out.
  return { fieldErrors: { ...(parsed.success ? {} : alertRuleFieldErrors(zodFieldErrors(parsed.error))), ...errors } };
}

/**
 * The form → the edit of a stored rule: every editable field of its kind, a cleared pattern as null (the PATCH
 * keeps what it is not given). Kind and cluster are the rule's own.
 */
export function toAlertRulePatch(
  form: AlertRuleFormState,
  rule: Pick<AlertRule, 'kind' | 'clusterId'>,
): { patch: AlertRulePatch } | { fieldErrors: FormErrors } {
  const checked = toAlertRuleInput({ ...form, kind: rule.kind, clusterId: rule.clusterId });
  if ('fieldErrors' in checked) return checked;
  const { kind, clusterId: _clusterId, ...fields } = checked.input;
  const cleared: Record<string, null> = {};
  if (kind === 'group-lag' || kind === 'group-time-lag' || kind === 'group-status') cleared.groupPattern = null;
  if (kind !== 'broker-missing' && kind !== 'reassignment-stalled') cleared.topicPattern = null;
  return { patch: alertRulePatchSchema.parse({ ...cleared, ...fields }) };
}
