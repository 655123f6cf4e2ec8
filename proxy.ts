import { NextResponse, type NextRequest } from 'next/server';

// Comfort only: pages without a session cookie are sent to /login before rendering. Every page and route
// handler still checks the principal itself (CVE-2025-29927: a proxy/middleware check alone can be skipped).
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];
const PUBLIC_PAGES = ['/login'];
// Not pages: route handlers outside /api/ that authenticate by bearer token (Prometheus sends no cookie).
const TOKEN_ROUTES = ['/metrics'];

function contentSecurityPolicy(nonce: string) {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    // No inline scripts: Next puts this nonce on its own; 'strict-dynamic' lets those load the chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Charts and React style attributes need inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Whether every path segment is valid percent-encoding (`%FF` or `%C0%AF` is not UTF-8: no name has it). */
function decodablePath(pathname: string) {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Next fails such a path with a bare 500 before any route runs: refuse it here as the bad input it is.
  if (!decodablePath(pathname)) {
    return NextResponse.json(
      {
        error: {
          code: 'VALIDATION',
          message: 'The path is not valid percent-encoded UTF-8',
          fieldErrors: { path: ['not valid percent-encoding'] },
        },
      },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const isPage = !pathname.startsWith('/api/') && !TOKEN_ROUTES.includes(pathname);
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  if (isPage && !hasSession && !PUBLIC_PAGES.includes(pathname)) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-console-path', `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Everything but Next's static files and the icons and manifest in public/ (a login page needs them too).
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|icon-\\d+\\.png|manifest\\.webmanifest).*)'],
};
