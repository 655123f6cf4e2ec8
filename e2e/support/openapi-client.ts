import { expect, type APIRequestContext } from '@playwright/test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type MediaType = { schema: Record<string, unknown> };
type OperationObject = { responses: Record<string, { content?: Record<string, MediaType> }> };
export type OpenApiDocument = {
  paths: Record<string, Partial<Record<Method, OperationObject>>>;
  components: { schemas: Record<string, unknown> };
};

/**
 * Calls the console's API as its OpenAPI document describes it: each call names an operation (method and path
 * template), must get the operation's documented success status, in one of its documented media types, with a body
 * the documented schema accepts. Remembers which operations it has called.
 */
export class DocumentedApi {
  readonly called = new Set<string>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

  constructor(
    private readonly request: APIRequestContext,
    private readonly document: OpenApiDocument,
    private readonly origin: string,
  ) {}

  /** Every operation of the document, as "GET /api/v1/…". */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
  }

  async call<T = unknown>(
    method: Method,
    template: string,
    params: Record<string, string | number> = {},
    { query, body }: { query?: Record<string, string>; body?: unknown } = {},
  ): Promise<T> {
    const { name, operation, response, text } = await this.send(method, template, params, { query, body });
    const [status, documented] = Object.entries(operation.responses).find(([code]) => code.startsWith('2'))!;
    expect(response.status(), `${name}: ${text.slice(0, 500)}`).toBe(Number(status));
    const mediaType = (response.headers()['content-type'] ?? '').split(';')[0]!.trim();
    const content = documented.content ?? {};
    expect(Object.keys(content), `${name} answered ${mediaType}`).toContain(mediaType);
    this.called.add(name);
    if (mediaType !== 'application/json') return text as T;
    const value = JSON.parse(text) as T;
    const validate = this.validator(`${name} ${mediaType}`, content[mediaType]!.schema);
    expect(validate(value) ? [] : validate.errors, `${name}: the answer matches its documented schema`).toEqual([]);
    return value;
  }

  /**
   * An operation that cannot succeed on the e2e cluster (a quorum change needs a dynamic quorum, the cluster's is
   * static): it must answer the documented error `status` with a body of the documented error schema.
   */
  async refused(
    method: Method,
    template: string,
    status: number,
    params: Record<string, string | number> = {},
    { query, body }: { query?: Record<string, string>; body?: unknown } = {},
  ): Promise<{ error: { code: string; message: string } }> {
    const { name, operation, response, text } = await this.send(method, template, params, { query, body });
    expect(response.status(), `${name}: ${text.slice(0, 500)}`).toBe(status);
    const documented = operation.responses[String(status)];
    expect(documented, `${name} documents ${status}`).toBeDefined();
    this.called.add(name);
    const value = JSON.parse(text) as { error: { code: string; message: string } };
    const validate = this.validator(`${name} ${status}`, documented!.content!['application/json']!.schema);
    expect(validate(value) ? [] : validate.errors, `${name}: the error matches its documented schema`).toEqual([]);
    return value;
  }

  private async send(
    method: Method,
    template: string,
    params: Record<string, string | number>,
    { query, body }: { query?: Record<string, string>; body?: unknown },
  ) {
    const operation = this.document.paths[template]?.[method];
    const name = `${method.toUpperCase()} ${template}`;
    expect(operation, `${name} is documented`).toBeDefined();
    const path = template.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String(params[key] ?? `missing-${key}`)));
    const url = query ? `${path}?${new URLSearchParams(query)}` : path;
    const response = await this.request.fetch(url, {
      method: method.toUpperCase(),
      headers: { origin: this.origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    return { name, operation: operation!, response, text: await response.text() };
  }

  /** The schema with the document's components beside it, so its "#/components/schemas/…" references resolve. */
  private validator(key: string, schema: Record<string, unknown>): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ ...schema, components: this.document.components });
      this.validators.set(key, validate);
    }
    return validate;
  }
}
