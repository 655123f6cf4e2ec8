import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/server/auth/options';
import { handleCredentialsLogin } from '@/server/auth/login-route';

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request: options read the configuration as it is now, and AUTH_SECRET is not needed at build time.
const nextAuth = (request: NextRequest, context: Context) => NextAuth(request, context, authOptions());

export const GET = nextAuth;
export async function POST(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join('/') === 'callback/credentials') return handleCredentialsLogin(request, () => nextAuth(request, context));
  return nextAuth(request, context);
}
