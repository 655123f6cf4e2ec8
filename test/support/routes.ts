// Calls route handlers the way Next does (Request in, Response out), so integration tests cover the
// route wrapper, authorization, the server functions and Kafka together without a running web server.
import { TEST_TOKENS, bearer } from './auth';

type Handler<P> = (request: Request, context?: { params?: Promise<P> }) => Promise<Response>;

export async function callRoute<P extends Record<string, string>>(
  handler: Handler<P>,
  path: string,
  params: P,
  { token = TEST_TOKENS.viewer as string | null, init = {} as RequestInit } = {},
) {
  const headers = new Headers(init.headers);
  if (token) for (const [k, v] of Object.entries(bearer(token))) headers.set(k, v);
  const response = await handler(new Request(`http://localhost${path}`, { ...init, headers }), { params: Promise.resolve(params) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV and other non-JSON answers stay text.
  }
  return { status: response.status, body, text, headers: response.headers };
}
