'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { takeEvents } from '@/lib/sse';
import { apiRoutes } from '@/lib/routes';
import { errorResponseSchema } from '@/lib/schemas/common';
import { messageProgressSchema, messageSchema, messageStreamEndSchema, type Message } from '@/lib/schemas/messages';

/** Records kept on screen from a stream; older ones leave the list (the count says how many arrived). */
export const STREAM_KEEP = 2_000;

export type StreamState = {
  mode: 'scan' | 'live';
  running: boolean;
  /** The server has placed the read (its start positions are fixed): a tail misses nothing written from now on. */
  started: boolean;
  paused: boolean;
  messages: Message[];
  /** Arrived while paused: shown when the tail resumes. */
  pending: Message[];
  received: number;
  progress: z.infer<typeof messageProgressSchema> | null;
  end: z.infer<typeof messageStreamEndSchema> | null;
  notices: string[];
  error: string | null;
};

const initial = (mode: StreamState['mode']): StreamState => ({
  mode,
  running: true,
  started: false,
  paused: false,
  messages: [],
  pending: [],
  received: 0,
  progress: null,
  end: null,
  notices: [],
  error: null,
});

function withMessage(s: StreamState, message: Message): StreamState {
  const keep = (list: Message[]) => [...list.slice(-(STREAM_KEEP - 1)), message];
  return s.paused
    ? { ...s, received: s.received + 1, pending: keep(s.pending) }
    : { ...s, received: s.received + 1, messages: keep(s.messages) };
}

/**
 * A scan or a live tail: the messages route with Accept: text/event-stream, read with fetch (so a refusal shows its
 * message: 403, 429 "at most 2 streams…"). A live tail that reaches its time budget goes on from its cursor, until
 * stopped. Pausing freezes the list; what arrives meanwhile waits (the newest STREAM_KEEP) and joins it on resume.
 */
export function useMessageStream({ clusterId, topic }: { clusterId: string; topic: string }) {
  const [state, setState] = useState<StreamState | null>(null);
  const abort = useRef<AbortController | null>(null);

  const close = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
  }, []);

  const open = useCallback(
    (firstQuery: string, mode: StreamState['mode']) => {
      close();
      const controller = new AbortController();
      abort.current = controller;
      setState(initial(mode));
      const update = (change: (s: StreamState) => StreamState) => setState((s) => (s && abort.current === controller ? change(s) : s));

      /** One stream; resolves with the cursor to go on from when a live tail ran out of time. */
      async function read(query: string): Promise<string | null> {
        const url = apiRoutes.topicMessages(clusterId, topic, `${query}${mode === 'live' ? `${query ? '&' : ''}live=true` : ''}`);
        const response = await fetch(url, { headers: { accept: 'text/event-stream' }, cache: 'no-store', signal: controller.signal });
        if (!response.ok || !response.body) {
          const body: unknown = await response.json().catch(() => null);
          const parsed = errorResponseSchema.safeParse(body);
          throw new Error(parsed.success ? parsed.data.error.message : `The stream was refused (HTTP ${response.status})`);
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return null;
          const { events, rest } = takeEvents(buffer + value);
          buffer = rest;
          for (const { event, data } of events) {
            const json: unknown = JSON.parse(data);
            if (event === 'message') update((s) => withMessage(s, messageSchema.parse(json)));
            else if (event === 'progress') update((s) => ({ ...s, progress: messageProgressSchema.parse(json) }));
            else if (event === 'start')
              update((s) => ({
                ...s,
                started: true,
                notices: [...new Set([...s.notices, ...((json as { notices?: string[] }).notices ?? [])])],
              }));
            else if (event === 'error') throw new Error(errorResponseSchema.safeParse(json).data?.error.message ?? 'The stream failed');
            else if (event === 'end') {
              const end = messageStreamEndSchema.parse(json);
              if (mode === 'live' && end.stoppedBy === 'time') return end.next;
              update((s) => ({ ...s, running: false, end }));
              return null;
            }
          }
        }
      }

      void (async () => {
        try {
          // A live tail's budget is per stream: it goes on from where it stopped, keeping the list.
          for (let query: string | null = firstQuery; query !== null;) {
            const next: string | null = await read(query);
            query = next === null ? null : `cursor=${encodeURIComponent(next)}`;
          }
        } catch (error) {
          if (controller.signal.aborted) return;
          update((s) => ({ ...s, running: false, error: error instanceof Error ? error.message : String(error) }));
        }
      })();
    },
    [clusterId, topic, close],
  );

  const stop = useCallback(() => {
    close();
    setState((s) => s && { ...s, running: false, paused: false, pending: [], messages: [...s.messages, ...s.pending].slice(-STREAM_KEEP) });
  }, [close]);
  const pause = useCallback(() => setState((s) => s && { ...s, paused: true }), []);
  const resume = useCallback(
    () => setState((s) => s && { ...s, paused: false, pending: [], messages: [...s.messages, ...s.pending].slice(-STREAM_KEEP) }),
    [],
  );
  const clear = useCallback(() => {
    close();
    setState(null);
  }, [close]);

  useEffect(() => close, [close]);

  return { state, open, stop, pause, resume, clear };
}
