import * as endpoints from '@/server/api/endpoints/topics';
import { route } from '@/server/http/route';
import { alterTopicConfigs } from '@/server/topics/alter-topic-configs';
import { getTopicConfigs } from '@/server/topics/get-topic';

export const GET = route(endpoints.getTopicConfigs, async ({ params }) => getTopicConfigs(params.clusterId, params.topic));

/** Only the keys given change (IncrementalAlterConfigs); `delete` returns keys to their inherited value. */
export const PATCH = route(endpoints.alterTopicConfigs, async ({ params, body }) =>
  alterTopicConfigs(params.clusterId, params.topic, body),
);
