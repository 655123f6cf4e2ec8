// Command-line options: --duration <s>, --brokers host:port,..., --rate <multiplier>, --help.
export type Options = { brokers: string[]; durationSec: number | null; rate: number; help: boolean };

export const DEFAULT_BROKERS = '127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094';

export const USAGE = `Usage: npm run demo:traffic -- [--duration <seconds>] [--brokers host:port,...] [--rate <multiplier>]

  --duration <s>   stop by itself after s seconds (default: run until Ctrl-C / SIGTERM)
  --brokers <list> bootstrap brokers (default: $KAFKA_BROKERS or ${DEFAULT_BROKERS})
  --rate <x>       scale all production and consumption rates (default 1)`;

export class ArgsError extends Error {
  override name = 'ArgsError';
}

function positiveNumber(flag: string, raw: string | undefined): number {
  const value = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new ArgsError(`${flag} needs a positive number, got ${raw === undefined ? 'nothing' : `"${raw}"`}`);
  }
  return value;
}

export function parseBrokers(raw: string): string[] {
  const brokers = raw.split(',').map((b) => b.trim()).filter((b) => b !== '');
  const bad = brokers.find((b) => !/^[^\s:]+:\d{1,5}$/.test(b));
  if (brokers.length === 0 || bad !== undefined) throw new ArgsError(`--brokers needs host:port[,host:port...], got "${raw}"`);
  return brokers;
}

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Options {
  const options: Options = { brokers: parseBrokers(env.KAFKA_BROKERS || DEFAULT_BROKERS), durationSec: null, rate: 1, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // Accept both "--flag value" and "--flag=value".
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--duration':
        options.durationSec = positiveNumber(flag, value());
        break;
      case '--rate':
        options.rate = positiveNumber(flag, value());
        break;
      case '--brokers':
        options.brokers = parseBrokers(value() ?? '');
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new ArgsError(`unknown argument "${arg}"`);
    }
  }
  return options;
}
