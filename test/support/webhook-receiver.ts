// A webhook receiver on loopback for the alert tests: records every POST by path, and answers 500 to the next
// `failNext(path, n)` requests of a path (to see deliveries retried).
import http from 'node:http';

export const TEST_WEBHOOK_PORT = 39_123;
export const TEST_WEBHOOK_BASE = `http://127.0.0.1:${TEST_WEBHOOK_PORT}`;

export type Received = { path: string; body: unknown; at: number };

export async function startWebhookReceiver() {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const left = failures.get(path) ?? 0;
      if (left > 0) {
        failures.set(path, left - 1);
        response.writeHead(500).end('receiver told to fail');
        return;
      }
      received.push({ path, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), at: Date.now() });
      // What DingTalk, WeCom and Feishu answer when they take a message; generic and Slack only look at the status.
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(path === '/feishu' ? '{"code":0,"msg":"success"}' : '{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(TEST_WEBHOOK_PORT, '127.0.0.1', () => resolve());
  });
  return {
    received,
    failNext: (path: string, times: number) => failures.set(path, times),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
