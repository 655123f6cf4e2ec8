'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { upgradeLevelText, upgradeLevels } from '@/lib/feature-upgrade-form';
import { featureQueries } from '@/lib/queries/features';
import { apiRoutes } from '@/lib/routes';
import { featureUpgradeResponseSchema, type ClusterFeature, type FeatureUpgradeResponse } from '@/lib/schemas/features';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert, FormField, Input, Select } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = { clusterId: string; feature: ClusterFeature; onClose: () => void };

/** Kafka's reason for refusing, as the route puts it on the field it is about, or the error's message. */
const reasonOf = (error: Error) =>
  error instanceof ApiError ? (error.fieldErrors?.level ?? error.fieldErrors?.feature ?? [error.message]).join('; ') : error.message;

/**
 * kafka-features upgrade for one feature: choose a level, preview it (Kafka's dry run: valid, or the controller's
 * reason), then type the feature name and execute. Upgrades cannot be undone, so execution waits for a valid
 * preview of the very level chosen; the server checks the typed name again.
 */
export function UpgradeFeatureDialog({ clusterId, feature, onClose }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const levels = upgradeLevels(feature);
  const [level, setLevel] = useState(levels[0] ?? feature.finalizedLevel);
  const [confirm, setConfirm] = useState('');
  const [confirmError, setConfirmError] = useState<string[] | undefined>();
  const [done, setDone] = useState<FeatureUpgradeResponse | null>(null);
  const send = (dryRun: boolean) =>
    apiSend(
      'POST',
      apiRoutes.featureUpgrade(clusterId),
      { feature: feature.name, level, dryRun, ...(dryRun ? {} : { confirm }) },
      featureUpgradeResponseSchema,
    );
  const preview = useMutation({ mutationFn: () => send(true) });
  const execute = useMutation({
    mutationFn: () => send(false),
    onSuccess: (result) => {
      setDone(result);
      void queryClient.invalidateQueries({ queryKey: featureQueries.all(clusterId) });
      toast(`${result.feature} finalized at ${result.labels.finalized}`);
    },
    onError: (e: Error) => {
      if (e instanceof ApiError && e.fieldErrors?.confirm) setConfirmError(e.fieldErrors.confirm);
    },
  });
  const previewed = preview.data?.toLevel === level ? preview.data : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (previewed && confirm === feature.name) execute.mutate();
  };

  if (done) {
    return (
      <Dialog open onClose={onClose} title={`Upgrade ${feature.name}`} size="md">
        <p role="status" className="text-sm">
          {done.message} Finalized level now: <span className="font-mono">{done.labels.finalized}</span>
          {done.finalizedLevel < done.toLevel ? ' (the brokers have not all applied it yet: reload in a moment)' : ''}.
        </p>
        <div className="flex justify-end">
          <Button onClick={onClose}>Close</Button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open onClose={onClose} title={`Upgrade ${feature.name}`} size="md">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Finalized at <span className="font-mono">{feature.labels.finalized}</span>. Raising a feature level turns on what it gates for the
        whole cluster and cannot be undone from the console.
      </p>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormField label="New level">
          {(control) => (
            <Select
              {...control}
              value={level}
              onChange={(e) => {
                setLevel(Number(e.target.value));
                preview.reset();
              }}
            >
              {levels.map((l) => (
                <option key={l} value={l}>
                  {upgradeLevelText(feature, l)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <div className="flex items-center gap-3">
          <Button type="button" disabled={preview.isPending || levels.length === 0} onClick={() => preview.mutate()}>
            {preview.isPending ? 'Checking…' : 'Preview (dry run)'}
          </Button>
          {previewed ? (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              {previewed.message}
            </p>
          ) : null}
        </div>
        <FormAlert messages={preview.error ? `Kafka would refuse: ${reasonOf(preview.error)}` : null} />
        {previewed ? (
          <FormField label="Type the feature name to confirm" error={confirmError}>
            {(control) => (
              <Input
                {...control}
                autoComplete="off"
                spellCheck={false}
                value={confirm}
                onChange={(e) => {
                  setConfirm(e.target.value);
                  setConfirmError(undefined);
                }}
              />
            )}
          </FormField>
        ) : null}
        <FormAlert
          messages={execute.error && !confirmError ? `Failed to upgrade feature ${feature.name}: ${reasonOf(execute.error)}` : null}
        />
        <DialogActions
          onCancel={onClose}
          tone="danger"
          label="Upgrade"
          busyLabel="Upgrading…"
          pending={execute.isPending}
          disabled={!previewed || confirm !== feature.name}
        />
      </form>
    </Dialog>
  );
}
