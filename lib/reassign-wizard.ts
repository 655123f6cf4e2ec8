import type { FieldErrors } from '@/lib/errors';
import { zodFieldErrors } from '@/lib/errors';
import { rekeyErrors, type FormErrors } from '@/lib/form-errors';
import { planRequestSchema, type ExecuteRequest, type PlanMode, type PlanRequest, type PlanResponse } from '@/lib/schemas/reassignments';

/** The wizard's first step: a planner mode, or a plan pasted in kafka-reassign-partitions' JSON. */
export type WizardMode = PlanMode | 'import';

export const WIZARD_MODES: { mode: WizardMode; label: string; help: string }[] = [
  { mode: 'drain', label: 'Drain brokers', help: 'Move every replica off the chosen brokers (before removing them).' },
  { mode: 'scale-out', label: 'Spread onto new brokers', help: 'Move replicas onto the chosen brokers until they hold their share.' },
  { mode: 'replace', label: 'Replace a broker', help: 'Put another broker in its place in every replica list (leaders stay leaders).' },
  { mode: 'rebalance', label: 'Rebalance topics', help: "Even out the topics' replicas and preferred leaders over the live brokers." },
  { mode: 'replication-factor', label: 'Change replication factor', help: 'Add or remove as few replicas as possible.' },
  { mode: 'import', label: 'Import JSON', help: 'A reassignment from kafka-reassign-partitions (--generate output or your own).' },
];

/** Modes that must name their topics; the others take every topic when none is chosen. */
export const TOPICS_REQUIRED: readonly WizardMode[] = ['rebalance', 'replication-factor'];

/** The form as typed: numbers stay text until the request is built. */
export type WizardForm = {
  mode: WizardMode;
  brokers: number[];
  from: string;
  to: string;
  topics: string[];
  /** A topic typed but not added yet: planning takes it too (nobody expects it to be ignored). */
  topicDraft: string;
  replicationFactor: string;
  importText: string;
};

/** What an entry point fills in (a broker page: drain that broker; a topic page: rebalance that topic). */
export type WizardPrefill = Partial<Pick<WizardForm, 'mode' | 'brokers' | 'topics' | 'importText'>> & {
  from?: number;
  to?: number;
  replicationFactor?: number;
};

export function initialWizardForm(prefill: WizardPrefill = {}): WizardForm {
  return {
    mode: prefill.mode ?? 'drain',
    brokers: prefill.brokers ?? [],
    from: prefill.from === undefined ? '' : String(prefill.from),
    to: prefill.to === undefined ? '' : String(prefill.to),
    topics: prefill.topics ?? [],
    topicDraft: '',
    replicationFactor: prefill.replicationFactor === undefined ? '' : String(prefill.replicationFactor),
    importText: prefill.importText ?? '',
  };
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim() === '' ? undefined : Number.NaN);

/** The form → the plan request, checked by the route's own schema; errors keyed by form field. */
export function toPlanRequest(form: WizardForm): { request: PlanRequest } | { fieldErrors: FormErrors } {
  if (form.mode === 'import') return { fieldErrors: { importText: ['An imported plan is not planned by the server'] } };
  const chosen = [...new Set([...form.topics, form.topicDraft.trim()].filter(Boolean))];
  const raw: Record<string, unknown> = { mode: form.mode, ...(chosen.length > 0 ? { topics: chosen } : {}) };
  if (form.mode === 'drain' || form.mode === 'scale-out') raw.brokers = form.brokers;
  if (form.mode === 'replace') Object.assign(raw, { from: whole(form.from), to: whole(form.to) });
  if (form.mode === 'rebalance' || form.mode === 'replication-factor') raw.topics = chosen;
  if (form.mode === 'replication-factor') raw.replicationFactor = whole(form.replicationFactor);
  const errors: FormErrors = {};
  for (const field of ['from', 'to', 'replicationFactor'] as const) {
    if (field in raw && raw[field] === undefined)
      errors[field] = [field === 'replicationFactor' ? 'Enter the new replication factor' : 'Choose a broker'];
    else if (field in raw && Number.isNaN(raw[field])) errors[field] = ['A whole number'];
  }
  if (Object.keys(errors).length > 0) return { fieldErrors: errors };
  const parsed = planRequestSchema.safeParse(raw);
  return parsed.success ? { request: parsed.data } : { fieldErrors: planFieldErrors(zodFieldErrors(parsed.error)) };
}

const FORM_FIELDS = new Set(['brokers', 'topics', 'from', 'to', 'replicationFactor', 'importText']);

/** The plan route's fieldErrors (`brokers`, `topics.2`, …) on the form's fields; anything else on the form as a whole. */
export function planFieldErrors(fieldErrors: FieldErrors | undefined): FormErrors {
  return rekeyErrors(fieldErrors, (field) => {
    const root = field.split('.')[0] ?? '';
    return FORM_FIELDS.has(root) ? root : 'request';
  });
}

/**
 * The execute request: the plan, the throttle, and the replica count change allowed only where it is the point
 * (the replication-factor mode, or an imported plan whose change the user accepted).
 */
export function toExecuteRequest(
  plan: PlanResponse['plan'],
  options: { throttleBytesPerSec: number | null; allowReplicationFactorChange: boolean; allowReassigning: boolean },
): ExecuteRequest {
  return {
    plan,
    ...(options.throttleBytesPerSec !== null ? { throttleBytesPerSec: options.throttleBytesPerSec } : {}),
    ...(options.allowReplicationFactorChange ? { allowReplicationFactorChange: true } : {}),
    ...(options.allowReassigning ? { allowReassigning: true } : {}),
  };
}

/**
 * The execute route's refusals per plan row (`plan.partitions.<i>`) → per partition ("orders-3"), so the diff can
 * show them on its rows whatever order it lists them in; `plan` and the rest are about the whole plan.
 */
export function executeErrors(fieldErrors: FieldErrors | undefined, plan: PlanResponse['plan']) {
  const rows = new Map<string, string[]>();
  const general: string[] = [];
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
    const match = /^plan\.partitions\.(\d+)/.exec(field);
    const row = match ? plan.partitions[Number(match[1])] : undefined;
    if (row) rows.set(`${row.topic}-${row.partition}`, [...(rows.get(`${row.topic}-${row.partition}`) ?? []), ...messages]);
    else general.push(...messages);
  }
  return { rows, general };
}
