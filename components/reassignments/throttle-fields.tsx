import { RATE_UNITS, type RateUnit, type ThrottleForm } from '@/lib/throttle-rate';
import { CheckboxField } from '@/components/ui/field';
import { FormField, Input, Select } from '@/components/ui/form-field';

/** What a replication throttle does, once, for the wizard and the in-flight change. */
export function ThrottleHelp() {
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400">
      Limits the replication traffic of the moving partitions, as kafka-reassign-partitions --throttle: the brokers involved get{' '}
      <code>leader.replication.throttled.rate</code> and <code>follower.replication.throttled.rate</code>, and only the moving replicas are
      throttled (<code>*.replication.throttled.replicas</code> on their topics), so producers, consumers and the other partitions&apos;
      replication keep their bandwidth. The rate applies on each broker: moves onto several brokers run side by side. Too low a rate and a
      busy partition never catches up (the job shows it as stalled); it can be changed while the job runs, and it is removed when the job
      ends.
    </p>
  );
}

/** Throttle on/off, an amount and a unit; the amount stays text until the form is submitted. */
export function ThrottleFields({
  value,
  onChange,
  error,
}: {
  value: ThrottleForm;
  onChange: (value: ThrottleForm) => void;
  error?: string[];
}) {
  return (
    <div className="space-y-2">
      <CheckboxField
        label="Throttle replication"
        checked={value.enabled}
        onChange={(e) => onChange({ ...value, enabled: e.target.checked })}
      />
      {value.enabled ? (
        <FormField label="Throttle rate" hint="Per broker, for the moving replicas only" error={error}>
          {(control) => (
            <div className="flex gap-2">
              <div className="w-32">
                <Input
                  {...control}
                  inputMode="decimal"
                  value={value.amount}
                  onChange={(e) => onChange({ ...value, amount: e.target.value })}
                />
              </div>
              <div className="w-28">
                <Select
                  aria-label="Throttle unit"
                  value={value.unit}
                  onChange={(e) => onChange({ ...value, unit: e.target.value as RateUnit })}
                >
                  {RATE_UNITS.map((unit) => (
                    <option key={unit} value={unit}>
                      {unit}
                    </option>
                  ))}
                </Select>
              </div>
            </div>
          )}
        </FormField>
      ) : null}
    </div>
  );
}
