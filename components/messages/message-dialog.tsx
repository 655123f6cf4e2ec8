'use client';

import { formatDateTime, formatInt64 } from '@/lib/format';
import type { Message } from '@/lib/schemas/messages';
import { MessageBadges } from '@/components/messages/message-badges';
import { PartView } from '@/components/messages/part-view';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FactList, type Fact } from '@/components/ui/fact-list';

/** One record: where it is, when, what its batch says, its key, value and headers with decoders. */
export function MessageDialog({
  message: m,
  onClose,
  onProduceAgain,
}: {
  message: Message;
  onClose: () => void;
  onProduceAgain?: () => void;
}) {
  const facts: Fact[] = [
    ['Partition', m.partition],
    ['Offset', formatInt64(m.offset)],
    [
      'Timestamp',
      m.timestamp === null
        ? 'none (message format v0)'
        : `${formatDateTime(m.timestamp)} (${m.timestampType === 'LogAppendTime' ? 'broker append time' : 'producer create time'})`,
    ],
    ['Epoch ms', m.timestamp ?? '–'],
    ['Compression', m.compression],
    ['Producer', m.producerId === undefined ? 'not idempotent' : `id ${m.producerId}, epoch ${m.producerEpoch}`],
    ['Sequence', m.sequence ?? '–'],
    ['Transactional', m.transactional ? (m.aborted === true ? 'yes, aborted' : m.aborted === null ? 'yes, still open' : 'yes') : 'no'],
  ];
  return (
    <Dialog open onClose={onClose} title={`Record ${m.partition}:${m.offset}`}>
      <div className="space-y-4">
        <MessageBadges message={m} />
        <FactList label="Record metadata" facts={facts} />
        <PartView label="Key" part={{ text: m.key, encoding: m.keyEncoding }} size={m.keySize} />
        <PartView label="Value" part={{ text: m.value, encoding: m.valueEncoding }} size={m.valueSize} />
        <section aria-label="Headers" className="space-y-1">
          <h3 className="text-sm font-medium">Headers ({m.headers.length})</h3>
          {m.headers.length === 0 ? (
            <p className="text-sm text-zinc-500">None</p>
          ) : (
            <table className="w-full text-left text-xs">
              <thead>
                <tr className="text-zinc-500">
                  <th className="py-1 pr-4 font-medium">Name</th>
                  <th className="py-1 font-medium">Value</th>
                </tr>
              </thead>
              <tbody className="font-mono">
                {m.headers.map((h, i) => (
                  <tr key={i} className="border-t border-zinc-100 dark:border-zinc-800">
                    <td className="py-1 pr-4 align-top break-all">{h.key}</td>
                    <td className="py-1 break-all">
                      {h.value === null ? (
                        <span className="text-zinc-400">null</span>
                      ) : h.value === '' ? (
                        <span className="text-zinc-400">(empty)</span>
                      ) : h.valueEncoding === 'base64' ? (
                        `base64:${h.value}`
                      ) : (
                        h.value
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div className="flex justify-end gap-2">
          {onProduceAgain && !m.control ? <Button onClick={onProduceAgain}>Produce again…</Button> : null}
          <Button tone="primary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
