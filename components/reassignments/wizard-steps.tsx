import { cn } from '@/lib/utils';

export type WizardStep = 'choose' | 'plan' | 'run';

const STEPS: { step: WizardStep; label: string }[] = [
  { step: 'choose', label: 'Choose' },
  { step: 'plan', label: 'Review the plan' },
  { step: 'run', label: 'Throttle and run' },
];

/** Where the wizard is: its steps in order, the current one marked (aria-current="step"). */
export function WizardSteps({ current }: { current: WizardStep }) {
  const at = STEPS.findIndex((s) => s.step === current);
  return (
    <ol aria-label="Steps" className="flex gap-4 text-sm">
      {STEPS.map((s, i) => (
        <li
          key={s.step}
          aria-current={i === at ? 'step' : undefined}
          className={cn(
            i === at ? 'font-medium text-sky-700 dark:text-sky-300' : i < at ? 'text-zinc-700 dark:text-zinc-300' : 'text-zinc-400',
          )}
        >
          {i + 1}. {s.label}
        </li>
      ))}
    </ol>
  );
}
