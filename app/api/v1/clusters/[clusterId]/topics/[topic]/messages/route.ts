import * as endpoints from '@/server/api/endpoints/messages';
import { route } from '@/server/http/route';
import { browseMessages } from '@/server/messages/browse-messages';
import { produceMessage } from '@/server/messages/produce-message';
import { streamMessages } from '@/server/messages/stream-messages';

/** A page of records as JSON, or with Accept: text/event-stream a scan or a live tail (server-sent events). */
export const GET = route(endpoints.readMessages, async ({ params, query, request, principal }) => {
  if ((request.headers.get('accept') ?? '').includes('text/event-stream'))
    return streamMessages(params.clusterId, params.topic, query, principal, request.signal);
  return browseMessages(params.clusterId, params.topic, query, principal);
});

export const POST = route(endpoints.produceMessage, async ({ params, body }) => produceMessage(params.clusterId, params.topic, body));
