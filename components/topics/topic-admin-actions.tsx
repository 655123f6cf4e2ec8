'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { permissionQueries } from '@/lib/queries/permissions';
import { topicQueries } from '@/lib/queries/topics';
import { isInternalTopicName } from '@/lib/schemas/topic-name';
import { AddPartitionsDialog } from '@/components/topics/add-partitions-dialog';
import { DeleteRecordsDialog } from '@/components/topics/delete-records-dialog';
import { DeleteTopicDialog } from '@/components/topics/delete-topic-dialog';
import { Button } from '@/components/ui/button';

type Open = 'partitions' | 'records' | 'delete' | null;

/**
 * The topic page's changes, for those who may manage topics; none for Kafka's internal topics (the server refuses
 * them too). Reads the detail already on the page (same query key: no extra request).
 */
export function TopicAdminActions({ clusterId, topic }: { clusterId: string; topic: string }) {
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const { data } = useQuery(topicQueries.detail(clusterId, topic));
  const [open, setOpen] = useState<Open>(null);
  if (!access?.permissions.includes('manageTopics') || !data || data.internal || isInternalTopicName(topic)) return null;
  const close = () => setOpen(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button onClick={() => setOpen('partitions')}>Add partitions…</Button>
      <Button onClick={() => setOpen('records')}>Delete records…</Button>
      <Button tone="danger" onClick={() => setOpen('delete')}>
        Delete topic…
      </Button>
      {open === 'partitions' ? (
        <AddPartitionsDialog clusterId={clusterId} topic={topic} current={data.partitions.length} onClose={close} />
      ) : null}
      {open === 'records' ? <DeleteRecordsDialog clusterId={clusterId} topic={topic} partitions={data.partitions} onClose={close} /> : null}
      {open === 'delete' ? <DeleteTopicDialog clusterId={clusterId} topic={topic} onClose={close} /> : null}
    </div>
  );
}
