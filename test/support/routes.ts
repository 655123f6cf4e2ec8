// Calls route handlers the way Next does (Request in, Response out), so integration tests cover the
// route wrapper, the server functions and Kafka together without a running web server.
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export async function callRoute<P extends Record<string, string>>(handler: Handler<P>, path: string, params: P, init?: RequestInit) {
  const response = await handler(new Request(`http://localhost${path}`, init), { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as unknown };
}
