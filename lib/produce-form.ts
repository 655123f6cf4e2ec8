import { zodFieldErrors } from '@/lib/errors';
import { rekeyErrors, type FormErrors } from '@/lib/form-errors';
import type { Message } from '@/lib/schemas/messages';
import { produceInputSchema, type ParsedProduceInput } from '@/lib/schemas/messages';

export type Encoding = 'utf8' | 'base64';
export type HeaderRow = { key: string; value: string; nullValue: boolean; encoding: Encoding };

/** The produce form as typed. `partition` '' = by key (or any); `key`/`value` null = a null key or value. */
export type ProduceForm = {
  partition: string;
  key: string;
  nullKey: boolean;
  keyEncoding: Encoding;
  value: string;
  nullValue: boolean;
  valueEncoding: Encoding;
  headers: HeaderRow[];
  compression: ParsedProduceInput['compression'];
  acks: '-1' | '1';
};

export const EMPTY_PRODUCE_FORM: ProduceForm = {
  partition: '',
  key: '',
  nullKey: true,
  keyEncoding: 'utf8',
  value: '',
  nullValue: false,
  valueEncoding: 'utf8',
  headers: [],
  compression: 'none',
  acks: '-1',
};

/**
 * "Produce again" from a shown record: its key, value and headers as shown (masked parts stay masked: the form never
 * sees what the viewer could not), its partition and codec; then the person edits before sending.
 */
export function produceFormFrom(message: Message): ProduceForm {
  return {
    partition: String(message.partition),
    key: message.key ?? '',
    nullKey: message.key === null,
    keyEncoding: message.keyEncoding ?? 'utf8',
    value: message.value ?? '',
    nullValue: message.value === null,
    valueEncoding: message.valueEncoding ?? 'utf8',
    headers: message.headers.map((h) => ({
      key: h.key,
      value: h.value ?? '',
      nullValue: h.value === null,
      encoding: h.valueEncoding ?? 'utf8',
    })),
    compression: message.compression,
    acks: '-1',
  };
}

/** The API's field names are the form's, but for header values (`headers.<i>.value` → `header.<i>`). */
export const produceFieldErrors = (fieldErrors: Record<string, string[]> | undefined): FormErrors =>
  rekeyErrors(fieldErrors, (field) => {
    const header = /^headers\.(\d+)\./.exec(field);
    if (header) return `header.${header[1]}`;
    return ['partition', 'key', 'value', 'compression', 'acks', 'headers'].includes(field) ? field : 'request';
  });

export function toProduceInput(form: ProduceForm): { input: ParsedProduceInput } | { fieldErrors: FormErrors } {
  const errors: FormErrors = {};
  const partition = form.partition.trim();
  if (partition !== '' && !/^\d+$/.test(partition)) errors.partition = ['A partition number, or empty for the key’s partition'];
  form.headers.forEach((h, i) => {
    if (h.key.trim() === '') errors[`header.${i}`] = ['A header needs a name'];
  });
  if (Object.keys(errors).length > 0) return { fieldErrors: errors };
  const parsed = produceInputSchema.safeParse({
    ...(partition === '' ? {} : { partition: Number(partition) }),
    key: form.nullKey ? null : form.key,
    keyEncoding: form.keyEncoding,
    value: form.nullValue ? null : form.value,
    valueEncoding: form.valueEncoding,
    headers: form.headers.map((h) => ({ key: h.key, value: h.nullValue ? null : h.value, valueEncoding: h.encoding })),
    compression: form.compression,
    acks: Number(form.acks),
  });
  return parsed.success ? { input: parsed.data } : { fieldErrors: produceFieldErrors(zodFieldErrors(parsed.error)) };
}
