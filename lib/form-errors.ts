import type { FieldErrors } from '@/lib/errors';

/** Messages per form field (absent: no error); `request` holds what belongs to no field. */
export type FormErrors = Partial<Record<string, string[]>>;

/** Re-keys field errors (`rename` gives the form field of an API field); messages of one field are kept together. */
export function rekeyErrors(fieldErrors: FieldErrors | undefined, rename: (field: string) => string): FormErrors {
  const byField: FormErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) (byField[rename(field)] ??= []).push(...messages);
  return byField;
}

export const hasErrors = (errors: FormErrors) => Object.values(errors).some((messages) => (messages?.length ?? 0) > 0);
