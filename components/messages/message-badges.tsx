import type { Message } from '@/lib/schemas/messages';
import { Badge } from '@/components/ui/badge';

/** What a record is besides its contents: a marker, aborted or open, transactional, masked, compressed. */
export function MessageBadges({ message: m }: { message: Message }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {m.control ? (
        <Badge tone="info" title="A transaction marker written by the coordinator, not a record a producer sent">
          {m.control === 'COMMIT' ? 'commit marker' : 'abort marker'}
        </Badge>
      ) : null}
      {m.aborted === true ? (
        <Badge tone="bad" title="Its transaction was aborted: read_committed consumers never see it">
          aborted
        </Badge>
      ) : null}
      {m.aborted === null ? (
        <Badge tone="warn" title="Its transaction is still open: neither committed nor aborted yet">
          open txn
        </Badge>
      ) : null}
      {m.transactional && !m.control && m.aborted !== true && m.aborted !== null ? (
        <Badge title="Written in a committed transaction">txn</Badge>
      ) : null}
      {m.masked ? (
        <Badge tone="warn" title="Masking rules hid or hashed parts of this record">
          masked
        </Badge>
      ) : null}
      {m.compression !== 'none' ? <Badge title="The codec of its batch">{m.compression}</Badge> : null}
    </span>
  );
}
