/**
 * What the audit log keeps of a produce request: where and how, never what (key, value and header values are the
 * record's contents, which masking may hide from the very admins who read the audit log).
 */
export function summarizeProduce(body: unknown): unknown {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const size = (v: unknown) => (typeof v === 'string' ? v.length : null);
  return {
    partition: b.partition ?? null,
    compression: b.compression ?? null,
    acks: b.acks ?? null,
    keyLength: size(b.key),
    valueLength: size(b.value),
    headerNames: Array.isArray(b.headers)
      ? b.headers.map((h) => (h && typeof h === 'object' ? String((h as { key?: unknown }).key ?? '') : '')).slice(0, 50)
      : [],
  };
}
