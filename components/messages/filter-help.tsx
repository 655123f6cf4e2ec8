/** The filter language in brief, next to the filter box (the README has all of it). */
export function FilterHelp() {
  return (
    <details className="text-xs text-zinc-600 dark:text-zinc-400">
      <summary className="cursor-pointer">Filter syntax</summary>
      <div className="mt-1 space-y-1">
        <p>
          Fields: <code>key</code>, <code>value</code>, <code>value.path.to[0].field</code>, <code>key.field</code>,{' '}
          <code>headers.name</code>, <code>timestamp</code>, <code>offset</code>, <code>partition</code>, <code>size</code>,{' '}
          <code>keySize</code>, <code>valueSize</code>.
        </p>
        <p>
          Compare with <code>== != &lt; &lt;= &gt; &gt;=</code> against <code>&quot;text&quot;</code>, numbers, <code>true</code>,{' '}
          <code>false</code>, <code>null</code>; times as <code>&quot;2026-12-01T08:00:00Z&quot;</code>. Text: <code>contains</code>,{' '}
          <code>startsWith</code>, <code>endsWith</code>, <code>matches &quot;regex&quot;</code> (RE2: linear time, <code>(?i)</code>{' '}
          ignores case). <code>exists(value.a)</code>; combine with <code>and</code>, <code>or</code>, <code>not</code>, parentheses.
        </p>
        <p>
          Example: <code>value.order.total &gt; 100 and headers.source == &quot;web&quot;</code>
        </p>
      </div>
    </details>
  );
}
