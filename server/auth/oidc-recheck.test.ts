import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentOidcRole } from '@/server/auth/oidc-recheck';
import type { OidcConfig } from '@/server/config/schema';

// A provider on loopback: discovery, and userinfo answering the groups of the token's user (401 for unknown tokens).
const groups: Record<string, string[]> = { 'token-olga': ['kafka-ops'] };
let userinfoCalls = 0;
let server: Server;
let oidc: OidcConfig;

beforeAll(async () => {
  server = createServer((request, response) => {
    const { port } = server.address() as AddressInfo;
    if (request.url === '/.well-known/openid-configuration') {
      response.end(JSON.stringify({ issuer: `http://127.0.0.1:${port}`, userinfo_endpoint: `http://127.0.0.1:${port}/me` }));
      return;
    }
    userinfoCalls += 1;
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!(token in groups)) {
      response.statusCode = 401;
      response.end();
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ sub: token, groups: groups[token] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  oidc = {
    issuer: `http://127.0.0.1:${port}`,
    clientId: 'c',
    clientSecret: 's',
    name: 'SSO',
    roleClaim: 'groups',
    roleMapping: { 'kafka-ops': 'operator', 'kafka-admins': 'admin' },
    disabledUsers: [],
    recheckSeconds: 60,
  };
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('an SSO role at most recheckSeconds old', () => {
  it('keeps the login role while it is fresh, without asking the provider', async () => {
    const before = userinfoCalls;
    expect(await currentOidcRole(oidc, { accessToken: 'token-olga', role: 'viewer', checkedAt: Date.now() - 59_000 })).toBe('viewer');
    expect(userinfoCalls).toBe(before);
  });

  it('asks the provider once for a stale session, however many requests arrive, and applies its answer', async () => {
    groups['token-olga'] = ['kafka-admins'];
    const before = userinfoCalls;
    const stale = { accessToken: 'token-olga', role: 'operator' as const, checkedAt: Date.now() - 61_000 };
    const roles = await Promise.all(Array.from({ length: 10 }, () => currentOidcRole(oidc, stale)));
    expect(roles).toEqual(Array(10).fill('admin'));
    expect(userinfoCalls).toBe(before + 1);
    // Remembered for the period.
    expect(await currentOidcRole(oidc, stale)).toBe('admin');
    expect(userinfoCalls).toBe(before + 1);
    // And asked again after it.
    groups['token-olga'] = [];
    expect(await currentOidcRole(oidc, stale, Date.now() + 61_000)).toBeNull();
    expect(userinfoCalls).toBe(before + 2);
  });

  it('ends the session when the token is refused, is missing, or the provider does not answer', async () => {
    const stale = Date.now() - 61_000;
    expect(await currentOidcRole(oidc, { accessToken: 'revoked', role: 'admin', checkedAt: stale })).toBeNull();
    expect(await currentOidcRole(oidc, { role: 'admin', checkedAt: stale })).toBeNull();
    expect(
      await currentOidcRole({ ...oidc, issuer: 'http://127.0.0.1:1' }, { accessToken: 'token-x', role: 'admin', checkedAt: stale }),
    ).toBeNull();
  });
});
