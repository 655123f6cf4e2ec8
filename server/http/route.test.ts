import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from '@/lib/errors';
import { ok } from '@/server/http/responses';
import { route } from '@/server/http/route';

const call = async (handler: ReturnType<typeof route>, init?: RequestInit, params: Record<string, string> = {}) => {
  const response = await handler(new Request('http://localhost/api/v1/x', init), { params: Promise.resolve(params) });
  return { status: response.status, body: await response.json(), headers: response.headers };
};

describe('route wrapper', () => {
  it('passes the parsed body and answers without caching', async () => {
    const handler = route({ name: 't', permission: 'public' }, async ({ body }) => ok({ echo: body }));
    const { status, body, headers } = await call(handler, { method: 'POST', body: '{"a":1}' });
    expect(status).toBe(200);
    expect(body).toEqual({ echo: { a: 1 } });
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('answers malformed JSON with 400 VALIDATION', async () => {
    const handler = route({ name: 't', permission: 'public' }, async () => ok({}));
    expect(await call(handler, { method: 'POST', body: '{nope' })).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION', message: 'The request body is not valid JSON' } },
    });
  });

  it('turns schema failures into 422 with fieldErrors by path', async () => {
    const input = z.object({ name: z.string().min(1), partitions: z.number().int().min(1) });
    const handler = route({ name: 't', permission: 'public' }, async ({ body }) => ok(input.parse(body)));
    const { status, body } = await call(handler, { method: 'POST', body: '{"name":"","partitions":0}' });
    expect(status).toBe(422);
    expect(body.error.code).toBe('VALIDATION');
    expect(Object.keys(body.error.fieldErrors)).toEqual(['name', 'partitions']);
  });

  it('answers 404 for an unknown cluster before the handler runs', async () => {
    const handler = vi.fn(async () => ok({}));
    const { status, body } = await call(route({ name: 't', permission: 'public' }, handler), undefined, { clusterId: 'nope' });
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 404 for a topic whose name Kafka would refuse (too long, illegal characters) before the handler runs', async () => {
    const handler = vi.fn(async () => ok({}));
    for (const topic of ['x'.repeat(250), 'a b', '..']) {
      const { status, body } = await call(route({ name: 't', permission: 'public' }, handler), undefined, { topic });
      expect(status).toBe(404);
      expect(body.error.code).toBe('NOT_FOUND');
    }
    expect(handler).not.toHaveBeenCalled();
    expect((await call(route({ name: 't', permission: 'public' }, handler), undefined, { topic: 'x'.repeat(249) })).status).toBe(200);
  });

  it('keeps ApiErrors and hides unexpected ones behind a fixed 500, logging them on the server only', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(
      await call(route({ name: 't', permission: 'public' }, async () => Promise.reject(new ApiError('CONFLICT', 'exists')))),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT', message: 'exists' } },
    });
    const crashed = await call(route({ name: 't', permission: 'public' }, async () => Promise.reject(new Error('password=hunter2'))));
    expect(crashed).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error' } } });
    expect(JSON.stringify(crashed.body)).not.toContain('hunter2');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
