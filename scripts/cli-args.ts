// Command-line options of the npm scripts: node:util's parseArgs, strict (an unknown option, a missing value or a
// value that looks like an option is an error), its errors as ArgsError so each script prints its usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export class ArgsError extends Error {
  override name = 'ArgsError';
}

export function readOptions<const T extends OptionsConfig>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ArgsError(error instanceof Error ? error.message : String(error));
  }
}

export function parseBrokers(raw: string): string[] {
  const brokers = raw
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const bad = brokers.find((b) => !/^[^\s:]+:\d{1,5}$/.test(b));
  if (brokers.length === 0 || bad !== undefined) throw new ArgsError(`--brokers needs host:port[,host:port...], got "${raw}"`);
  return brokers;
}
