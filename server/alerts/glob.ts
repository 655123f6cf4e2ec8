// Rule scopes name groups and topics with shell-style patterns: `*` is any run of characters, `?` one character,
// everything else literal and case-sensitive (Kafka's names are). Pure.
const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    const body = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
    re = new RegExp(`^${body}$`, 's');
    if (cache.size > 1_000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** Whether `name` matches `pattern`; no pattern matches everything. */
export const matchesPattern = (pattern: string | undefined, name: string) => pattern === undefined || globToRegExp(pattern).test(name);
