'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { brokerQueries } from '@/lib/queries/brokers';
import { permissionQueries } from '@/lib/queries/permissions';
import { topicQueries } from '@/lib/queries/topics';
import type { WizardPrefill } from '@/lib/reassign-wizard';
import type { LeaderElectionInput } from '@/lib/schemas/reassignments';
import { ElectLeadersDialog } from '@/components/reassignments/elect-leaders-dialog';
import { ReassignWizardDialog } from '@/components/reassignments/reassign-wizard-dialog';
import { Button } from '@/components/ui/button';

type Actions = {
  clusterId: string;
  /** The wizard's button and what it fills in. */
  reassign: { label: string; prefill: () => WizardPrefill; currentReplicationFactor?: number };
  /** The election's button, its partitions and how the dialog names them. */
  elect: { label: string; scope: LeaderElectionInput; what: string };
};

/** The two buttons of a page that may move partitions, for those with the `reassign` permission only. */
function ReassignActions({ clusterId, reassign, elect }: Actions) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [open, setOpen] = useState<{ wizard: WizardPrefill } | 'elect' | null>(null);
  if (!access?.permissions.includes('reassign')) return null;
  const close = () => setOpen(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button onClick={() => setOpen({ wizard: reassign.prefill() })}>{reassign.label}</Button>
      <Button onClick={() => setOpen('elect')}>{elect.label}</Button>
      {open !== null && open !== 'elect' ? (
        <ReassignWizardDialog
          clusterId={clusterId}
          prefill={open.wizard}
          currentReplicationFactor={reassign.currentReplicationFactor}
          onClose={close}
        />
      ) : null}
      {open === 'elect' ? <ElectLeadersDialog clusterId={clusterId} scope={elect.scope} what={elect.what} onClose={close} /> : null}
    </div>
  );
}

/** A broker page: drain it (every topic unless narrowed), or give it back the partitions it should lead. */
export function BrokerReassignActions({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  return (
    <ReassignActions
      clusterId={clusterId}
      reassign={{ label: 'Drain this broker…', prefill: () => ({ mode: 'drain', brokers: [brokerId] }) }}
      elect={{ label: 'Elect preferred leaders…', scope: { brokers: [brokerId] }, what: `broker ${brokerId}'s partitions` }}
    />
  );
}

/** The brokers list: spread onto brokers holding nothing yet (new ones, preselected), or elect across the cluster. */
export function BrokersReassignActions({ clusterId }: { clusterId: string }) {
  const { data } = useQuery(brokerQueries.list(clusterId));
  const empty = () => (data?.brokers ?? []).filter((b) => b.status === 'up' && b.replicaCount === 0).map((b) => b.id);
  return (
    <ReassignActions
      clusterId={clusterId}
      reassign={{ label: 'Spread onto new brokers…', prefill: () => ({ mode: 'scale-out', brokers: empty() }) }}
      elect={{ label: 'Elect preferred leaders…', scope: {}, what: 'the whole cluster' }}
    />
  );
}

/** A topic page: rebalance the topic (or change its replication factor, the current one shown), or elect its leaders. */
export function TopicReassignActions({ clusterId, topic }: { clusterId: string; topic: string }) {
  const { data } = useQuery(topicQueries.detail(clusterId, topic));
  const replicationFactor = data?.partitions[0]?.replicas.length;
  return (
    <ReassignActions
      clusterId={clusterId}
      reassign={{
        label: 'Reassign…',
        prefill: () => ({ mode: 'rebalance', topics: [topic], replicationFactor }),
        currentReplicationFactor: replicationFactor,
      }}
      elect={{ label: 'Elect preferred leaders…', scope: { topics: [topic] }, what: `topic ${topic}` }}
    />
  );
}
