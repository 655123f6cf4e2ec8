'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { upgradeLevels } from '@/lib/feature-upgrade-form';
import { featureQueries } from '@/lib/queries/features';
import { permissionQueries } from '@/lib/queries/permissions';
import type { ClusterFeature } from '@/lib/schemas/features';
import { ListStatus } from '@/components/feedback/list-status';
import { QueryError } from '@/components/feedback/query-error';
import { UpgradeFeatureDialog } from '@/components/features/upgrade-feature-dialog';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';
import { EmptyState, LoadingRows } from '@/components/ui/states';

/** What each level of Kafka's own features turns on, for the people deciding whether to upgrade one. */
const PURPOSE: Record<string, string> = {
  'metadata.version': 'The KRaft metadata format: which record types and protocol changes the cluster may use',
  'kraft.version': '1: the controller quorum can add and remove voters (KIP-853)',
  'group.version': '1: the consumer rebalance protocol, group.protocol=consumer (KIP-848)',
  'share.version': '1: share groups, queues for Kafka (KIP-932)',
  'streams.version': '1: the streams rebalance protocol, group.protocol=streams (KIP-1071)',
  'transaction.version': '2: transactions with server-side defense (KIP-890)',
  'eligible.leader.replicas.version': '1: eligible leader replicas, clean elections below min ISR (KIP-966)',
};

function BrokerRanges({ feature }: { feature: ClusterFeature }) {
  return (
    <span className="text-xs text-zinc-500 dark:text-zinc-400">
      {feature.nodes.map((n) => `${n.nodeId}: ${n.minLevel}–${n.maxLevel}`).join(' · ')}
    </span>
  );
}

/** The cluster's finalized feature levels and what its brokers support, as `kafka-features describe` prints them. */
export function ClusterFeatures({ clusterId }: { clusterId: string }) {
  const { data, error, isPending, refetch } = useQuery(featureQueries.list(clusterId));
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const [upgrading, setUpgrading] = useState<ClusterFeature | null>(null);
  // Admins only, and never on a read-only cluster (its permissions drop every write).
  const mayUpgrade = Boolean(access?.permissions.includes('upgradeFeatures'));
  if (isPending) return <LoadingRows label="Loading features" />;
  if (error && !data) return <QueryError what="features" error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  if (!data.supported) {
    return <EmptyState title="Feature levels are not available on this cluster">Requires {data.requires}.</EmptyState>;
  }
  return (
    <section aria-label="Features" className="space-y-3">
      <ListStatus partial={data.partial} asOf={data.asOf} stale={Boolean(error)}>
        {data.features.length} features · finalized at epoch {data.finalizedEpoch}
        {data.unreadBrokers.length ? ` · not read: broker ${data.unreadBrokers.map((b) => b.nodeId).join(', ')}` : ''}
      </ListStatus>
      <Table aria-label="Feature levels">
        <thead>
          <tr>
            <Th>Feature</Th>
            <Th>Finalized</Th>
            <Th>Supported by every broker</Th>
            <Th>Per broker</Th>
            {mayUpgrade ? <Th>Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {data.features.map((f) => (
            <tr key={f.name} data-feature={f.name}>
              <Td>
                <div className="font-mono text-xs">{f.name}</div>
                {PURPOSE[f.name] ? <div className="text-xs text-zinc-500 dark:text-zinc-400">{PURPOSE[f.name]}</div> : null}
              </Td>
              <Td data-column="finalized">
                {f.labels.finalized}
                {f.finalizedLevel < f.supportedMaxLevel ? (
                  <span className="ml-2 text-xs text-amber-700 dark:text-amber-400">upgradable to {f.labels.supportedMax}</span>
                ) : null}
              </Td>
              <Td data-column="supported">
                {f.labels.supportedMin} – {f.labels.supportedMax}
              </Td>
              <Td>
                <BrokerRanges feature={f} />
              </Td>
              {mayUpgrade ? (
                <Td>
                  {upgradeLevels(f).length ? (
                    <Button aria-label={`Upgrade ${f.name}`} onClick={() => setUpgrading(f)}>
                      Upgrade
                    </Button>
                  ) : null}
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Controllers check their own supported ranges when a feature is upgraded; the console reads brokers only.
      </p>
      {upgrading ? <UpgradeFeatureDialog clusterId={clusterId} feature={upgrading} onClose={() => setUpgrading(null)} /> : null}
    </section>
  );
}
