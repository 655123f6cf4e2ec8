import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeFiles } from '@/test/support/route-files';

/** The explicit public allow-list (besides /login and static assets, which are pages). */
const PUBLIC = new Set(['/api/health', '/api/auth/[...nextauth]']);

function paramsFor(urlPath: string) {
  const params: Record<string, string | string[]> = {};
  for (const [, catchAll, name] of urlPath.matchAll(/\[(\.\.\.)?(\w+)\]/g)) params[name!] = catchAll ? ['anything'] : 'local';
  return params;
}

describe('every API route refuses requests without credentials', () => {
  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'route-files-'));
    const config = path.join(dir, 'console.json');
    writeFileSync(config, JSON.stringify({ clusters: [{ id: 'local', name: 'Local', brokers: ['127.0.0.1:1'] }] }));
    process.env.CONSOLE_CONFIG = config;
    process.env.CONSOLE_DATA_DIR = path.join(dir, 'data');
    process.env.AUTH_SECRET = 'route-files-test-secret-of-at-least-32-bytes';
  });

  const routes = routeFiles();

  it('finds the route files', () => {
    expect(routes.map((r) => r.urlPath)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/clusters', '/api/v1/clusters/[clusterId]/brokers', '/api/v1/audit']),
    );
    for (const r of routes) expect(r.methods.length, r.urlPath).toBeGreaterThan(0);
  });

  for (const { urlPath, file, methods } of routes.filter((r) => !PUBLIC.has(r.urlPath))) {
    for (const method of methods) {
      it(`${method} ${urlPath} → 401, also with x-middleware-subrequest`, async () => {
        const mod = (await import(file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
        const url = `http://localhost${urlPath.replace(/\[(\.\.\.)?\w+\]/g, 'local')}`;
        const variants: Record<string, string>[] = [
          {},
          { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
        ];
        for (const headers of variants) {
          const body = method === 'GET' ? undefined : '{}';
          const response = await mod[method]!(new Request(url, { method, headers, body }), { params: Promise.resolve(paramsFor(urlPath)) });
          expect(response.status).toBe(401);
          expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
        }
      });
    }
  }

  it('keeps the public allow-list to health and the sign-in endpoints', async () => {
    const { GET } = await import('@/app/api/health/route');
    expect((await GET(new Request('http://localhost/api/health'))).status).toBe(200);
    expect([...PUBLIC]).toEqual(['/api/health', '/api/auth/[...nextauth]']);
  });
});
