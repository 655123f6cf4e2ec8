// Reads a server-sent events answer of a route handler (scans, live tails) into events, as a browser would.
import { TEST_TOKENS, bearer } from './auth';

export type StreamEvent = { event: string; data: unknown };
type Handler<P> = (request: Request, context?: { params?: Promise<P> }) => Promise<Response>;

export async function readEvents<P extends Record<string, string>>(
  handler: Handler<P>,
  path: string,
  params: P,
  {
    token = TEST_TOKENS.operator as string,
    signal,
    until,
  }: { token?: string; signal?: AbortSignal; until?: (events: StreamEvent[]) => boolean } = {},
): Promise<{ status: number; events: StreamEvent[]; text: string }> {
  const request = new Request(`http://localhost${path}`, { headers: { ...bearer(token), accept: 'text/event-stream' }, signal });
  const response = await handler(request, { params: Promise.resolve(params) });
  if (!response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    return { status: response.status, events: [], text: await response.text() };
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const events: StreamEvent[] = [];
  let buffer = '';
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const chunk = decoder.decode(value, { stream: true });
      text += chunk;
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data !== undefined) events.push({ event, data: JSON.parse(data) as unknown });
      }
      if (until?.(events)) break;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return { status: response.status, events, text };
}
