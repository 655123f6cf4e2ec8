import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_TABLE } from '@/server/api/route-table';
import type { RouteHandler } from '@/server/http/route';
import { routeFiles, templateOf } from '@/test/support/route-files';

/** Served by Auth.js (sign-in), and the catch-all that answers unknown API paths: not operations of the API. */
const NOT_OPERATIONS = ['/api/auth/[...nextauth]', '/api/[...path]'];

describe('the route table', () => {
  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'route-table-'));
    writeFileSync(path.join(dir, 'console.json'), JSON.stringify({ clusters: [{ id: 'local', name: 'Local', brokers: ['127.0.0.1:1'] }] }));
    process.env.CONSOLE_CONFIG = path.join(dir, 'console.json');
    process.env.CONSOLE_DATA_DIR = path.join(dir, 'data');
  });

  it('is the route files: each exported handler serves its own endpoint, at the path where its file sits', async () => {
    const served: string[] = [];
    for (const { urlPath, file, methods } of routeFiles().filter((r) => !NOT_OPERATIONS.includes(r.urlPath))) {
      const mod = (await import(file)) as Record<string, RouteHandler>;
      for (const method of methods) {
        const { endpoint } = mod[method]!;
        expect(endpoint, `${method} ${urlPath} goes through route()`).toBeDefined();
        expect(`${endpoint.method.toUpperCase()} ${endpoint.path}`, `${method} ${urlPath}`).toBe(`${method} ${templateOf(urlPath)}`);
        served.push(endpoint.name);
      }
    }
    expect(served.sort()).toEqual(ROUTE_TABLE.map((e) => e.name).sort());
  });

  it('names each operation once (the audit log tells them apart by name)', () => {
    expect(new Set(ROUTE_TABLE.map((e) => e.name)).size).toBe(ROUTE_TABLE.length);
    expect(new Set(ROUTE_TABLE.map((e) => `${e.method} ${e.path}`)).size).toBe(ROUTE_TABLE.length);
  });

  it("audits a change against one of its path's parameters, and reads of record contents only", () => {
    for (const { name, path: template, audit, method } of ROUTE_TABLE) {
      if (audit?.target) expect(template, name).toContain(`{${audit.target}}`);
      if (audit?.reads) expect(method, name).toBe('get');
      if (audit?.summary) expect(method, name).not.toBe('get');
    }
  });

  it('gives every write with a path parameter an audit target', () => {
    const writes = ROUTE_TABLE.filter((e) => e.method !== 'get' && e.permission !== 'read' && e.path.includes('{'));
    expect(writes.length).toBeGreaterThan(15);
    for (const { name, audit } of writes) expect(audit?.target, name).toBeDefined();
  });
});
