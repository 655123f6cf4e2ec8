// Command-line options of `npm run fixture:large`.
import { ArgsError, parseBrokers, readOptions } from '../cli-args';

export type Options = { brokers: string[]; clean: boolean; keepActive: boolean; help: boolean };

export const USAGE = `Usage: npm run fixture:large -- [--brokers host:port,...] [--keep-active] [--clean]

  --brokers <list>  bootstrap brokers (default: $KAFKA_BROKERS, else the dev cluster at KAFKA_PORT_OFFSET:
                    127.0.0.1:9092-9094 plus the offset)
  --keep-active     keep the active groups' consumers running until Ctrl-C / SIGTERM (otherwise they commit,
                    leave, and their groups are Empty like the others)
  --clean           delete the fixture's topics (fixture.tNNNN) and groups (fixture.gNNN, fixture.activeN)`;

/** The dev cluster's plaintext listeners (scripts/kafka/layout.mjs: 9092 + node index + KAFKA_PORT_OFFSET). */
export function devBrokers(env: Readonly<Record<string, string | undefined>>): string[] {
  const offset = Number.parseInt(env.KAFKA_PORT_OFFSET ?? '0', 10);
  if (!Number.isInteger(offset) || offset < 0)
    throw new ArgsError(`KAFKA_PORT_OFFSET must be a whole number, got ${env.KAFKA_PORT_OFFSET}`);
  return [0, 1, 2].map((i) => `127.0.0.1:${9092 + i + offset}`);
}

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Options {
  const values = readOptions(argv, {
    brokers: { type: 'string' },
    clean: { type: 'boolean', default: false },
    'keep-active': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const brokers =
    values.brokers !== undefined ? parseBrokers(values.brokers) : env.KAFKA_BROKERS ? parseBrokers(env.KAFKA_BROKERS) : devBrokers(env);
  if (values.clean && values['keep-active']) throw new ArgsError('--clean and --keep-active do not go together');
  return { brokers, clean: values.clean, keepActive: values['keep-active'], help: values.help };
}
