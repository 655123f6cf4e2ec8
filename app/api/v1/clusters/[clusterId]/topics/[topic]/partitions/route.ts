import { addPartitionsInputSchema } from '@/lib/schemas/topic-admin';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { addPartitions } from '@/server/topics/add-partitions';

/** As kafka-topics --alter --partitions: raises the count to `totalCount`, never lowers it; 200 with the topic's detail. */
export const POST = route<{ clusterId: string; topic: string }>(
  { name: 'topics.partitions.add', permission: 'manageTopics', target: (params) => String(params.topic) },
  async ({ params, body }) => ok(await addPartitions(params.clusterId, params.topic, addPartitionsInputSchema.parse(body))),
);
