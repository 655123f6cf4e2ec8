'use client';

import { formatCount } from '@/lib/format';
import { STREAM_KEEP, type StreamState } from '@/components/messages/use-message-stream';
import { Button } from '@/components/ui/button';

/** A running scan's or tail's progress (records examined and matched, position per partition), and its controls. */
export function StreamBar({
  state,
  onStop,
  onPause,
  onResume,
  onClose,
}: {
  state: StreamState;
  onStop: () => void;
  onPause: () => void;
  onResume: () => void;
  onClose: () => void;
}) {
  const { progress, end } = state;
  const counts = end ?? progress;
  const positions = progress ? Object.entries(progress.positions) : [];
  const what = state.mode === 'live' ? 'Live tail' : 'Scan';
  return (
    <div className="space-y-1 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950/40">
      <div className="flex flex-wrap items-center gap-2">
        <span role="status" className="mr-auto">
          {what}
          {state.running ? (!state.started ? ' starting…' : state.paused ? ' paused' : ' running') : end ? ' ended' : ' stopped'}:{' '}
          {formatCount(state.received)} record{state.received === 1 ? '' : 's'} received
          {counts ? ` · ${formatCount(counts.scanned)} examined · ${formatCount(counts.matched)} matched` : ''}
          {state.received > STREAM_KEEP ? ` · the newest ${formatCount(STREAM_KEEP)} shown` : ''}
          {state.pending.length > 0 ? ` · ${formatCount(state.pending.length)} waiting` : ''}
        </span>
        {state.running && state.mode === 'live' ? (
          state.paused ? (
            <Button onClick={onResume}>Resume</Button>
          ) : (
            <Button onClick={onPause}>Pause</Button>
          )
        ) : null}
        {state.running ? (
          <Button tone="danger" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button onClick={onClose}>Back to pages</Button>
        )}
      </div>
      {positions.length > 0 ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" aria-label="Positions">
          Positions: {positions.map(([p, offset]) => `${p}@${offset}`).join(' · ')}
        </p>
      ) : null}
      {end ? <p className="text-xs">{end.message}</p> : null}
      {state.error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
