// `npm run console -- <command>`: helpers for the console's configuration.
//   hash-password            reads a password (prompted, or from stdin) and prints its bcrypt hash
//   token create --name N --role admin|operator|viewer [--clusters a,b]
//                            prints a new API token once, and the config entry that stores only its SHA-256
import { createInterface } from 'node:readline';
import { roleSchema } from '@/lib/schemas/auth';
import { MAX_PASSWORD_BYTES, hashPassword } from '@/server/auth/passwords';
import { newApiToken, sha256Hex } from '@/server/auth/tokens';

function fail(message: string): never {
  console.error(`console: ${message}`);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: readline echoes through _writeToOutput.
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let prompting = true;
  output._writeToOutput = (s) => {
    if (!prompting) output.output.write(s);
  };
  process.stdout.write('Password: ');
  const password = await new Promise<string>((resolve) => rl.question('', resolve));
  prompting = false;
  rl.close();
  process.stdout.write('\n');
  return password;
}

function option(args: string[], name: string) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]) {
  const [command, sub] = args;
  if (command === 'hash-password') {
    const password = await readPassword();
    if (password.length < 8) fail('use at least 8 characters');
    if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) fail(`passwords are limited to ${MAX_PASSWORD_BYTES} bytes (bcrypt)`);
    console.log(await hashPassword(password));
    return;
  }
  if (command === 'token' && sub === 'create') {
    const name = option(args, 'name') ?? fail('--name is required');
    const role = roleSchema.safeParse(option(args, 'role'));
    if (!role.success) fail('--role must be admin, operator or viewer');
    const clusters = option(args, 'clusters')?.split(',').filter(Boolean);
    const token = newApiToken();
    console.log(`Token (shown once; send it as "Authorization: Bearer <token>"):\n  ${token}\n`);
    console.log('Add to "auth.apiTokens" in the console config:');
    console.log(`  ${JSON.stringify({ name, role: role.data, sha256: sha256Hex(token), ...(clusters ? { clusters } : {}) })}`);
    return;
  }
  fail('usage: npm run console -- hash-password | token create --name NAME --role admin|operator|viewer [--clusters a,b]');
}

await main(process.argv.slice(2));
