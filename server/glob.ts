/**
 * A name pattern with `*` (any characters) and `?` (one character), matched without a regex engine: the greedy
 * two-pointer walk backtracks only to the last `*`, so a pattern of any number of stars costs at most
 * O(pattern × name) steps, never the exponential time a backtracking regex can take.
 */
export function globMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p += 1;
      n += 1;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p;
      resume = n;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      n = resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p += 1;
  return p === pattern.length;
}

/** Whether `name` matches `pattern`; no pattern matches everything. */
export const matchesPattern = (pattern: string | undefined, name: string) => pattern === undefined || globMatches(pattern, name);
