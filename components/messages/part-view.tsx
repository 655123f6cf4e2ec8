'use client';

import { useState } from 'react';
import { bytesOf, detect, render, schemaRegistryFrame, type Decoder, type Encoded } from '@/lib/message-decoders';
import { JsonTree } from '@/components/messages/json-tree';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';

const DECODERS: { id: Decoder; label: string }[] = [
  { id: 'auto', label: 'Auto' },
  { id: 'text', label: 'Text' },
  { id: 'json', label: 'JSON' },
  { id: 'hex', label: 'Hex' },
  { id: 'base64', label: 'Base64' },
];

/** A key or value with a choice of decoders (auto-detected by default) and what the bytes are. */
export function PartView({ label, part, size }: { label: string; part: Encoded; size: number | null }) {
  const [decoder, setDecoder] = useState<Decoder>('auto');
  const shown = render(part, decoder);
  const frame = schemaRegistryFrame(bytesOf(part));
  return (
    <section aria-label={label} className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium">{label}</h3>
        <Badge>{detect(part)}</Badge>
        {size !== null ? <span className="text-xs text-zinc-500">{size} bytes stored</span> : null}
        {frame ? (
          <Badge tone="info" title="Schema registry wire format: magic byte 0, then the schema id">
            schema id {frame.schemaId}
          </Badge>
        ) : null}
        <div role="radiogroup" aria-label={`${label} decoder`} className="ml-auto flex gap-1">
          {DECODERS.map((d) => (
            <button
              key={d.id}
              type="button"
              role="radio"
              aria-checked={decoder === d.id}
              onClick={() => setDecoder(d.id)}
              className={cn(
                'rounded px-2 py-0.5 text-xs',
                decoder === d.id ? 'bg-sky-700 text-white' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
              )}
            >
              {d.label}
            </button>
          ))}
        </div>
      </div>
      <div className="max-h-80 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
        {shown.kind === 'json' ? <JsonTree value={shown.value} /> : <pre className="whitespace-pre-wrap break-all">{shown.text}</pre>}
      </div>
    </section>
  );
}
