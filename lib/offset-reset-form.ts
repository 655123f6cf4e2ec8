import { zodFieldErrors, type FieldErrors } from '@/lib/errors';
import { offsetResetInputSchema, type OffsetResetInput, type ResetStrategy, type TopicPartitionRef } from '@/lib/schemas/offset-reset';

/** The reset form as typed: text fields stay text until the form is turned into the API's input. */
export type ResetFormState = {
  strategy: ResetStrategy;
  /** `<input type="datetime-local">` value, local time (as the CLI's --to-datetime without a zone). */
  datetime: string;
  offset: string;
  shiftBy: string;
  fromGroupId: string;
  scope: 'all' | 'topics' | 'partitions';
  /** Topics ticked among the group's own. */
  topics: string[];
  /** More topics, comma- or space-separated (a topic the group has not read yet). */
  otherTopics: string;
  /** --topic's syntax: `orders:0,1 payments:2` (spaces, semicolons or new lines between topics). */
  partitions: string;
};

export const initialResetForm: ResetFormState = {
  strategy: 'earliest',
  datetime: '',
  offset: '',
  shiftBy: '',
  fromGroupId: '',
  scope: 'all',
  topics: [],
  otherTopics: '',
  partitions: '',
};

/** `orders:0,1 payments:2` → refs; null when a part is not `topic:n[,n…]`. */
export function parsePartitions(text: string): TopicPartitionRef[] | null {
  const refs: TopicPartitionRef[] = [];
  for (const part of text.split(/[\s;]+/).filter(Boolean)) {
    const match = /^(.+):(\d+(?:,\d+)*)$/.exec(part);
    if (!match) return null;
    for (const n of match[2]!.split(',')) refs.push({ topic: match[1]!, partition: Number(n) });
  }
  return refs;
}

/** Which form field shows an API field error (the API's `timestamp` is the form's date and time, …). */
export function formField(apiField: string): keyof ResetFormState | 'request' | 'confirm' {
  const root = apiField.split('.')[0] ?? 'request';
  if (root === 'timestamp') return 'datetime';
  if (root === 'confirm') return 'confirm';
  return root in initialResetForm ? (root as keyof ResetFormState) : 'request';
}

export function formFieldErrors(fieldErrors: FieldErrors | undefined): Partial<Record<string, string[]>> {
  const byField: Partial<Record<string, string[]>> = {};
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) (byField[formField(field)] ??= []).push(...messages);
  return byField;
}

/** The form → the API's input, validated by the same schema as the route; field errors keyed by form field. */
export function toResetInput(form: ResetFormState): { input: OffsetResetInput } | { fieldErrors: Partial<Record<string, string[]>> } {
  const raw: Record<string, unknown> = { strategy: form.strategy };
  if (form.strategy === 'timestamp' && form.datetime) {
    const time = new Date(form.datetime).getTime();
    if (Number.isNaN(time)) return { fieldErrors: { datetime: ['not a date and time'] } };
    raw.timestamp = time;
  }
  if (form.strategy === 'offset' && form.offset.trim()) raw.offset = form.offset.trim();
  if (form.strategy === 'shift' && form.shiftBy.trim()) {
    if (!/^-?\d+$/.test(form.shiftBy.trim())) return { fieldErrors: { shiftBy: ['a whole number, negative to move back'] } };
    raw.shiftBy = Number(form.shiftBy.trim());
  }
  if (form.strategy === 'copy' && form.fromGroupId.trim()) raw.fromGroupId = form.fromGroupId.trim();
  if (form.scope === 'topics') {
    const topics = [...new Set([...form.topics, ...form.otherTopics.split(/[\s,]+/).filter(Boolean)])];
    if (topics.length === 0) return { fieldErrors: { topics: ['choose at least one topic'] } };
    raw.topics = topics;
  }
  if (form.scope === 'partitions') {
    const partitions = parsePartitions(form.partitions);
    if (!partitions || partitions.length === 0)
      return { fieldErrors: { partitions: ['topic:partition[,partition…], e.g. orders:0,1 payments:2'] } };
    raw.partitions = partitions;
  }
  const parsed = offsetResetInputSchema.safeParse(raw);
  if (parsed.success) return { input: parsed.data };
  return { fieldErrors: formFieldErrors(zodFieldErrors(parsed.error)) };
}

/** The groups a reset (or a delete) is allowed for, as kafka-consumer-groups decides: no active members. */
export const isInactive = (state: string, memberCount: number) => (state === 'Empty' || state === 'Dead') && memberCount === 0;
