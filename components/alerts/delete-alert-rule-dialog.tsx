'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { alertQueries } from '@/lib/queries/alerts';
import { apiRoutes } from '@/lib/routes';
import { deleteAlertRuleResponseSchema, type AlertRule } from '@/lib/schemas/alerts';
import { Dialog } from '@/components/ui/dialog';
import { DialogActions } from '@/components/ui/dialog-actions';
import { FormAlert } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';

/** A confirmation; the rule's open alerts are closed without notifications (there is no rule left to speak for). */
export function DeleteAlertRuleDialog({ rule, onClose }: { rule: AlertRule; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation({
    mutationFn: () => apiSend('DELETE', apiRoutes.alertRule(rule.id), undefined, deleteAlertRuleResponseSchema),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: alertQueries.all() });
      toast(`Alert rule ${rule.name} deleted`);
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} title={`Delete alert rule ${rule.name}`} size="md">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {rule.firing > 0 ? `Its ${rule.firing} open alert${rule.firing === 1 ? ' is' : 's are'} closed without notifications. ` : ''}
        The history of its alerts stays.
      </p>
      <FormAlert messages={remove.error ? `Failed to delete alert rule ${rule.name}: ${remove.error.message}` : null} />
      <DialogActions
        onCancel={onClose}
        tone="danger"
        label="Delete rule"
        busyLabel="Deleting…"
        pending={remove.isPending}
        onAct={() => remove.mutate()}
      />
    </Dialog>
  );
}
