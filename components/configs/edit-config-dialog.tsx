'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { apiSend } from '@/lib/api-client';
import { configEditErrors, toResetPatch } from '@/lib/config-edit-form';
import { ApiError } from '@/lib/errors';
import type { FormErrors } from '@/lib/form-errors';
import { configListResponseSchema, type ConfigEntry, type ConfigListResponse } from '@/lib/schemas/configs';
import type { ConfigPatchInput } from '@/lib/schemas/topic-admin';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert, FormField, Input } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = {
  entry: ConfigEntry;
  /** Whose config it is, for messages: "topic orders", "broker 1", "all brokers". */
  subject: string;
  /** The configs resource PATCHed (`{ set }` or `{ delete }`). */
  path: string;
  /** What the value means (the catalog's help), under the field. */
  help?: string;
  /** The key is set on the resource itself: "Reset to default" deletes it there. */
  canReset: boolean;
  /** The typed value → the patch, or errors keyed `value` / `request`. */
  validate: (value: string) => { patch: ConfigPatchInput } | { fieldErrors: FormErrors };
  /** After Kafka took the change: refresh what shows it. */
  onSaved: (configs: ConfigListResponse) => Promise<unknown>;
  onClose: () => void;
  /** Above the value: what it is now, a scope choice. */
  children?: ReactNode;
};

/** One config key: set a value, or reset it to what the resource inherits. Mounted while open, starting from the value shown. */
export function EditConfigDialog({ entry, subject, path, help, canReset, validate, onSaved, onClose, children }: Props) {
  const toast = useToast();
  const [value, setValue] = useState(entry.value ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (patch: ConfigPatchInput) => apiSend('PATCH', path, patch, configListResponseSchema),
    onSuccess: async (configs, patch) => {
      await onSaved(configs);
      const set = patch.set?.[entry.name];
      toast(set === undefined ? `${entry.name} of ${subject} reset to default` : `${entry.name} of ${subject} set to ${set}`);
      onClose();
    },
    onError: (e: Error, patch) => {
      if (e instanceof ApiError && e.fieldErrors) setErrors(configEditErrors(e.fieldErrors));
      else setFailure(`Failed to ${patch.delete ? 'reset' : 'change'} ${entry.name} of ${subject}: ${e.message}`);
    },
  });
  const send = (patch: ConfigPatchInput) => {
    setErrors({});
    setFailure(null);
    save.mutate(patch);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(value);
    if ('fieldErrors' in result) return setErrors(result.fieldErrors);
    send(result.patch);
  };
  return (
    <Dialog open onClose={onClose} title={`Edit ${entry.name}`} size="md">
      {children}
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormField label="Value" hint={help} error={errors.value}>
          {(control) => (
            <Input
              {...control}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </FormField>
        <FormAlert messages={errors.request} />
        <FormAlert messages={failure} />
        <DialogActions onCancel={onClose} label="Save" busyLabel="Saving…" pending={save.isPending}>
          {canReset ? (
            <Button className="mr-auto" disabled={save.isPending} onClick={() => send(toResetPatch(entry.name))}>
              Reset to default
            </Button>
          ) : null}
        </DialogActions>
      </form>
    </Dialog>
  );
}
