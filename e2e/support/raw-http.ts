import http from 'node:http';

export type RawResponse = { status: number; contentType: string; text: string; ms: number };

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/**
 * One request with its path sent byte for byte as given: no URL parser in between to resolve `..`, re-encode `%`
 * or reject what a browser would fix, as a script or an attacker sends it.
 */
export function rawRequest(
  base: string,
  { method, path, headers = {}, body }: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: hostname,
        port,
        method,
        path,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
