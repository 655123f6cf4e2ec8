// Command-line options: --duration <s>, --brokers host:port,..., --rate <multiplier>, --help.
import { ArgsError, parseBrokers, readOptions } from '../cli-args';

export type Options = { brokers: string[]; durationSec: number | null; rate: number; help: boolean };

export const DEFAULT_BROKERS = '127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094';

export const USAGE = `Usage: npm run demo:traffic -- [--duration <seconds>] [--brokers host:port,...] [--rate <multiplier>]

  --duration <s>   stop by itself after s seconds (default: run until Ctrl-C / SIGTERM)
  --brokers <list> bootstrap brokers (default: $KAFKA_BROKERS or ${DEFAULT_BROKERS})
  --rate <x>       scale all production and consumption rates (default 1)`;

function positiveNumber(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) throw new ArgsError(`${flag} needs a positive number, got "${raw}"`);
  return value;
}

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Options {
  const values = readOptions(argv, {
    duration: { type: 'string' },
    rate: { type: 'string' },
    brokers: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  return {
    brokers: parseBrokers(values.brokers ?? (env.KAFKA_BROKERS || DEFAULT_BROKERS)),
    durationSec: values.duration === undefined ? null : positiveNumber('--duration', values.duration),
    rate: values.rate === undefined ? 1 : positiveNumber('--rate', values.rate),
    help: values.help,
  };
}
