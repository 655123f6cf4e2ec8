import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from '@/lib/errors';
import { endpoint, type Endpoint } from '@/server/api/endpoint';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

const PUBLIC = endpoint({
  name: 't',
  method: 'post',
  path: '/api/v1/x',
  summary: 'test',
  tag: 'test',
  permission: 'public',
  response: z.unknown(),
});
const publicEndpoint = <const E extends Partial<Endpoint>>(overrides: E) =>
  ({ ...PUBLIC, ...overrides }) as Omit<typeof PUBLIC, keyof E> & E;

const call = async (handler: ReturnType<typeof route>, init?: RequestInit, params: Record<string, string> = {}) => {
  const response = await handler(new Request('http://localhost/api/v1/x', init), { params: Promise.resolve(params) });
  return { status: response.status, body: await response.json(), headers: response.headers };
};

describe('route wrapper', () => {
  it('passes the parsed body and answers without caching', async () => {
    const handler = route(publicEndpoint({ body: z.object({ a: z.number() }) }), async ({ body }) => ok({ echo: body }));
    const { status, body, headers } = await call(handler, { method: 'POST', body: '{"a":1}' });
    expect(status).toBe(200);
    expect(body).toEqual({ echo: { a: 1 } });
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('answers malformed JSON with 400 VALIDATION', async () => {
    const handler = route(PUBLIC, async () => ok({}));
    expect(await call(handler, { method: 'POST', body: '{nope' })).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION', message: 'The request body is not valid JSON' } },
    });
  });

  it("parses the body by the endpoint's schema: failures are 422 with fieldErrors by path, before the handler runs", async () => {
    const handler = vi.fn(async () => ok({}));
    const input = z.object({ name: z.string().min(1), partitions: z.number().int().min(1) });
    const parsing = route(publicEndpoint({ body: input }), handler);
    const { status, body } = await call(parsing, { method: 'POST', body: '{"name":"","partitions":0}' });
    expect(status).toBe(422);
    expect(body.error.code).toBe('VALIDATION');
    expect(Object.keys(body.error.fieldErrors)).toEqual(['name', 'partitions']);
    // An empty body is an empty object: each missing field is named.
    expect(Object.keys((await call(parsing, { method: 'POST' })).body.error.fieldErrors)).toEqual(['name', 'partitions']);
    expect(handler).not.toHaveBeenCalled();
    const echo = route(publicEndpoint({ body: input.extend({ partitions: z.coerce.number() }) }), async ({ body: parsed }) => parsed);
    expect((await call(echo, { method: 'POST', body: '{"name":"a","partitions":"3","extra":1}' })).body).toEqual({
      name: 'a',
      partitions: 3,
    });
  });

  it("parses the query and the path parameters by the endpoint's schemas", async () => {
    const query = z.object({ limit: z.coerce.number().int().max(10).default(5) });
    const params = z.object({ brokerId: z.string().regex(/^\d+$/, 'a number') });
    const handler = route(publicEndpoint({ method: 'get', query, params }), async (args) => ({ query: args.query, params: args.params }));
    const get = (search: string, brokerId: string) =>
      handler(new Request(`http://localhost/api/v1/x${search}`), { params: Promise.resolve({ brokerId }) }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      }));
    expect(await get('', '1')).toEqual({ status: 200, body: { query: { limit: 5 }, params: { brokerId: '1' } } });
    expect(await get('?limit=7', '2')).toMatchObject({ body: { query: { limit: 7 } } });
    expect(await get('?limit=70', '2')).toMatchObject({ status: 422, body: { error: { fieldErrors: { limit: [expect.any(String)] } } } });
    expect(await get('', 'x')).toMatchObject({ status: 422, body: { error: { fieldErrors: { brokerId: ['a number'] } } } });
  });

  it("answers a handler's value as JSON with the endpoint's status, and a Response as it is", async () => {
    expect(
      (
        await call(
          route(publicEndpoint({ status: 201 }), async () => ({ id: 'a' })),
          { method: 'POST' },
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await call(
          route(publicEndpoint({ status: 202 }), async () => ({ id: 'a' })),
          { method: 'POST' },
        )
      ).status,
    ).toBe(202);
    const own = route(publicEndpoint({ status: 201 }), async () => Response.json({ own: true }, { status: 200 }));
    expect(await call(own, { method: 'POST' })).toMatchObject({ status: 200, body: { own: true } });
  });

  it('answers 404 for an unknown cluster before the handler runs', async () => {
    const handler = vi.fn(async () => ok({}));
    const { status, body } = await call(route(PUBLIC, handler), undefined, { clusterId: 'nope' });
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 404 for a topic whose name Kafka would refuse (too long, illegal characters) before the handler runs', async () => {
    const handler = vi.fn(async () => ok({}));
    for (const topic of ['x'.repeat(250), 'a b', '..']) {
      const { status, body } = await call(route(PUBLIC, handler), undefined, { topic });
      expect(status).toBe(404);
      expect(body.error.code).toBe('NOT_FOUND');
    }
    expect(handler).not.toHaveBeenCalled();
    expect((await call(route(PUBLIC, handler), undefined, { topic: 'x'.repeat(249) })).status).toBe(200);
  });

  it('keeps ApiErrors and hides unexpected ones behind a fixed 500, logging them on the server only', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await call(route(PUBLIC, async () => Promise.reject(new ApiError('CONFLICT', 'exists'))))).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT', message: 'exists' } },
    });
    const crashed = await call(route(PUBLIC, async () => Promise.reject(new Error('password=hunter2'))));
    expect(crashed).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error' } } });
    expect(JSON.stringify(crashed.body)).not.toContain('hunter2');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
