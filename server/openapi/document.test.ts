import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { ROUTE_TABLE } from '@/server/api/route-table';
import { openApiDocument } from '@/server/openapi/document';

describe('OpenAPI document', () => {
  const doc = openApiDocument();

  it('describes every operation of the route table (which the route files are held to)', () => {
    expect(ROUTE_TABLE.length).toBeGreaterThan(40);
    for (const { method, path } of ROUTE_TABLE) expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    const documented = Object.values(doc.paths).flatMap((methods) => Object.keys(methods));
    expect(documented).toHaveLength(ROUTE_TABLE.length);
  });

  it("documents each operation's inputs, permission and the errors the route wrapper can answer", () => {
    const alterBroker = doc.paths['/api/v1/clusters/{clusterId}/brokers/{brokerId}/configs']?.patch as Record<string, unknown>;
    expect(alterBroker).toMatchObject({ 'x-permission': 'manageTopics', requestBody: { required: true } });
    expect(Object.keys(alterBroker.responses as object).sort()).toEqual(['200', '400', '401', '403', '404', '422', '500', '502', '503']);
    const brokerMetrics = doc.paths['/api/v1/clusters/{clusterId}/metrics/brokers/{brokerId}']?.get as { parameters: unknown[] };
    expect(brokerMetrics.parameters).toContainEqual({
      name: 'brokerId',
      in: 'path',
      required: true,
      schema: { type: 'string', pattern: '^\\d{1,9}$' },
    });
    expect(brokerMetrics.parameters).toContainEqual(expect.objectContaining({ name: 'points', in: 'query', required: false }));
    expect(doc.paths['/api/health']?.get).toMatchObject({ security: [], 'x-permission': 'public' });
    expect(Object.keys((doc.paths['/api/health']?.get as { responses: object }).responses)).toEqual(['200']);
    expect(Object.keys((doc.paths['/api/v1/clusters']?.get as { responses: object }).responses).sort()).toEqual(['200', '401', '500']);
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
