import 'server-only';
import { isUtf8 } from 'node:buffer';
import { createHmac } from 'node:crypto';
import { RE2JS } from 're2js';
import type { Role } from '@/lib/schemas/auth';
import { globMatches } from '@/server/glob';
import { parseJsonPath, type MaskingRule, type PathStep } from '@/server/messages/masking-rules';

/** A record's parts as masking reads and returns them (the filter and every response see only the result). */
export type MaskableParts = { key: Buffer | null; value: Buffer | null; headers: { key: string; value: Buffer | null }[] };

export type Masker = {
  /** The parts with every rule applied; the very same object when nothing needed masking (nothing is marked masked). */
  apply(parts: MaskableParts): MaskableParts;
};

const HIDDEN = '***';

type CompiledRule = { paths: PathStep[][]; fields: Set<string>; regex: RE2JS | null; replace: (original: string) => string };

/**
 * `hash` is an HMAC-SHA256 keyed from the server's secret (an unkeyed hash of a phone number is reversed by hashing
 * every phone number): equal values give equal hashes, so a masked id can still be followed across records.
 */
function hasher(secret: string) {
  const key = createHmac('sha256', secret).update('kafka-console masking v1').digest();
  return (original: string) => `hmac:${createHmac('sha256', key).update(original).digest('base64url').slice(0, 22)}`;
}

function compileRule(rule: MaskingRule, hash: (original: string) => string): CompiledRule {
  return {
    paths: (rule.paths ?? []).map((p) => parseJsonPath(p)!),
    fields: new Set(rule.fields ?? []),
    regex: rule.regex ? RE2JS.compile(rule.regex) : null,
    replace: rule.action === 'hash' ? hash : () => HIDDEN,
  };
}

/** A JSON leaf or subtree as the masked string; subtrees are hashed as their JSON text. */
const maskValue = (rule: CompiledRule, value: unknown) => rule.replace(typeof value === 'string' ? value : JSON.stringify(value));

function maskPath(node: unknown, steps: PathStep[], rule: CompiledRule): unknown {
  if (steps.length === 0) return maskValue(rule, node);
  if (node === null || typeof node !== 'object') return node;
  const [step, ...rest] = steps;
  if (Array.isArray(node)) {
    if (typeof step === 'object') return node.map((item) => maskPath(item, rest, rule));
    const index = typeof step === 'number' ? step : /^\d+$/.test(step!) ? Number(step) : -1;
    if (index < 0 || index >= node.length) return node;
    const copy = [...node];
    copy[index] = maskPath(node[index], rest, rule);
    return copy;
  }
  const object = node as Record<string, unknown>;
  const keys = typeof step === 'object' ? Object.keys(object) : Object.hasOwn(object, String(step)) ? [String(step)] : [];
  if (keys.length === 0) return node;
  const copy = { ...object };
  for (const k of keys) copy[k] = maskPath(object[k], rest, rule);
  return copy;
}

/** Field names at any depth, then the regex over every string and number left (a card number may be a number). */
function maskTree(node: unknown, rule: CompiledRule): unknown {
  if (typeof node === 'string') return rule.regex ? maskText(node, rule) : node;
  if (typeof node === 'number' && rule.regex) {
    const text = String(node);
    return rule.regex.test(text) ? maskText(text, rule) : node;
  }
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => maskTree(item, rule));
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) copy[k] = rule.fields.has(k) ? maskValue(rule, v) : maskTree(v, rule);
  return copy;
}

/** Every match of the rule's regex replaced (the replacement function's result is taken literally). */
function maskText(text: string, rule: CompiledRule): string {
  return rule.regex!.matcher(text).replaceAll((match: string) => rule.replace(match));
}

/**
 * One part (key, value or a header value) under the rules: JSON is masked by path, field name and regex and written
 * back as JSON; other text only by the regex; bytes that are not UTF-8 cannot be looked into and are masked whole
 * (fail closed). Unchanged parts keep their original bytes.
 */
function maskPart(bytes: Buffer | null, rules: CompiledRule[]): Buffer | null {
  if (bytes === null || bytes.length === 0) return bytes;
  if (!isUtf8(bytes)) return Buffer.from(rules[0]!.replace(bytes.toString('base64')));
  const text = bytes.toString('utf8');
  let json: unknown;
  let isJson = false;
  if (rules.some((r) => r.paths.length > 0 || r.fields.size > 0)) {
    try {
      json = JSON.parse(text);
      isJson = true;
    } catch {
      isJson = false;
    }
  }
  if (isJson) {
    let masked = json;
    for (const rule of rules) {
      for (const path of rule.paths) masked = maskPath(masked, path, rule);
      if (rule.fields.size > 0 || rule.regex) masked = maskTree(masked, rule);
    }
    let out = JSON.stringify(masked);
    // Last, the regexes over the JSON text itself: a match left in an object key is masked too, even if that
    // leaves text that is no longer JSON.
    for (const rule of rules) if (rule.regex?.test(out)) out = maskText(out, rule);
    return out === JSON.stringify(json) ? bytes : Buffer.from(out, 'utf8');
  }
  let out = text;
  for (const rule of rules) if (rule.regex) out = maskText(out, rule);
  return out === text ? bytes : Buffer.from(out, 'utf8');
}

/**
 * The rules that apply to (cluster, topic, role), compiled once per request; null when none does. `secret` is
 * asked for only then (the HMAC key of `hash`).
 */
export function maskerFor(
  rules: readonly MaskingRule[],
  clusterId: string,
  topic: string,
  role: Role,
  secret: () => string,
): Masker | null {
  const matching = rules.filter(
    (r) =>
      r.clusters.some((g) => globMatches(g, clusterId)) &&
      r.topics.some((g) => globMatches(g, topic)) &&
      (!r.roles || r.roles.includes(role)),
  );
  if (matching.length === 0) return null;
  const hash = hasher(secret());
  const applicable = matching.map((r) => compileRule(r, hash));
  return {
    apply(parts) {
      const key = maskPart(parts.key, applicable);
      const value = maskPart(parts.value, applicable);
      const headerValues = parts.headers.map((h) => maskPart(h.value, applicable));
      const unchanged = key === parts.key && value === parts.value && headerValues.every((v, i) => v === parts.headers[i]!.value);
      return unchanged ? parts : { key, value, headers: parts.headers.map((h, i) => ({ key: h.key, value: headerValues[i]! })) };
    },
  };
}
