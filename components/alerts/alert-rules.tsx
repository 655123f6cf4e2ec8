'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { alertQueries } from '@/lib/queries/alerts';
import type { AlertRule } from '@/lib/schemas/alerts';
import { AlertRuleDialog } from '@/components/alerts/alert-rule-dialog';
import { AlertRulesTable } from '@/components/alerts/alert-rules-table';
import { DeleteAlertRuleDialog } from '@/components/alerts/delete-alert-rule-dialog';
import { QueryError } from '@/components/feedback/query-error';
import { Button } from '@/components/ui/button';
import { EmptyState, LoadingRows } from '@/components/ui/states';

type Open = { action: 'edit' | 'delete'; rule: AlertRule } | null;

/**
 * The rules of the clusters the user may see. Admins (`admin`, decided by the page on the server, as the header
 * decides the audit link) create, edit, mute and delete the rules made here; everyone else reads.
 */
export function AlertRules({ admin }: { admin: boolean }) {
  const { data, error, isPending, refetch } = useQuery(alertQueries.rules());
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  return (
    <section aria-labelledby="alerts-rules" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="alerts-rules" className="text-lg font-semibold">
          Rules
        </h2>
        {admin ? (
          <Button tone="primary" onClick={() => setCreating(true)}>
            New rule…
          </Button>
        ) : null}
      </div>
      {isPending ? <LoadingRows label="Loading alert rules" /> : null}
      {error && !data ? <QueryError what="the alert rules" error={error} onRetry={() => void refetch()} /> : null}
      {data && data.rules.length === 0 ? (
        <EmptyState title="No alert rules">
          {admin ? 'Create one with New rule…, ' : 'Admins create them on this page, '}or list them under alerts.rules in the configuration
          file.
        </EmptyState>
      ) : null}
      {data && data.rules.length > 0 ? (
        <AlertRulesTable
          rules={data.rules}
          channels={data.channels}
          admin={admin}
          onEdit={(rule) => setOpen({ action: 'edit', rule })}
          onDelete={(rule) => setOpen({ action: 'delete', rule })}
        />
      ) : null}
      {admin && data ? (
        <>
          <AlertRuleDialog open={creating} onClose={() => setCreating(false)} channels={data.channels} />
          {/* Keyed by rule: each edit starts from that rule's stored fields. */}
          {open?.action === 'edit' ? (
            <AlertRuleDialog key={open.rule.id} rule={open.rule} open onClose={close} channels={data.channels} />
          ) : null}
          {open?.action === 'delete' ? <DeleteAlertRuleDialog key={open.rule.id} rule={open.rule} onClose={close} /> : null}
        </>
      ) : null}
    </section>
  );
}
