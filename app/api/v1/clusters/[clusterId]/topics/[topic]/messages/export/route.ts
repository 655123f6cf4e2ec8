import { messagesExportQuerySchema } from '@/lib/schemas/messages';
import { route } from '@/server/http/route';
import { exportMessages } from '@/server/messages/export-messages';

/** The records of a messages query as JSON Lines or CSV (`format`), masked, streamed. */
export const GET = route<{ clusterId: string; topic: string }>(
  { name: 'messages.export', permission: 'browseMessages', target: (params) => String(params.topic), auditReads: true },
  async ({ params, url, request, principal }) =>
    exportMessages(
      params.clusterId,
      params.topic,
      messagesExportQuerySchema.parse(Object.fromEntries(url.searchParams)),
      principal,
      request.signal,
    ),
);
