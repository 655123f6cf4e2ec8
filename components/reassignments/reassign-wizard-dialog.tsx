'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { apiSend } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import type { FormErrors } from '@/lib/form-errors';
import { reassignmentQueries } from '@/lib/queries/reassignments';
import {
  executeErrors,
  initialWizardForm,
  planFieldErrors,
  toExecuteRequest,
  toPlanRequest,
  type WizardForm,
  type WizardPrefill,
} from '@/lib/reassign-wizard';
import { apiRoutes, pageRoutes } from '@/lib/routes';
import { jobCreatedSchema, type ExecuteRequest, type PlanResponse } from '@/lib/schemas/reassignments';
import { DEFAULT_THROTTLE, throttleFromForm } from '@/lib/throttle-rate';
import { ChooseStep } from '@/components/reassignments/choose-step';
import { PlanStep } from '@/components/reassignments/plan-step';
import { RunStep, type RunOptions } from '@/components/reassignments/run-step';
import { usePlanReassignment } from '@/components/reassignments/use-plan-reassignment';
import { WizardSteps, type WizardStep } from '@/components/reassignments/wizard-steps';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

type Props = { clusterId: string; prefill: WizardPrefill; currentReplicationFactor?: number; onClose: () => void };
type Refusals = ReturnType<typeof executeErrors>;

/**
 * The one reassignment wizard, whatever opened it: choose (mode and inputs, or an imported JSON) → the plan's diff
 * (export it, or its rollback) → throttle → run, then the job's page. Changing the choice discards the plan.
 */
export function ReassignWizardDialog({ clusterId, prefill, currentReplicationFactor, onClose }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [step, setStep] = useState<WizardStep>('choose');
  const [form, setForm] = useState<WizardForm>(() => initialWizardForm(prefill));
  const [errors, setErrors] = useState<FormErrors>({});
  const [planned, setPlanned] = useState<PlanResponse | null>(null);
  const [options, setOptions] = useState<RunOptions>({
    throttle: DEFAULT_THROTTLE,
    allowReassigning: false,
    allowReplicationFactorChange: false,
  });
  const [refusals, setRefusals] = useState<Refusals | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const plan = usePlanReassignment(clusterId);
  const execute = useMutation({
    mutationFn: (body: ExecuteRequest) => apiSend('POST', apiRoutes.reassignments(clusterId), body, jobCreatedSchema),
    onSuccess: async ({ jobId }, body) => {
      await queryClient.invalidateQueries({ queryKey: reassignmentQueries.all(clusterId) });
      toast(`Reassignment of ${body.plan.partitions.length} partition${body.plan.partitions.length === 1 ? '' : 's'} started`);
      onClose();
      router.push(pageRoutes.reassignment(clusterId, jobId));
    },
    onError: (error: Error) => {
      if (error instanceof ApiError && error.fieldErrors && planned) {
        const { throttleBytesPerSec, ...rest } = error.fieldErrors;
        setErrors(throttleBytesPerSec ? { throttle: throttleBytesPerSec } : {});
        setRefusals(executeErrors(rest, planned.plan));
      } else setFailure(`Failed to start the reassignment: ${error.message}`);
    },
  });

  const change = (changes: Partial<WizardForm>) => {
    setForm((current) => ({ ...current, ...changes }));
    setPlanned(null);
    setRefusals(null);
    setErrors({});
    setFailure(null);
  };
  const submitChoice = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = form.mode === 'import' ? { form } : toPlanRequest(form);
    if ('fieldErrors' in input) return setErrors(input.fieldErrors);
    setErrors({});
    plan.mutate(input, {
      onSuccess: (result) => {
        setPlanned(result);
        setStep('plan');
      },
      onError: (error: Error) => {
        if (error instanceof ApiError && error.fieldErrors) setErrors(planFieldErrors(error.fieldErrors));
        else setFailure(`Failed to plan the reassignment: ${error.message}`);
      },
    });
  };
  const start = () => {
    if (!planned) return;
    setFailure(null);
    setRefusals(null);
    const rate = throttleFromForm(options.throttle);
    if ('error' in rate) return setErrors({ throttle: [rate.error] });
    setErrors({});
    const countChange = form.mode === 'replication-factor' || options.allowReplicationFactorChange;
    execute.mutate(
      toExecuteRequest(planned.plan, {
        throttleBytesPerSec: rate.value,
        allowReplicationFactorChange: countChange,
        allowReassigning: options.allowReassigning,
      }),
    );
  };
  /** Manual edit: the plan as the tool's JSON in the import field, to change replica lists by hand and check again. */
  const editByHand = () => {
    if (!planned) return;
    change({ mode: 'import', importText: JSON.stringify(planned.plan, null, 2) });
    setStep('choose');
  };
  const refused = refusals ? [...refusals.general, ...[...refusals.rows].map(([key, messages]) => `${key}: ${messages.join('; ')}`)] : [];

  return (
    <Dialog open onClose={onClose} title="Reassign partitions">
      <WizardSteps current={step} />
      {step === 'choose' ? (
        <form onSubmit={submitChoice} className="space-y-4" noValidate>
          <ChooseStep
            clusterId={clusterId}
            form={form}
            onChange={change}
            errors={errors}
            currentReplicationFactor={currentReplicationFactor}
          />
          <FormAlert messages={errors.request ?? failure} />
          <DialogActions
            onCancel={onClose}
            label={form.mode === 'import' ? 'Check the JSON' : 'Plan'}
            busyLabel="Planning…"
            pending={plan.isPending}
          />
        </form>
      ) : null}
      {step !== 'choose' && planned ? (
        <div className="space-y-4">
          {step === 'plan' ? (
            <PlanStep plan={planned} errors={refusals?.rows} exportName={`${clusterId}-reassignment-${form.mode}`} />
          ) : (
            <RunStep
              plan={planned}
              options={options}
              onChange={setOptions}
              throttleError={errors.throttle}
              countChangeIntended={form.mode === 'replication-factor'}
            />
          )}
          <FormAlert
            messages={
              refused.length > 0
                ? [
                    `The plan was refused: ${refused.slice(0, 10).join(' · ')}${refused.length > 10 ? ` · and ${refused.length - 10} more` : ''}`,
                  ]
                : failure
            }
          />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setStep(step === 'run' ? 'plan' : 'choose')}>Back</Button>
            {step === 'plan' && planned.diff.length > 0 ? (
              <Button onClick={editByHand} title="Change the replica lists of this plan by hand, as kafka-reassign-partitions JSON">
                Edit by hand
              </Button>
            ) : null}
            {step === 'plan' ? (
              <Button tone="primary" disabled={planned.diff.length === 0} onClick={() => setStep('run')}>
                Next: throttle
              </Button>
            ) : (
              <Button tone="primary" disabled={execute.isPending} onClick={start}>
                {execute.isPending ? 'Starting…' : 'Start reassignment'}
              </Button>
            )}
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
