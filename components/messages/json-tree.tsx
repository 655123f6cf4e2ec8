'use client';

/**
 * JSON as a tree of native <details>: objects and arrays fold, leaves show typed values. Everything is React text
 * (never HTML), so keys and values that hold markup stay text.
 */
export function JsonTree({ value, name, depth = 0 }: { value: unknown; name?: string; depth?: number }) {
  const label = name === undefined ? null : <span className="text-sky-800 dark:text-sky-300">{JSON.stringify(name)}: </span>;
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return (
      <details open={depth < 3} className="pl-4 -indent-4">
        <summary className="cursor-pointer select-text list-none">
          {label}
          {open}
          <span className="text-zinc-400">
            {' '}
            {entries.length} {Array.isArray(value) ? 'items' : 'keys'}{' '}
          </span>
          {entries.length === 0 ? close : null}
        </summary>
        {entries.map(([k, v]) => (
          <JsonTree key={k} name={Array.isArray(value) ? undefined : k} value={v} depth={depth + 1} />
        ))}
        {entries.length > 0 ? <div>{close}</div> : null}
      </details>
    );
  }
  const tone =
    typeof value === 'string'
      ? 'text-emerald-800 dark:text-emerald-300'
      : typeof value === 'number'
        ? 'text-amber-800 dark:text-amber-300'
        : 'text-violet-800 dark:text-violet-300';
  return (
    <div className="pl-4 -indent-4 break-all">
      {label}
      <span className={tone}>{JSON.stringify(value)}</span>
    </div>
  );
}
