// Command-line options of `npm run bench`.
export type Options = { clusterId: string; runs: number; coldRuns: number; cliRuns: number; messagesRecords: number; only: 'messages' | null; out: string; help: boolean };

export const USAGE = `Usage: npm run bench -- [--cluster <id>] [--runs <n>] [--cold-runs <n>] [--out <file>]

  --cluster <id>     console cluster id (default: local; clusters come from CONSOLE_CONFIG, else the dev cluster)
  --runs <n>         warm calls per measurement, the median is reported (default 7)
  --cold-runs <n>    fresh processes per view for the cold numbers, the median is reported (default 3; 0 skips)
  --cli-runs <n>     runs of kafka-consumer-groups --describe --all-groups (and kcat | jq) to compare with (default 1; 0 skips)
  --messages-records <n>  records of the messages benchmark topic, made once (default 1000000; 0 skips the section)
  --only messages    only the messages section (it needs no large fixture)
  --out <file>       where the JSON goes besides stdout (default test-results/bench.json)`;

export class ArgsError extends Error {
  override name = 'ArgsError';
}

function count(flag: string, raw: string | undefined, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ArgsError(`${flag} needs a whole number ≥ ${min}, got "${raw ?? ''}"`);
  return value;
}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { clusterId: 'local', runs: 7, coldRuns: 3, cliRuns: 1, messagesRecords: 1_000_000, only: null, out: 'test-results/bench.json', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--cluster':
        options.clusterId = value() ?? '';
        if (!options.clusterId) throw new ArgsError('--cluster needs a cluster id');
        break;
      case '--runs':
        options.runs = count(flag, value(), 1);
        break;
      case '--cold-runs':
        options.coldRuns = count(flag, value(), 0);
        break;
      case '--cli-runs':
        options.cliRuns = count(flag, value(), 0);
        break;
      case '--messages-records':
        options.messagesRecords = count(flag, value(), 0);
        break;
      case '--only': {
        const section = value();
        if (section !== 'messages') throw new ArgsError(`--only takes "messages", got "${section ?? ''}"`);
        options.only = section;
        break;
      }
      case '--out':
        options.out = value() ?? '';
        if (!options.out) throw new ArgsError('--out needs a file name');
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
