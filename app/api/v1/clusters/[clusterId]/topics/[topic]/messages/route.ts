import { messagesQuerySchema, produceInputSchema } from '@/lib/schemas/messages';
import { browseMessages } from '@/server/messages/browse-messages';
import { produceMessage } from '@/server/messages/produce-message';
import { streamMessages } from '@/server/messages/stream-messages';
import { created, ok } from '@/server/http/responses';
import { route } from '@/server/http/route';
import { summarizeProduce } from '@/server/messages/produce-summary';

type Params = { clusterId: string; topic: string };

/** A page of records as JSON, or with Accept: text/event-stream a scan or a live tail (server-sent events). */
export const GET = route<Params>(
  { name: 'messages.read', permission: 'browseMessages', target: (params) => String(params.topic), auditReads: true },
  async ({ params, url, request, principal }) => {
    const query = messagesQuerySchema.parse(Object.fromEntries(url.searchParams));
    if ((request.headers.get('accept') ?? '').includes('text/event-stream'))
      return streamMessages(params.clusterId, params.topic, query, principal, request.signal);
    return ok(await browseMessages(params.clusterId, params.topic, query, principal));
  },
);

/** One record; audited without its key, value or header values. */
export const POST = route<Params>(
  {
    name: 'messages.produce',
    permission: 'produce',
    target: (params) => String(params.topic),
    auditSummary: (body) => summarizeProduce(body),
  },
  async ({ params, body }) => created(await produceMessage(params.clusterId, params.topic, produceInputSchema.parse(body))),
);
