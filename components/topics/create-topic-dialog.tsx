'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import type { FormErrors } from '@/lib/form-errors';
import { topicQueries } from '@/lib/queries/topics';
import { apiRoutes, pageRoutes } from '@/lib/routes';
import type { CreateTopicInput } from '@/lib/schemas/topic-admin';
import { topicDetailResponseSchema } from '@/lib/schemas/topics';
import {
  catalogField,
  catalogValueError,
  countText,
  createTopicErrors,
  initialCreateTopicForm,
  nameError,
  toCreateTopicInput,
  type CreateTopicFormState,
} from '@/lib/topic-create-form';
import { CreateTopicForm } from '@/components/topics/create-topic-form';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = { clusterId: string; existingNames: readonly string[]; open: boolean; onClose: () => void };

/**
 * The create form in a dialog. What was typed stays while the dialog is closed and after a refusal (the server's
 * field errors show next to the fields); a created topic opens its page.
 */
export function CreateTopicDialog({ clusterId, existingNames, open, onClose }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const defaults = useQuery({ ...topicQueries.defaults(clusterId), enabled: open });
  const [form, setForm] = useState<CreateTopicFormState>(initialCreateTopicForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (input: CreateTopicInput) => apiSend('POST', apiRoutes.topics(clusterId), input, topicDetailResponseSchema),
    onSuccess: (topic) => {
      void queryClient.invalidateQueries({ queryKey: topicQueries.all(clusterId) });
      toast(`Topic ${topic.name} created`);
      setForm(initialCreateTopicForm);
      setErrors({});
      onClose();
      router.push(pageRoutes.topic(clusterId, topic.name));
    },
    onError: (error: Error, input) => {
      const fieldErrors = createTopicErrors(error, form);
      if (fieldErrors) setErrors(fieldErrors);
      else setFailure(`Failed to create topic ${input.name}: ${error.message}`);
    },
  });

  const change = (changes: Partial<CreateTopicFormState>, fields: string[]) => {
    setForm((current) => ({ ...current, ...changes }));
    // A field's old error goes once it is edited; the others stay until the next submit.
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([field]) => !fields.some((f) => field === f || field.startsWith(`${f}.`)))),
    );
    setFailure(null);
  };
  const checkConfig = (key: string) => {
    const error = catalogValueError(key, form.configs[key] ?? '', countText(form.replicationFactor, defaults.data?.replicationFactor));
    setErrors((current) => ({ ...current, [catalogField(key)]: error ? [error] : undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const result = toCreateTopicInput(form, { defaults: defaults.data, existingNames });
    if ('fieldErrors' in result) return setErrors(result.fieldErrors);
    setErrors({});
    create.mutate(result.input);
  };
  const nameProblem = form.name.trim() ? nameError(form.name.trim(), existingNames) : null;

  return (
    <Dialog open={open} onClose={onClose} title="Create topic">
      {defaults.error ? (
        <p role="status" className="text-sm text-amber-700 dark:text-amber-400">
          The cluster&apos;s defaults could not be read ({defaults.error.message}): give partitions and replication factor.
        </p>
      ) : null}
      <form onSubmit={submit} className="space-y-4" noValidate>
        <CreateTopicForm
          form={form}
          defaults={defaults.data}
          errors={errors}
          nameProblem={nameProblem}
          onChange={change}
          onConfigBlur={checkConfig}
        />
        <FormAlert messages={errors.request} />
        <FormAlert messages={failure} />
        <DialogActions divided onCancel={onClose} label="Create topic" busyLabel="Creating…" pending={create.isPending} />
      </form>
    </Dialog>
  );
}
