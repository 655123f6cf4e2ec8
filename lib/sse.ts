/** One server-sent event: its name and its data line(s) joined. */
export type SseEvent = { event: string; data: string };

/**
 * Splits what has arrived of an event stream into complete events and the rest (an event is complete at a blank
 * line). Comment lines (": keep-alive") are skipped; an event without a name is "message", as EventSource names it.
 */
export function takeEvents(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const normalized = buffer.replace(/\r\n?/g, '\n');
  let start = 0;
  for (let end = normalized.indexOf('\n\n'); end >= 0; end = normalized.indexOf('\n\n', start)) {
    const block = normalized.slice(start, end);
    start = end + 2;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest: normalized.slice(start) };
}
