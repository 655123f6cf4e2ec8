import 'server-only';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getConfig } from '@/server/config/current';
import { verifyPassword } from '@/server/auth/passwords';
import { oidcProvider, roleFromClaims } from '@/server/auth/oidc';
import { SESSION_MAX_AGE_S, authSecret, type ConsoleToken } from '@/server/auth/session';
import { findUser } from '@/server/auth/users';

/**
 * next-auth (v4): password logins against the configured users, optional OIDC, JWT sessions of at most
 * 8 hours. Who may do what is decided per request by `authenticate`, from the configuration as it is then.
 */
export function authOptions(): AuthOptions {
  const { oidc } = getConfig().auth;
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Password',
        credentials: { username: { label: 'Username', type: 'text' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials) {
          const username = credentials?.username?.trim() ?? '';
          const user = username ? await findUser(username) : null;
          const valid = await verifyPassword(credentials?.password ?? '', user && !user.disabled ? user.passwordHash : null);
          return valid && user ? { id: user.username, name: user.username } : null;
        },
      }),
      ...(oidc ? [oidcProvider(oidc)] : []),
    ],
    callbacks: {
      /** Only this console's own pages: a callback resolved elsewhere (`/\t/evil.example`) goes to the base URL. */
      async redirect({ url, baseUrl }) {
        try {
          const target = new URL(url, baseUrl);
          return target.origin === new URL(baseUrl).origin ? target.toString() : baseUrl;
        } catch {
          return baseUrl;
        }
      },
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'oidc') return true;
        if (!oidc || oidc.disabledUsers.includes(user.name ?? user.id)) return false;
        return roleFromClaims(oidc, profile as Record<string, unknown> | undefined) !== null;
      },
      async jwt({ token, user, account, profile }) {
        const consoleToken = token as ConsoleToken;
        if (user) {
          consoleToken.username = user.name ?? user.id;
          consoleToken.loginAt = Date.now();
          if (account?.provider === 'oidc' && oidc) {
            consoleToken.oidcRole = roleFromClaims(oidc, profile as Record<string, unknown> | undefined) ?? undefined;
            consoleToken.oidcCheckedAt = consoleToken.loginAt;
            // Kept in the session (encrypted by next-auth) to ask the provider's userinfo endpoint again.
            consoleToken.oidcAccessToken = account.access_token;
          }
        }
        return consoleToken;
      },
    },
  };
}
