import 'server-only';

/** Writes text to a streamed body; resolves when the client has room for more (a slow reader slows the read down). */
export type TextSink = { write(text: string): Promise<void>; readonly closed: boolean };

export type EventSink = {
  send(event: string, data: unknown): Promise<void>;
  /** A comment line: keeps proxies from closing an idle stream. */
  keepAlive(): void;
  readonly closed: boolean;
};

const encoder = new TextEncoder();
const json = (data: unknown) => JSON.stringify(data, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * A response whose body `run` writes, ending when `run` settles; `onClose` runs once after. `run` gets a signal that
 * aborts when the client goes away (the request's own signal, or the body being cancelled).
 */
export function streamingResponse(
  requestSignal: AbortSignal,
  headers: Record<string, string>,
  run: (sink: TextSink, signal: AbortSignal) => Promise<void>,
  onClose: () => void,
): Response {
  const abort = new AbortController();
  const onRequestAbort = () => abort.abort();
  requestSignal.addEventListener('abort', onRequestAbort, { once: true });
  let wake: (() => void) | null = null;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const sink: TextSink = {
          async write(text) {
            if (closed) return;
            controller.enqueue(encoder.encode(text));
            while (!closed && (controller.desiredSize ?? 1) <= 0 && !abort.signal.aborted) {
              await new Promise<void>((resolve) => {
                wake = resolve;
                abort.signal.addEventListener('abort', () => resolve(), { once: true });
              });
            }
          },
          get closed() {
            return closed || abort.signal.aborted;
          },
        };
        void run(sink, abort.signal).finally(() => {
          requestSignal.removeEventListener('abort', onRequestAbort);
          if (!closed) {
            closed = true;
            controller.close();
          }
          onClose();
        });
      },
      pull() {
        wake?.();
        wake = null;
      },
      cancel() {
        closed = true;
        abort.abort();
      },
    },
    { highWaterMark: 64 },
  );
  return new Response(stream, {
    status: 200,
    headers: { 'Cache-Control': 'no-cache, no-store, no-transform', 'X-Accel-Buffering': 'no', ...headers },
  });
}

/**
 * Server-sent events. `no-transform` keeps compression (next start's, a proxy's) from buffering the events.
 */
export function eventStream(
  requestSignal: AbortSignal,
  run: (sink: EventSink, signal: AbortSignal) => Promise<void>,
  onClose: () => void,
): Response {
  return streamingResponse(
    requestSignal,
    { 'Content-Type': 'text/event-stream; charset=utf-8' },
    (text, signal) =>
      run(
        {
          send: (event, data) => text.write(`event: ${event}\ndata: ${json(data)}\n\n`),
          keepAlive: () => void text.write(': keep-alive\n\n'),
          get closed() {
            return text.closed;
          },
        },
        signal,
      ),
    onClose,
  );
}
