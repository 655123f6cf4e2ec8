// Command-line options of `npm run bench`.
import { ArgsError, readOptions } from '../cli-args';

export type Options = {
  clusterId: string;
  runs: number;
  coldRuns: number;
  cliRuns: number;
  messagesRecords: number;
  only: 'messages' | 'groups' | null;
  out: string;
  help: boolean;
};

export const USAGE = `Usage: npm run bench -- [--cluster <id>] [--runs <n>] [--cold-runs <n>] [--out <file>]

  --cluster <id>     console cluster id (default: local; clusters come from CONSOLE_CONFIG, else the dev cluster)
  --runs <n>         warm calls per measurement, the median is reported (default 7)
  --cold-runs <n>    fresh processes per view for the cold numbers, the median is reported (default 3; 0 skips)
  --cli-runs <n>     runs of kafka-consumer-groups --describe --all-groups (and kcat | jq) to compare with (default 1; 0 skips)
  --messages-records <n>  records of the messages benchmark topic, made once (default 1000000; 0 skips the section)
  --only messages    only the messages section (it needs no large fixture)
  --only groups      only the groups section (every group type; the dev cluster with its demo groups will do)
  --out <file>       where the JSON goes besides stdout (default test-results/bench.json)`;

function count(flag: string, raw: string | undefined, min: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ArgsError(`${flag} needs a whole number ≥ ${min}, got "${raw ?? ''}"`);
  return value;
}

export function parseArgs(argv: readonly string[]): Options {
  const values = readOptions(argv, {
    cluster: { type: 'string', default: 'local' },
    runs: { type: 'string' },
    'cold-runs': { type: 'string' },
    'cli-runs': { type: 'string' },
    'messages-records': { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: 'test-results/bench.json' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!values.cluster) throw new ArgsError('--cluster needs a cluster id');
  if (!values.out) throw new ArgsError('--out needs a file name');
  if (values.only !== undefined && values.only !== 'messages' && values.only !== 'groups')
    throw new ArgsError(`--only takes "messages" or "groups", got "${values.only}"`);
  return {
    clusterId: values.cluster,
    runs: count('--runs', values.runs, 1, 7),
    coldRuns: count('--cold-runs', values['cold-runs'], 0, 3),
    cliRuns: count('--cli-runs', values['cli-runs'], 0, 1),
    messagesRecords: count('--messages-records', values['messages-records'], 0, 1_000_000),
    only: (values.only as Options['only']) ?? null,
    out: values.out,
    help: values.help,
  };
}
