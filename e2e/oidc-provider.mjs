// A local OpenID Connect provider for the e2e run (oidc-provider's development login: any username, any
// password). Users' `groups` claim: "olga" is in kafka-ops, anybody else in no group, until a test changes it with
// PUT /e2e/groups/<user> and a JSON array (what an identity team does when someone changes teams).
import Provider from 'oidc-provider';

const PORT = Number(process.env.OIDC_PORT ?? 3200);
const CONSOLE = process.env.CONSOLE_URL ?? 'http://127.0.0.1:3100';
const GROUPS = { olga: ['kafka-ops'] };

const provider = new Provider(`http://127.0.0.1:${PORT}`, {
  clients: [
    {
      client_id: 'kafka-console-e2e',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'e2e-oidc-client-secret',
      redirect_uris: [`${CONSOLE}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], profile: ['preferred_username', 'groups'] },
  scopes: ['openid', 'profile', 'email'],
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, preferred_username: id, groups: GROUPS[id] ?? [] }),
  }),
  // Put the profile claims in the ID token: next-auth reads them from there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['e2e-only-cookie-key'] },
});
// Plain http on loopback for the test: allow it explicitly.
provider.proxy = false;
provider.use(async (ctx, next) => {
  const user = /^\/e2e\/groups\/([^/]+)$/.exec(ctx.path)?.[1];
  if (ctx.method !== 'PUT' || !user) return next();
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  GROUPS[decodeURIComponent(user)] = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  ctx.status = 204;
});
provider.listen(PORT, '127.0.0.1', () => console.log(`e2e OIDC provider on http://127.0.0.1:${PORT}`));
