import { describe, expect, it } from 'vitest';
import { can, permissionSchema, type Role } from '@/lib/schemas/auth';
import { createLoginLimiter, limiterKey, MAX_FAILURES, MAX_USER_FAILURES, WINDOW_MS } from '@/server/auth/login-limiter';
import { roleFromClaims } from '@/server/auth/oidc';
import { hashPassword, PasswordTooLongError, verifyPassword } from '@/server/auth/passwords';
import { findApiToken, newApiToken, sha256Hex } from '@/server/auth/tokens';
import type { OidcConfig } from '@/server/config/schema';

describe('roles table', () => {
  // The README's table, row by row.
  const TABLE: Record<string, Record<Role, boolean>> = {
    read: { admin: true, operator: true, viewer: true },
    browseMessages: { admin: true, operator: true, viewer: false },
    resetOffsets: { admin: true, operator: true, viewer: false },
    produce: { admin: true, operator: false, viewer: false },
    manageTopics: { admin: true, operator: false, viewer: false },
    reassign: { admin: true, operator: false, viewer: false },
    manageGroups: { admin: true, operator: false, viewer: false },
    manageQuorum: { admin: true, operator: false, viewer: false },
    upgradeFeatures: { admin: true, operator: false, viewer: false },
    administer: { admin: true, operator: false, viewer: false },
  };

  it('grants exactly the cells of the table', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...permissionSchema.options].sort());
    for (const [permission, roles] of Object.entries(TABLE)) {
      for (const [role, allowed] of Object.entries(roles)) {
        expect(can(role as Role, permission as never), `${role} ${permission}`).toBe(allowed);
      }
    }
  });

  it('lets operators produce only when the config says so', () => {
    expect(can('operator', 'produce', { operatorsMayProduce: true })).toBe(true);
    expect(can('viewer', 'produce', { operatorsMayProduce: true })).toBe(false);
  });
});

// bcrypt at the production cost takes a good part of a second per hash on a busy 2-core machine.
describe('passwords', { timeout: 30_000 }, () => {
  it('verifies the right password only, and answers an unknown user the same way', async () => {
    const hash = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
    expect(await verifyPassword('correct horse', null)).toBe(false);
  });

  it('refuses passwords over 72 bytes instead of truncating them', async () => {
    await expect(hashPassword('é'.repeat(37))).rejects.toBeInstanceOf(PasswordTooLongError);
    const hash = await hashPassword('a'.repeat(72));
    expect(await verifyPassword(`${'a'.repeat(72)}b`, hash)).toBe(false);
  });
});

describe('API tokens', () => {
  it('matches by SHA-256 and ignores disabled tokens', () => {
    const token = newApiToken();
    expect(token).toMatch(/^kc_[A-Za-z0-9_-]{43}$/);
    const entries = [
      { name: 'a', role: 'viewer' as const, sha256: sha256Hex(token), disabled: false },
      { name: 'b', role: 'admin' as const, sha256: sha256Hex('other'), disabled: true },
    ];
    expect(findApiToken(entries, token)?.name).toBe('a');
    expect(findApiToken(entries, 'other')).toBeNull();
    expect(findApiToken(entries, 'nothing')).toBeNull();
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('login limiter', () => {
  const fail = (limiter: ReturnType<typeof createLoginLimiter>, user: string, ip: string) => {
    const attempt = limiter.attempt(user, ip);
    if (!attempt.allowed) throw new Error('refused');
    attempt.finish(false);
  };

  it('allows five failures per user and address in 15 minutes, then waits the window out', () => {
    let now = 0;
    const limiter = createLoginLimiter(() => now);
    expect(limiterKey('Ada ', '10.0.0.1')).toBe(limiterKey('ada', '10.0.0.1'));
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      fail(limiter, 'Ada ', '10.0.0.1');
      now += 1000;
    }
    expect(limiter.attempt('ada', '10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: WINDOW_MS / 1000 - 5, reason: 'limited' });
    expect(limiter.attempt('ada', '10.0.0.2').allowed).toBe(true);
    now = WINDOW_MS + 1_000;
    expect(limiter.attempt('ada', '10.0.0.1').allowed).toBe(true);
  });

  it('limits a user across addresses: rotating X-Forwarded-For (or real addresses) does not open a way in', () => {
    const limiter = createLoginLimiter(() => 0);
    for (let i = 0; i < MAX_USER_FAILURES; i += 1) fail(limiter, 'ada', `10.0.0.${i}`);
    expect(limiter.attempt('ada', '192.0.2.1')).toMatchObject({ allowed: false, reason: 'limited' });
    expect(limiter.attempt('grace', '192.0.2.1').allowed).toBe(true);
  });

  it('reserves a place before the password is checked: parallel attempts count while they run', () => {
    const limiter = createLoginLimiter(() => 0);
    const attempts = Array.from({ length: 12 }, () => limiter.attempt('ada', '10.0.0.1'));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(MAX_FAILURES);
    for (const a of attempts) if (a.allowed) a.finish(false);
    expect(limiter.attempt('ada', '10.0.0.1').allowed).toBe(false);
  });

  it('counts by outcome: only an issued session clears the failures', () => {
    const limiter = createLoginLimiter(() => 0);
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) fail(limiter, 'ada', 'x');
    const success = limiter.attempt('ada', 'x');
    if (success.allowed) success.finish(true);
    for (let i = 0; i < MAX_FAILURES; i += 1) fail(limiter, 'ada', 'x');
    expect(limiter.attempt('ada', 'x').allowed).toBe(false);
  });

  it('never evicts a counter in its window: when full, new keys wait instead', () => {
    const limiter = createLoginLimiter(() => 0, 10);
    for (let i = 0; i < MAX_FAILURES; i += 1) fail(limiter, 'victim', 'x');
    for (let i = 0; i < 10; i += 1) {
      const junk = limiter.attempt(`junk-${i}`, 'y');
      if (junk.allowed) junk.finish(false);
    }
    expect(limiter.attempt('junk-new', 'z')).toMatchObject({ allowed: false, reason: 'busy' });
    expect(limiter.attempt('victim', 'x')).toMatchObject({ allowed: false, reason: 'limited' });
  });
});

describe('OIDC role mapping', () => {
  const oidc = {
    issuer: 'https://sso.example.com',
    clientId: 'c',
    clientSecret: 's',
    name: 'SSO',
    roleClaim: 'groups',
    roleMapping: { 'kafka-ops': 'operator', 'kafka-admins': 'admin', everyone: 'viewer' },
    disabledUsers: [],
    recheckSeconds: 300,
  } satisfies OidcConfig;

  it('takes the most powerful mapped role', () => {
    expect(roleFromClaims(oidc, { groups: ['everyone', 'kafka-admins', 'kafka-ops'] })).toBe('admin');
    expect(roleFromClaims(oidc, { groups: 'everyone kafka-ops' })).toBe('operator');
  });

  it('falls back to the default role, or refuses the login', () => {
    expect(roleFromClaims(oidc, { groups: ['other'] })).toBeNull();
    expect(roleFromClaims({ ...oidc, defaultRole: 'viewer' }, {})).toBe('viewer');
  });
});
