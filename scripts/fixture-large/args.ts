// Command-line options of `npm run fixture:large`.
export type Options = { brokers: string[]; clean: boolean; keepActive: boolean; help: boolean };

export const USAGE = `Usage: npm run fixture:large -- [--brokers host:port,...] [--keep-active] [--clean]

  --brokers <list>  bootstrap brokers (default: $KAFKA_BROKERS, else the dev cluster at KAFKA_PORT_OFFSET:
                    127.0.0.1:9092-9094 plus the offset)
  --keep-active     keep the active groups' consumers running until Ctrl-C / SIGTERM (otherwise they commit,
                    leave, and their groups are Empty like the others)
  --clean           delete the fixture's topics (fixture.tNNNN) and groups (fixture.gNNN, fixture.activeN)`;

export class ArgsError extends Error {
  override name = 'ArgsError';
}

export function parseBrokers(raw: string): string[] {
  const brokers = raw.split(',').map((b) => b.trim()).filter((b) => b !== '');
  const bad = brokers.find((b) => !/^[^\s:]+:\d{1,5}$/.test(b));
  if (brokers.length === 0 || bad !== undefined) throw new ArgsError(`--brokers needs host:port[,host:port...], got "${raw}"`);
  return brokers;
}

/** The dev cluster's plaintext listeners (scripts/kafka/layout.mjs: 9092 + node index + KAFKA_PORT_OFFSET). */
export function devBrokers(env: Readonly<Record<string, string | undefined>>): string[] {
  const offset = Number.parseInt(env.KAFKA_PORT_OFFSET ?? '0', 10);
  if (!Number.isInteger(offset) || offset < 0) throw new ArgsError(`KAFKA_PORT_OFFSET must be a whole number, got ${env.KAFKA_PORT_OFFSET}`);
  return [0, 1, 2].map((i) => `127.0.0.1:${9092 + i + offset}`);
}

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Options {
  const options: Options = {
    brokers: env.KAFKA_BROKERS ? parseBrokers(env.KAFKA_BROKERS) : devBrokers(env),
    clean: false,
    keepActive: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (flag) {
      case '--brokers':
        options.brokers = parseBrokers(inline ?? argv[++i] ?? '');
        break;
      case '--clean':
        options.clean = true;
        break;
      case '--keep-active':
        options.keepActive = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new ArgsError(`unknown argument "${arg}"`);
    }
  }
  if (options.clean && options.keepActive) throw new ArgsError('--clean and --keep-active do not go together');
  return options;
}
