// A throwaway PostgreSQL for the database tests: a fresh cluster in a temp dir, listening on 127.0.0.1 only, on
// a free private port, with a random password (SCRAM over TCP; no Unix socket), fsync off (test data only).
//
//   eval "$(node scripts/postgres/test-server.mjs start)"   # exports TEST_DATABASE_URL and TEST_POSTGRES_DIR
//   node scripts/postgres/test-server.mjs start --json      # { url, dir, port } on stdout instead
//   node scripts/postgres/test-server.mjs stop [dir]        # stops it and removes dir (default $TEST_POSTGRES_DIR)
//
// The test runner can also import startTestPostgres() / stopTestPostgres(dir). PostgreSQL refuses to run as
// root: as root the server runs as the `postgres` OS user through runuser. Binaries: $PG_BIN, else the newest
// /usr/lib/postgresql/<version>/bin (Debian's layout), else initdb/pg_ctl on the PATH.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = '.console-test-postgres';
const DATABASE = 'console_test';
const SUPERUSER = 'postgres';
const COMMAND_TIMEOUT_MS = 60_000;

function findBinDir() {
  // An explicit PG_BIN is used alone: a wrong one is an error, not a reason to pick another version.
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : [];
  const debian = '/usr/lib/postgresql';
  if (!process.env.PG_BIN && existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  if (!process.env.PG_BIN) candidates.push(...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  const binDir = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (!binDir) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) not found: install them with `apt-get install postgresql` ' +
        '(or set PG_BIN to the directory that holds them)',
    );
  }
  return binDir;
}

const isRoot = () => process.getuid?.() === 0;

/** The uid and gid of the `postgres` OS user, which runs the server when we are root. */
function postgresUser() {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${SUPERUSER}:`));
  if (!line)
    throw new Error('running as root, but there is no `postgres` OS user to run the server as (apt-get install postgresql creates it)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs a server binary, as the postgres OS user when we are root; throws with its output on failure. */
function runServerTool(binDir, tool, args, { allowFailure = false } = {}) {
  const binary = path.join(binDir, tool);
  const [command, argv] = isRoot() ? ['runuser', ['-u', SUPERUSER, '--', binary, ...args]] : [binary, args];
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: COMMAND_TIMEOUT_MS, cwd: os.tmpdir() });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  if (result.status !== 0 && !allowFailure) throw new Error(`${tool} ${args.join(' ')} failed:\n${output.trim()}`);
  return { ok: result.status === 0, output };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function logTail(dir) {
  const log = path.join(dir, 'server.log');
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '(no server log)';
}

/** Starts a fresh server; resolves to { url, dir, port }. */
export async function startTestPostgres() {
  const binDir = findBinDir();
  const owner = isRoot() ? postgresUser() : null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'console-pg-'));
  writeFileSync(path.join(dir, MARKER), 'a throwaway PostgreSQL for tests (scripts/postgres/test-server.mjs)\n');
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) for (const file of [dir, pwfile]) chownSync(file, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  try {
    runServerTool(binDir, 'initdb', [
      '-D',
      data,
      '-U',
      SUPERUSER,
      `--pwfile=${pwfile}`,
      '--auth-host=scram-sha-256',
      '--auth-local=reject',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    rmSync(pwfile, { force: true });
    // A port found free can be taken before the server binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = [
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        "-c unix_socket_directories=''",
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=50',
      ].join(' ');
      const started = runServerTool(
        binDir,
        'pg_ctl',
        ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '30', 'start'],
        {
          allowFailure: true,
        },
      );
      if (started.ok) {
        await createDatabase(port, password);
        const url = `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${DATABASE}`;
        return { url, dir, port };
      }
      if (attempt >= 3) throw new Error(`pg_ctl start failed:\n${started.output.trim()}\n${logTail(dir)}`);
    }
  } catch (error) {
    stopTestPostgres(dir);
    throw error;
  }
}

/** CREATE DATABASE through node-postgres (no client binaries needed). */
async function createDatabase(port, password) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    password,
    database: 'postgres',
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/** Stops the server started in `dir` (if it runs) and removes `dir`; only dirs this script created. */
export function stopTestPostgres(dir) {
  if (!dir || !existsSync(path.join(dir, MARKER))) {
    throw new Error(`${dir ?? '(no dir)'} is not a test PostgreSQL directory made by this script (no ${MARKER})`);
  }
  const data = path.join(dir, 'data');
  if (existsSync(path.join(data, 'postmaster.pid'))) {
    runServerTool(findBinDir(), 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop'], { allowFailure: true });
  }
  rmSync(dir, { recursive: true, force: true });
}

const shellQuote = (value) => `'${String(value).replace(/'/g, `'\\''`)}'`;

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'start') {
    const server = await startTestPostgres();
    if (rest.includes('--json')) {
      console.log(JSON.stringify(server));
    } else {
      console.log(`export TEST_DATABASE_URL=${shellQuote(server.url)}`);
      console.log(`export TEST_POSTGRES_DIR=${shellQuote(server.dir)}`);
    }
    console.error(
      `test PostgreSQL on 127.0.0.1:${server.port} (data in ${server.dir}); stop with: node scripts/postgres/test-server.mjs stop ${server.dir}`,
    );
  } else if (command === 'stop') {
    stopTestPostgres(rest[0] ?? process.env.TEST_POSTGRES_DIR);
  } else {
    throw new Error('usage: node scripts/postgres/test-server.mjs start [--json] | stop [dir]');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`test-server: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
