'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '@/lib/format';
import { messageViewFromParams, messageViewParams, messageViewQuery, type MessageView } from '@/lib/message-query';
import { EMPTY_PRODUCE_FORM, produceFormFrom, type ProduceForm } from '@/lib/produce-form';
import { messageQueries } from '@/lib/queries/messages';
import { permissionQueries } from '@/lib/queries/permissions';
import { topicQueries } from '@/lib/queries/topics';
import { apiRoutes } from '@/lib/routes';
import type { Message, MessagesResponse } from '@/lib/schemas/messages';
import { QueryError } from '@/components/feedback/query-error';
import { MessageDialog } from '@/components/messages/message-dialog';
import { MessagesTable } from '@/components/messages/messages-table';
import { MessagesToolbar } from '@/components/messages/messages-toolbar';
import { ProduceDialog } from '@/components/messages/produce-dialog';
import { StreamBar } from '@/components/messages/stream-bar';
import { useMessageStream } from '@/components/messages/use-message-stream';
import { Button } from '@/components/ui/button';
import { EmptyState, LoadingRows } from '@/components/ui/states';
import { useUrlParams } from '@/components/ui/use-url-params';

const STOPPED: Record<MessagesResponse['stoppedBy'], string> = {
  limit: '',
  bytes: 'The page reached its 1 MiB size limit.',
  end: 'Nothing more in this direction.',
  records: 'The filter examined its budget of records without filling the page: go on with the next page to scan further.',
  time: 'The page ran out of time before it filled: go on with the next page.',
  cancelled: '',
};

/**
 * A topic's records: a page at a time (older / newer by cursor, everything in the URL), a scan streamed with its
 * progress, or a live tail; a record opens in full; downloads of what is shown; produce for those allowed.
 */
export function MessagesBrowser({ clusterId, topic }: { clusterId: string; topic: string }) {
  const [params, update] = useUrlParams();
  const view = messageViewFromParams(params);
  const query = messageViewQuery(view);
  const { data: access } = useQuery(permissionQueries.cluster(clusterId));
  const { data: detail } = useQuery({ ...topicQueries.detail(clusterId, topic), refetchInterval: false });
  const stream = useMessageStream({ clusterId, topic });
  const page = useQuery({ ...messageQueries.page(clusterId, topic, query), enabled: stream.state === null });
  const [open, setOpen] = useState<Message | null>(null);
  const [produce, setProduce] = useState<ProduceForm | null>(null);
  const canProduce = access?.permissions.includes('produce') ?? false;

  const apply = (next: MessageView) => {
    stream.clear();
    update(messageViewParams(next));
  };
  const streamQuery = (next: MessageView) => {
    update(messageViewParams(next));
    return messageViewQuery({ ...next, cursor: null, limit: 100 }, { limit: null });
  };

  const streaming = stream.state?.running ?? false;
  const shown = stream.state ? stream.state.messages : (page.data?.messages ?? []);
  const toolbarKey = messageViewQuery({ ...view, cursor: null });

  return (
    <section aria-label="Messages" className="space-y-3">
      <MessagesToolbar
        key={toolbarKey}
        view={view}
        partitionCount={detail?.partitions.length ?? null}
        streaming={streaming}
        onRead={apply}
        onScan={(next) => stream.open(streamQuery(next), 'scan')}
        onLive={(next) => stream.open(streamQuery(next), 'live')}
      />
      {stream.state ? (
        <StreamBar state={stream.state} onStop={stream.stop} onPause={stream.pause} onResume={stream.resume} onClose={stream.clear} />
      ) : (
        <PageBar
          response={page.data}
          fetching={page.isFetching}
          onCursor={(cursor) => update({ cursor })}
          clusterId={clusterId}
          topic={topic}
          view={view}
          canProduce={canProduce}
          onProduce={() => setProduce(EMPTY_PRODUCE_FORM)}
        />
      )}
      {!stream.state && page.error ? <QueryError what="the records" error={page.error} onRetry={() => void page.refetch()} /> : null}
      {!stream.state && page.isPending ? <LoadingRows label="Reading records" /> : null}
      {(stream.state ? stream.state.notices : (page.data?.notices ?? [])).map((notice) => (
        <p key={notice} role="note" className="text-sm text-zinc-600 dark:text-zinc-400">
          {notice}
        </p>
      ))}
      {(page.data && !stream.state ? page.data.errors : (stream.state?.end?.errors ?? [])).map((e) => (
        <p key={e.partition} role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          Partition {e.partition} could not be read: {e.message}
        </p>
      ))}
      {shown.length > 0 ? (
        <MessagesTable messages={shown} onOpen={setOpen} />
      ) : (stream.state && !stream.state.running) || (page.data && !stream.state) ? (
        <EmptyState title="No records">
          {view.filter || view.key ? 'None matched the filter in what was read.' : 'Nothing in the chosen partitions from that position.'}
        </EmptyState>
      ) : null}
      {open ? (
        <MessageDialog
          message={open}
          onClose={() => setOpen(null)}
          onProduceAgain={
            canProduce
              ? () => {
                  setProduce(produceFormFrom(open));
                  setOpen(null);
                }
              : undefined
          }
        />
      ) : null}
      {produce ? <ProduceDialog clusterId={clusterId} topic={topic} initial={produce} onClose={() => setProduce(null)} /> : null}
    </section>
  );
}

type PageBarProps = {
  response: MessagesResponse | undefined;
  fetching: boolean;
  onCursor: (cursor: string) => void;
  clusterId: string;
  topic: string;
  view: MessageView;
  canProduce: boolean;
  onProduce: () => void;
};

/** The page's counts and why it stopped, older / newer, the downloads of what it shows, produce. */
function PageBar({ response, fetching, onCursor, clusterId, topic, view, canProduce, onProduce }: PageBarProps) {
  const download = (format: 'jsonl' | 'csv') =>
    response && response.messages.length > 0
      ? apiRoutes.topicMessagesExport(
          clusterId,
          topic,
          messageViewQuery({ ...view, from: 'newest', cursor: response.self, limit: response.messages.length }, { format, from: null }),
        )
      : null;
  const older = response?.prev ?? null;
  const newer = response?.next ?? null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span role="status" className="mr-auto text-zinc-600 dark:text-zinc-400">
        {response
          ? `${formatCount(response.messages.length)} record${response.messages.length === 1 ? '' : 's'}, ${response.order === 'desc' ? 'newest first' : 'oldest first'}` +
            (response.scanned > response.messages.length ? ` · ${formatCount(response.scanned)} examined` : '') +
            (STOPPED[response.stoppedBy] ? ` · ${STOPPED[response.stoppedBy]}` : '')
          : fetching
            ? 'Reading…'
            : ''}
      </span>
      <Button disabled={!older || fetching} onClick={() => older && onCursor(older)}>
        ← Older
      </Button>
      <Button disabled={!newer || fetching} onClick={() => newer && onCursor(newer)}>
        Newer →
      </Button>
      {(['jsonl', 'csv'] as const).map((format) => {
        const href = download(format);
        return href ? (
          <a
            key={format}
            href={href}
            download
            className="rounded border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {format === 'jsonl' ? 'Download JSON Lines' : 'Download CSV'}
          </a>
        ) : null;
      })}
      {canProduce ? (
        <Button tone="primary" onClick={onProduce}>
          Produce…
        </Button>
      ) : null}
    </div>
  );
}
