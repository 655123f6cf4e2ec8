import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/server/openapi/document';

const API_DIR = path.resolve(import.meta.dirname, '../../app/api');

/** Every route file under app/api with the HTTP methods it exports, as OpenAPI paths. */
function routeFiles() {
  const found: { path: string; methods: string[] }[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), [...segments, entry.name]);
      else if (entry.name === 'route.ts') {
        const source = readFileSync(path.join(dir, entry.name), 'utf8');
        const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
        found.push({ path: `/api/${segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`, methods });
      }
    }
  };
  walk(API_DIR, []);
  // The catch-all only answers 404 for paths that are not an API.
  return found.filter((r) => !r.path.includes('[...'));
}

describe('OpenAPI document', () => {
  const doc = openApiDocument();

  it('describes every route file and method', () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThanOrEqual(4);
    for (const { path: routePath, methods } of routes) {
      expect(methods.length, routePath).toBeGreaterThan(0);
      for (const method of methods) expect(doc.paths[routePath]?.[method], `${method.toUpperCase()} ${routePath}`).toBeDefined();
    }
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('resolves every $ref to a component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it('documents int64 values as strings and the error shape', () => {
    expect(doc.components.schemas).toHaveProperty('ErrorResponse');
    expect(doc.paths['/api/v1/clusters/{clusterId}/brokers']?.get).toMatchObject({
      parameters: [{ name: 'clusterId', in: 'path', required: true }],
    });
  });
});

describe('OpenAPI document in the production server', () => {
  it('is built from the schemas the operations use, not from the global registry (pages hold their own copies)', async () => {
    const { z } = await import('zod');
    // What a page bundle's copy of lib/schemas/configs.ts leaves in zod's global registry.
    z.object({ copy: z.string() }).meta({ id: 'ConfigEntry' });
    const doc = openApiDocument();
    expect(doc.components.schemas).toHaveProperty('ConfigEntry');
    expect(JSON.stringify(doc.components.schemas.ConfigEntry)).not.toContain('copy');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });
});
