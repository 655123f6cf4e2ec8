// `npm start`: the production console, served by Next's request handler inside a small Node HTTP server, so the
// app learns each request's socket address. `next start` keeps a client-sent X-Forwarded-For and exposes no socket
// address, which would let any client choose the address its logins are limited and audited under. The address
// travels in one header with a random per-process token (set here, in this process's environment), so a client
// cannot forge it. PORT (default 3000) and HOSTNAME (default 0.0.0.0) choose where it listens.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const token = randomBytes(24).toString('hex');
process.env.CONSOLE_PEER_TOKEN = token;
process.env.NODE_ENV = 'production';

const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  // Always set, never passed through: whatever a client sent under this name is replaced.
  request.headers['x-console-peer'] = `${token} ${request.socket.remoteAddress ?? ''}`;
  handle(request, response).catch((error) => {
    console.error(`kafka-console: request failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
server.listen(port, hostname, () => console.log(`kafka-console: listening on http://${hostname}:${port}`));
// Open streams (scans, live tails) do not hold the exit up for long.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}
