// Which transactional batches were aborted. A broker does not filter aborted records out of a READ_COMMITTED fetch:
// it returns everything below the last stable offset plus the list of aborted transactions (producer id, first
// offset) in that range, and the consumer drops them itself. These are the Java consumer's rules
// (CompletedFetch.nextFetchedRecord), kept pure so they are tested without a broker.
import type { AbortedTransaction } from '@/server/protocol/fetch';
import type { RecordBatch } from '@/server/protocol/records/record-batch';

/**
 * Per batch (same order): true when it belongs to an aborted transaction, false otherwise. A producer enters the
 * aborted set when the sweep reaches the first offset of one of its aborted transactions, and leaves it at its ABORT
 * marker; a transactional data batch of a producer in the set is aborted. Control batches are false (they are
 * markers, shown or hidden by the caller).
 */
export function abortedByList(batches: readonly RecordBatch[], abortedTransactions: readonly AbortedTransaction[]): boolean[] {
  const pending = [...abortedTransactions].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  const abortedProducers = new Set<bigint>();
  let next = 0;
  return batches.map((batch) => {
    if (batch.producerId < 0n) return false;
    while (next < pending.length && pending[next]!.firstOffset <= batch.lastOffset) abortedProducers.add(pending[next++]!.producerId);
    if (batch.control) {
      if (batch.control === 'ABORT') abortedProducers.delete(batch.producerId);
      return false;
    }
    return batch.transactional && abortedProducers.has(batch.producerId);
  });
}

/**
 * Per batch, what the markers in these same batches say: a transactional data batch followed by its producer's
 * COMMIT is false, by its ABORT true; null when no marker of its producer follows (the transaction is still open,
 * or its marker lies beyond these batches). Non-transactional and control batches are false.
 */
export function abortedByMarkers(batches: readonly RecordBatch[]): (boolean | null)[] {
  const result: (boolean | null)[] = new Array(batches.length);
  const nextMarker = new Map<bigint, boolean>();
  for (let i = batches.length - 1; i >= 0; i -= 1) {
    const batch = batches[i]!;
    if (batch.control) {
      nextMarker.set(batch.producerId, batch.control === 'ABORT');
      result[i] = false;
    } else if (!batch.transactional) {
      result[i] = false;
    } else {
      result[i] = nextMarker.get(batch.producerId) ?? null;
    }
  }
  return result;
}
