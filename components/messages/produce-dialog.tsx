'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import type { FormErrors } from '@/lib/form-errors';
import { messageQueries } from '@/lib/queries/messages';
import { produceFieldErrors, toProduceInput, type Encoding, type HeaderRow, type ProduceForm } from '@/lib/produce-form';
import { apiRoutes } from '@/lib/routes';
import { COMPRESSION_TYPES, produceResultSchema, type ParsedProduceInput, type ProduceResult } from '@/lib/schemas/messages';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert, FormField, Input, Select } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

function EncodingSelect({ label, value, onChange }: { label: string; value: Encoding; onChange: (value: Encoding) => void }) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as Encoding)}
      className="rounded border border-zinc-300 bg-white px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
    >
      <option value="utf8">text</option>
      <option value="base64">base64</option>
    </select>
  );
}

/**
 * Produces one record (admins; operators where the configuration allows). Opened empty or from a shown record
 * ("produce again": as shown, masked parts included), edited, sent; the answer says where it went.
 */
export function ProduceDialog({
  clusterId,
  topic,
  initial,
  onClose,
}: {
  clusterId: string;
  topic: string;
  initial: ProduceForm;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [form, setForm] = useState<ProduceForm>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<ProduceResult | null>(null);
  const set = (changes: Partial<ProduceForm>) => setForm((f) => ({ ...f, ...changes }));
  const setHeader = (i: number, changes: Partial<HeaderRow>) =>
    set({ headers: form.headers.map((h, j) => (j === i ? { ...h, ...changes } : h)) });
  const produce = useMutation({
    mutationFn: (input: ParsedProduceInput) => apiSend('POST', apiRoutes.topicMessages(clusterId, topic), input, produceResultSchema),
    onSuccess: async (answer) => {
      setResult(answer);
      await queryClient.invalidateQueries({ queryKey: messageQueries.all(clusterId, topic) });
      toast(`Record produced to ${topic} partition ${answer.partition} at offset ${answer.offset}`);
    },
    onError: (e: Error) => {
      if (e instanceof ApiError && e.fieldErrors) setErrors(produceFieldErrors(e.fieldErrors));
      else setFailure(`Failed to produce to ${topic}: ${e.message}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = toProduceInput(form);
    if ('fieldErrors' in checked) return setErrors(checked.fieldErrors);
    setErrors({});
    produce.mutate(checked.input);
  };

  return (
    <Dialog open onClose={onClose} title={`Produce to ${topic}`}>
      {result ? (
        <div className="space-y-3">
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Written to partition {result.partition} at offset {result.offset}.
          </p>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setResult(null)}>Produce another</Button>
            <Button tone="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-3" noValidate>
          <div className="grid grid-cols-3 gap-3">
            <FormField label="Partition" hint="empty: the key's (Kafka's default partitioner), or any" error={errors.partition}>
              {(c) => <Input {...c} inputMode="numeric" value={form.partition} onChange={(e) => set({ partition: e.target.value })} />}
            </FormField>
            <FormField label="Compression" error={errors.compression}>
              {(c) => (
                <Select
                  {...c}
                  value={form.compression}
                  onChange={(e) => set({ compression: e.target.value as ProduceForm['compression'] })}
                >
                  {COMPRESSION_TYPES.map((codec) => (
                    <option key={codec} value={codec}>
                      {codec}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <FormField label="Acks" hint="all: every in-sync replica has it" error={errors.acks}>
              {(c) => (
                <Select {...c} value={form.acks} onChange={(e) => set({ acks: e.target.value as ProduceForm['acks'] })}>
                  <option value="-1">all (-1)</option>
                  <option value="1">leader (1)</option>
                </Select>
              )}
            </FormField>
          </div>
          <FormField label="Key" error={errors.key}>
            {(c) => (
              <div className="flex items-center gap-2">
                <Input
                  {...c}
                  className="font-mono"
                  value={form.key}
                  disabled={form.nullKey}
                  onChange={(e) => set({ key: e.target.value })}
                />
                <EncodingSelect label="Key encoding" value={form.keyEncoding} onChange={(keyEncoding) => set({ keyEncoding })} />
                <label className="flex items-center gap-1 text-xs whitespace-nowrap">
                  <input type="checkbox" checked={form.nullKey} onChange={(e) => set({ nullKey: e.target.checked })} /> null key
                </label>
              </div>
            )}
          </FormField>
          <FormField label="Value" error={errors.value}>
            {(c) => (
              <div className="space-y-1">
                <textarea
                  {...c}
                  rows={8}
                  spellCheck={false}
                  disabled={form.nullValue}
                  value={form.value}
                  onChange={(e) => set({ value: e.target.value })}
                  className="w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
                />
                <div className="flex items-center gap-2">
                  <EncodingSelect label="Value encoding" value={form.valueEncoding} onChange={(valueEncoding) => set({ valueEncoding })} />
                  <label className="flex items-center gap-1 text-xs">
                    <input type="checkbox" checked={form.nullValue} onChange={(e) => set({ nullValue: e.target.checked })} /> null value (a
                    tombstone on compacted topics)
                  </label>
                </div>
              </div>
            )}
          </FormField>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Headers</legend>
            {form.headers.map((h, i) => (
              <div key={i} className="flex items-start gap-2">
                <FormField label={`Header ${i + 1} name`} labelHidden error={errors[`header.${i}`]} className="w-48">
                  {(c) => <Input {...c} placeholder="name" value={h.key} onChange={(e) => setHeader(i, { key: e.target.value })} />}
                </FormField>
                <FormField label={`Header ${i + 1} value`} labelHidden className="flex-1">
                  {(c) => (
                    <Input
                      {...c}
                      placeholder="value"
                      className="font-mono"
                      disabled={h.nullValue}
                      value={h.value}
                      onChange={(e) => setHeader(i, { value: e.target.value })}
                    />
                  )}
                </FormField>
                <EncodingSelect label={`Header ${i + 1} encoding`} value={h.encoding} onChange={(encoding) => setHeader(i, { encoding })} />
                <label className="flex items-center gap-1 pt-1 text-xs">
                  <input type="checkbox" checked={h.nullValue} onChange={(e) => setHeader(i, { nullValue: e.target.checked })} /> null
                </label>
                <Button onClick={() => set({ headers: form.headers.filter((_, j) => j !== i) })} aria-label={`Remove header ${i + 1}`}>
                  ×
                </Button>
              </div>
            ))}
            <Button onClick={() => set({ headers: [...form.headers, { key: '', value: '', nullValue: false, encoding: 'utf8' }] })}>
              Add header
            </Button>
          </fieldset>
          <FormAlert messages={errors.request} />
          <FormAlert messages={failure} />
          <DialogActions onCancel={onClose} label="Produce" busyLabel="Producing…" pending={produce.isPending} />
        </form>
      )}
    </Dialog>
  );
}
