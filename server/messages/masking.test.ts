import { describe, expect, it } from 'vitest';
import { maskerFor, type MaskableParts } from '@/server/messages/masking';
import { maskingRuleSchema, parseJsonPath, type MaskingRule } from '@/server/messages/masking-rules';

const SECRET = 'masking-test-secret-of-at-least-32-bytes';
const CARD = '4111 1111 1111 1111';
const rules: MaskingRule[] = [
  { clusters: ['prod', 'local'], topics: ['payments.*'], paths: ['$.card.number', 'items[*].cvv'], action: 'hide' },
  { clusters: ['*'], topics: ['payments.*'], fields: ['phone'], action: 'hash' },
  {
    clusters: ['*'],
    topics: ['payments.*', 'logs'],
    regex: '\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}\\b',
    action: 'hide',
    roles: ['operator'],
  },
];

const parts = (value: unknown, key: string | null = 'k', headers: MaskableParts['headers'] = []): MaskableParts => ({
  key: key === null ? null : Buffer.from(key),
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers,
});
const json = (p: MaskableParts) => JSON.parse(p.value!.toString()) as Record<string, unknown>;

describe('maskerFor', () => {
  const operator = maskerFor(rules, 'local', 'payments.eu', 'operator', () => SECRET)!;
  const admin = maskerFor(rules, 'local', 'payments.eu', 'admin', () => SECRET)!;

  it('applies only the rules whose cluster, topic and roles match', () => {
    expect(maskerFor(rules, 'local', 'orders', 'operator', () => SECRET)).toBeNull();
    expect(maskerFor(rules, 'local', 'logs', 'admin', () => SECRET)).toBeNull();
    expect(maskerFor(rules, 'local', 'logs', 'operator', () => SECRET)).not.toBeNull();
  });

  it('hides paths (with array wildcards), hashes field names at any depth with a keyed, stable HMAC', () => {
    const masked = json(
      admin.apply(
        parts({
          card: { number: CARD, holder: 'A' },
          items: [{ cvv: 123 }, { cvv: 456, sku: 'x' }],
          contact: { phone: '+86 138 0013 8000' },
        }),
      ),
    );
    expect(masked).toMatchObject({ card: { number: '***', holder: 'A' }, items: [{ cvv: '***' }, { cvv: '***', sku: 'x' }] });
    const phone = (masked.contact as { phone: string }).phone;
    expect(phone).toMatch(/^hmac:[A-Za-z0-9_-]{22}$/);
    expect(json(admin.apply(parts({ contact: { phone: '+86 138 0013 8000' } }))).contact).toEqual({ phone });
    const otherKey = maskerFor(rules, 'local', 'payments.eu', 'admin', () => 'another-secret-of-at-least-32-bytes!!')!;
    expect(json(otherKey.apply(parts({ contact: { phone: '+86 138 0013 8000' } }))).contact).not.toEqual({ phone });
  });

  it('runs the regex over text values, JSON strings and numbers, object keys, keys and headers', () => {
    const out = operator.apply(
      parts({ note: `card ${CARD} used`, n: 4111111111111111, [CARD]: 1 }, `user ${CARD}`, [{ key: 'h', value: Buffer.from(CARD) }]),
    );
    const all = [out.key, out.value, ...out.headers.map((h) => h.value)].map((b) => b!.toString()).join('\n');
    expect(all).not.toMatch(/4111/);
    expect(json(maskerFor(rules, 'local', 'logs', 'operator', () => SECRET)!.apply(parts({ note: 'no card here' })))).toEqual({
      note: 'no card here',
    });
    expect(
      maskerFor(rules, 'local', 'logs', 'operator', () => SECRET)!
        .apply(parts(`plain ${CARD} text`))
        .value!.toString(),
    ).toBe('plain *** text');
  });

  it('keeps unchanged parts byte for byte, masks bytes that are not UTF-8 whole (fail closed)', () => {
    const original = parts('{ "card": { "holder": "A" } }');
    expect(admin.apply(original).value).toBe(original.value);
    const binary = { key: null, value: Buffer.from([0xff, 0xfe, 0x00, 0x41]), headers: [] };
    expect(admin.apply(binary).value!.toString()).toBe('***');
  });
});

describe('masking rules in the configuration', () => {
  it('parses JSON paths and refuses what is not one', () => {
    expect(parseJsonPath('$.a.b')).toEqual(['a', 'b']);
    expect(parseJsonPath('a[2].b[*]["x.y"]')).toEqual(['a', 2, 'b', { any: true }, 'x.y']);
    expect(parseJsonPath('$')).toBeNull();
    expect(parseJsonPath('a..b')).toBeNull();
  });

  it('refuses a backtracking-only regex, a rule that masks nothing and unknown keys', () => {
    expect(maskingRuleSchema.safeParse({ clusters: ['*'], topics: ['*'], regex: '(a)\\1', action: 'hide' }).success).toBe(false);
    expect(maskingRuleSchema.safeParse({ clusters: ['*'], topics: ['*'], action: 'hide' }).success).toBe(false);
    expect(maskingRuleSchema.safeParse({ clusters: ['*'], topics: ['*'], fields: ['x'], action: 'hide', extra: 1 }).success).toBe(false);
    expect(maskingRuleSchema.safeParse({ clusters: ['*'], topics: ['*'], paths: ['$.a'], action: 'hash' }).success).toBe(true);
  });
});

describe('masking leaves alone what it does not change', () => {
  it('returns the very parts it was given when no rule matched inside them (the record is not marked masked)', () => {
    const masker = maskerFor(rules, 'local', 'payments.eu', 'operator', () => SECRET)!;
    const plain = parts({ note: 'nothing secret' }, 'k', [{ key: 'h', value: Buffer.from('v') }]);
    expect(masker.apply(plain)).toBe(plain);
  });
});
