'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { alertQueries } from '@/lib/queries/alerts';
import { apiRoutes } from '@/lib/routes';
import { alertRuleSchema, type AlertRule } from '@/lib/schemas/alerts';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';

/** Mute / Unmute in one click: a muted rule still fires and resolves in the history, but sends nothing. */
export function MuteRuleButton({ rule }: { rule: AlertRule }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const muted = !rule.muted;
  const action = muted ? 'Mute' : 'Unmute';
  const change = useMutation({
    mutationFn: () => apiSend('PATCH', apiRoutes.alertRule(rule.id), { muted }, alertRuleSchema),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: alertQueries.all() });
      toast(`Alert rule ${updated.name} ${muted ? 'muted' : 'unmuted'}`);
    },
    onError: (error: Error) => toast(`Failed to ${action.toLowerCase()} alert rule ${rule.name}: ${error.message}`, 'error'),
  });
  return (
    <Button className="px-2 py-1 text-xs" aria-label={`${action} ${rule.name}`} disabled={change.isPending} onClick={() => change.mutate()}>
      {action}
    </Button>
  );
}
