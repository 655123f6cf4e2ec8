import { ApiError } from '@/lib/errors';
import type { ReadDirection } from '@/server/messages/lane';

/**
 * Where a later page starts: a direction and a position per partition (forward: the first offset to read;
 * backward: the exclusive upper bound). Opaque to clients (base64url JSON), so its layout can change with `v`.
 */
export type Cursor = { direction: ReadDirection; positions: Map<number, bigint> };

type Encoded = { v: 1; d: 'f' | 'b'; p: [number, string][] };

export function encodeCursor(cursor: Cursor): string {
  const body: Encoded = {
    v: 1,
    d: cursor.direction === 'forward' ? 'f' : 'b',
    p: [...cursor.positions].sort(([a], [b]) => a - b).map(([p, o]) => [p, o.toString()]),
  };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

const invalid = () =>
  new ApiError('VALIDATION', 'The cursor is not one this console gave out', { fieldErrors: { cursor: ['not a cursor of this console'] } });

export function decodeCursor(text: string): Cursor {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const b = body as Partial<Encoded> | null;
  if (!b || b.v !== 1 || (b.d !== 'f' && b.d !== 'b') || !Array.isArray(b.p) || b.p.length === 0 || b.p.length > 100_000) throw invalid();
  const positions = new Map<number, bigint>();
  for (const entry of b.p) {
    if (
      !Array.isArray(entry) ||
      !Number.isInteger(entry[0]) ||
      entry[0] < 0 ||
      typeof entry[1] !== 'string' ||
      !/^\d{1,19}$/.test(entry[1])
    )
      throw invalid();
    positions.set(entry[0], BigInt(entry[1]));
  }
  return { direction: b.d === 'f' ? 'forward' : 'backward', positions };
}
