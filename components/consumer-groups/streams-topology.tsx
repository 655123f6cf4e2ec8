import Link from 'next/link';
import { pageRoutes } from '@/lib/routes';
import type { StreamsGroupDetailResponse } from '@/lib/schemas/consumer-groups';
import { EmptyState } from '@/components/ui/states';

type Topology = NonNullable<StreamsGroupDetailResponse['topology']>;

function TopicList({ clusterId, label, topics }: { clusterId: string; label: string; topics: readonly string[] }) {
  if (topics.length === 0) return null;
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className="font-mono text-xs">
        {topics.map((topic) => (
          <div key={topic}>
            <Link href={pageRoutes.topic(clusterId, topic)} className="text-sky-700 hover:underline dark:text-sky-400">
              {topic}
            </Link>
          </div>
        ))}
      </dd>
    </div>
  );
}

/**
 * A streams application's topology as its group coordinator holds it (KIP-1071): each subtopology with the topics
 * it reads (source and repartition topics), the repartition topics it writes and its state stores' changelogs.
 */
export function StreamsTopology({ clusterId, topology }: { clusterId: string; topology: Topology | null }) {
  if (!topology) return <EmptyState title="No topology yet">No member has sent the application&apos;s topology.</EmptyState>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-500">
        Topology epoch {topology.epoch} · {topology.subtopologies.length} subtopolog{topology.subtopologies.length === 1 ? 'y' : 'ies'}
      </p>
      <ol aria-label="Subtopologies" className="grid gap-3 md:grid-cols-2">
        {topology.subtopologies.map((s) => (
          <li key={s.subtopologyId} data-subtopology={s.subtopologyId} className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
            <h4 className="mb-2 font-medium">Subtopology {s.subtopologyId}</h4>
            <dl className="grid gap-2 sm:grid-cols-2">
              <TopicList clusterId={clusterId} label="Source topics" topics={s.sourceTopics} />
              <TopicList clusterId={clusterId} label="Repartition topics read" topics={s.repartitionSourceTopics.map((t) => t.name)} />
              <TopicList clusterId={clusterId} label="Repartition topics written" topics={s.repartitionSinkTopics} />
              <TopicList clusterId={clusterId} label="Changelog topics" topics={s.stateChangelogTopics.map((t) => t.name)} />
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
