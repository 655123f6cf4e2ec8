// The message filter language: parsed by the console's own code into a small tree that the server evaluates record
// by record (server/messages/filter.ts). No eval, no template engine, no backtracking regexes: `matches` runs on a
// linear-time engine on the server. The browser parses with the same code to show syntax errors as they are typed.
//
//   value.order.total > 100 and headers.source == "web"
//   key startsWith "user-" or not exists(value.customer.id)
//   value matches "(?i)timeout|refused" and timestamp >= "2026-12-01T00:00:00Z"

export const FILTER_MAX_LENGTH = 2_000;
const MAX_DEPTH = 32;
const MAX_REGEXES = 16;
export const FILTER_REGEX_MAX_LENGTH = 500;

/** What a field names: the record's parts; `key` and `value` take JSON paths, `headers` a header name. */
export const FILTER_ROOTS = ['key', 'value', 'headers', 'timestamp', 'offset', 'partition', 'size', 'keySize', 'valueSize'] as const;
export type FilterRoot = (typeof FILTER_ROOTS)[number];
export type FilterField = { root: FilterRoot; path: (string | number)[] };
/** Integers beyond 2^53 (offsets) stay exact as bigints. */
export type FilterLiteral = string | number | bigint | boolean | null;
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type TextOp = 'contains' | 'startsWith' | 'endsWith' | 'matches';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; field: FilterField; value: FilterLiteral }
  | { kind: 'text'; op: TextOp; field: FilterField; value: string }
  | { kind: 'exists'; field: FilterField };

export class FilterSyntaxError extends Error {
  override name = 'FilterSyntaxError';
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(`at ${position + 1}: ${message}`);
  }
}

type Token =
  | { type: 'ident'; text: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'number'; value: number; raw: string; at: number }
  | { type: 'punct'; text: string; at: number }
  | { type: 'end'; at: number };

const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', ','];
const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const at = i;
    if (c === '"' || c === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= source.length) throw new FilterSyntaxError(at, 'a string is not closed');
        const d = source[i]!;
        if (d === c) break;
        if (d === '\\') {
          const e = source[i + 1];
          if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          if (e === undefined || !(e in ESCAPES)) throw new FilterSyntaxError(i, `unknown escape \\${e ?? ''}`);
          value += ESCAPES[e];
          i += 2;
          continue;
        }
        value += d;
        i += 1;
      }
      i += 1;
      tokens.push({ type: 'string', value, at });
      continue;
    }
    const number = /^-?(?:\d+(?:\.\d+)?)(?:[eE][+-]?\d+)?/.exec(source.slice(i, i + 64));
    if (number && (c !== '-' || /\d/.test(source[i + 1] ?? ''))) {
      tokens.push({ type: 'number', value: Number(number[0]), raw: number[0], at });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i, i + 256));
    if (ident) {
      tokens.push({ type: 'ident', text: ident[0], at });
      i += ident[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => source.startsWith(p, i));
    if (punct) {
      tokens.push({ type: 'punct', text: punct, at });
      i += punct.length;
      continue;
    }
    if (c === '=') throw new FilterSyntaxError(at, 'use == to compare');
    throw new FilterSyntaxError(at, `unexpected character ${JSON.stringify(c)}`);
  }
  tokens.push({ type: 'end', at: source.length });
  return tokens;
}

const COMPARE_OPS: readonly string[] = ['==', '!=', '<', '<=', '>', '>='];
const TEXT_OPS: Record<string, TextOp> = { contains: 'contains', startswith: 'startsWith', endswith: 'endsWith', matches: 'matches' };
const NUMERIC_ROOTS: readonly FilterRoot[] = ['timestamp', 'offset', 'partition', 'size', 'keySize', 'valueSize'];

class Parser {
  private i = 0;
  private regexes = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek() {
    return this.tokens[this.i]!;
  }
  private next() {
    return this.tokens[this.i++]!;
  }
  private isWord(word: string) {
    const t = this.peek();
    return t.type === 'ident' && t.text.toLowerCase() === word;
  }
  private isPunct(text: string) {
    const t = this.peek();
    return t.type === 'punct' && t.text === text;
  }
  private expectPunct(text: string, what: string) {
    if (!this.isPunct(text)) throw new FilterSyntaxError(this.peek().at, `expected ${what}`);
    this.next();
  }

  parse(): FilterNode {
    const node = this.or(0);
    const t = this.peek();
    if (t.type !== 'end') throw new FilterSyntaxError(t.at, 'expected and, or, or the end of the filter');
    return node;
  }

  private or(depth: number): FilterNode {
    let left = this.and(depth);
    while (this.isWord('or') || this.isPunct('||')) {
      this.next();
      left = { kind: 'or', left, right: this.and(depth) };
    }
    return left;
  }

  private and(depth: number): FilterNode {
    let left = this.unary(depth);
    while (this.isWord('and') || this.isPunct('&&')) {
      this.next();
      left = { kind: 'and', left, right: this.unary(depth) };
    }
    return left;
  }

  private unary(depth: number): FilterNode {
    if (depth > MAX_DEPTH) throw new FilterSyntaxError(this.peek().at, `nested more than ${MAX_DEPTH} levels`);
    if (this.isWord('not') || this.isPunct('!')) {
      this.next();
      return { kind: 'not', operand: this.unary(depth + 1) };
    }
    if (this.isPunct('(')) {
      this.next();
      const inner = this.or(depth + 1);
      this.expectPunct(')', 'a closing )');
      return inner;
    }
    if (this.isWord('exists')) {
      this.next();
      this.expectPunct('(', '( after exists');
      const field = this.field();
      this.expectPunct(')', 'a closing )');
      return { kind: 'exists', field };
    }
    return this.condition();
  }

  private condition(): FilterNode {
    const field = this.field();
    const t = this.next();
    if (t.type === 'punct' && COMPARE_OPS.includes(t.text)) {
      const value = this.literal();
      const op = t.text as CompareOp;
      if (
        NUMERIC_ROOTS.includes(field.root) &&
        op !== '==' &&
        op !== '!=' &&
        typeof value !== 'number' &&
        typeof value !== 'bigint' &&
        !(field.root === 'timestamp' && typeof value === 'string')
      ) {
        throw new FilterSyntaxError(t.at, `${field.root} compares with a number`);
      }
      if (field.root === 'timestamp' && typeof value === 'string' && Number.isNaN(Date.parse(value))) {
        throw new FilterSyntaxError(t.at, `"${value}" is not a date and time (e.g. "2026-12-01T08:00:00Z")`);
      }
      return { kind: 'compare', op, field, value };
    }
    const textOp = t.type === 'ident' ? TEXT_OPS[t.text.toLowerCase()] : undefined;
    if (textOp) {
      const value = this.next();
      if (value.type !== 'string') throw new FilterSyntaxError(value.at, `${textOp} takes a string in quotes`);
      if (textOp === 'matches') {
        this.regexes += 1;
        if (this.regexes > MAX_REGEXES) throw new FilterSyntaxError(value.at, `at most ${MAX_REGEXES} regular expressions`);
        if (value.value.length > FILTER_REGEX_MAX_LENGTH)
          throw new FilterSyntaxError(value.at, `a regular expression of at most ${FILTER_REGEX_MAX_LENGTH} characters`);
      }
      return { kind: 'text', op: textOp, field, value: value.value };
    }
    throw new FilterSyntaxError(t.at, 'expected ==, !=, <, <=, >, >=, contains, startsWith, endsWith or matches');
  }

  private field(): FilterField {
    const t = this.next();
    const root = t.type === 'ident' ? FILTER_ROOTS.find((r) => r.toLowerCase() === t.text.toLowerCase()) : undefined;
    if (!root) throw new FilterSyntaxError(t.at, `expected a field: ${FILTER_ROOTS.join(', ')}`);
    const path: (string | number)[] = [];
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        const name = this.next();
        if (name.type === 'ident') path.push(name.text);
        else if (name.type === 'number' && Number.isInteger(name.value) && name.value >= 0) path.push(String(name.value));
        else throw new FilterSyntaxError(name.at, 'expected a name after .');
      } else if (this.isPunct('[')) {
        this.next();
        const index = this.next();
        if (index.type === 'string') path.push(index.value);
        else if (index.type === 'number' && Number.isInteger(index.value) && index.value >= 0) path.push(index.value);
        else throw new FilterSyntaxError(index.at, 'expected an index or a quoted name in [ ]');
        this.expectPunct(']', 'a closing ]');
      } else break;
    }
    if (root === 'headers' && path.length !== 1) throw new FilterSyntaxError(t.at, 'name one header: headers.name or headers["name"]');
    if (root !== 'key' && root !== 'value' && root !== 'headers' && path.length > 0)
      throw new FilterSyntaxError(t.at, `${root} has no fields`);
    return { root, path };
  }

  private literal(): FilterLiteral {
    const t = this.next();
    if (t.type === 'string') return t.value;
    if (t.type === 'number') return /^-?\d+$/.test(t.raw) && !Number.isSafeInteger(t.value) ? BigInt(t.raw) : t.value;
    if (t.type === 'ident') {
      const word = t.text.toLowerCase();
      if (word === 'true') return true;
      if (word === 'false') return false;
      if (word === 'null') return null;
    }
    throw new FilterSyntaxError(t.at, 'expected a value: a "string", a number, true, false or null');
  }
}

/** The filter as a tree; throws FilterSyntaxError with the position of the first problem. */
export function parseFilter(source: string): FilterNode {
  if (source.length > FILTER_MAX_LENGTH)
    throw new FilterSyntaxError(FILTER_MAX_LENGTH, `a filter has at most ${FILTER_MAX_LENGTH} characters`);
  if (source.trim() === '') throw new FilterSyntaxError(0, 'the filter is empty');
  return new Parser(tokenize(source)).parse();
}
