import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_CONFIG, consoleConfigSchema, type ConsoleConfig, type SecretRef } from '@/server/config/schema';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses and validates a config document; every problem is listed with its path, e.g. `clusters[1].brokers[0]`. */
export function parseConfig(text: string, source: string): ConsoleConfig {
  let raw: unknown;
  const yaml = /\.ya?ml$/i.test(source);
  try {
    raw = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source}: not valid ${yaml ? 'YAML' : 'JSON'}${syntaxErrorPlace(error, text)}`);
  }
  const result = consoleConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`);
    throw new ConfigError(`${source} is not a valid console configuration:\n${problems.join('\n')}`);
  }
  // Resolve every secret now so a missing variable or file is reported at start-up, not at first use.
  for (const [i, cluster] of result.data.clusters.entries()) {
    for (const [field, ref] of secretRefs(cluster)) resolveSecret(ref, `clusters[${i}].${field}`);
  }
  if (result.data.auth.oidc) resolveSecret(result.data.auth.oidc.clientSecret, 'auth.oidc.clientSecret');
  for (const [i, channel] of result.data.alerts.channels.entries())
    webhookUrl(resolveSecret(channel.url, `alerts.channels[${i}].url`), `alerts.channels[${i}].url`);
  return result.data;
}

/**
 * Where a syntax error is (line and column, YAML's error code), never the text around it: parsers quote the input
 * in their messages, and the input holds inline secrets.
 */
export function syntaxErrorPlace(error: unknown, text: string): string {
  const e = error as { code?: unknown; linePos?: { line: number; col: number }[]; message?: unknown };
  if (Array.isArray(e.linePos) && e.linePos[0])
    return ` (${typeof e.code === 'string' ? `${e.code} ` : ''}at line ${e.linePos[0].line}, column ${e.linePos[0].col})`;
  const position = /position (\d+)/.exec(typeof e.message === 'string' ? e.message : '')?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` (at line ${before.length}, column ${before.at(-1)!.length + 1})`;
}

function formatPath(segments: readonly PropertyKey[]) {
  return (
    segments.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '') ||
    '(root)'
  );
}

function secretRefs(cluster: ConsoleConfig['clusters'][number]): [string, SecretRef][] {
  const refs: [string, SecretRef][] = [];
  if (cluster.sasl) refs.push(['sasl.password', cluster.sasl.password]);
  if (cluster.ssl && typeof cluster.ssl === 'object') {
    for (const key of ['ca', 'cert', 'key'] as const) {
      const ref = cluster.ssl[key];
      if (ref) refs.push([`ssl.${key}`, ref]);
    }
  }
  return refs;
}

export function resolveSecret(ref: SecretRef, where: string): string {
  if (typeof ref === 'string') return ref;
  if ('env' in ref) {
    const value = process.env[ref.env];
    if (!value) throw new ConfigError(`${where}: environment variable ${ref.env} is not set`);
    return value;
  }
  try {
    return readFileSync(ref.file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${where}: cannot read ${ref.file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function loadConfigFromEnv(env: Record<string, string | undefined> = process.env): ConsoleConfig {
  const file = env.CONSOLE_CONFIG?.trim();
  if (!file) return consoleConfigSchema.parse(DEFAULT_CONFIG);
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`CONSOLE_CONFIG=${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseConfig(text, absolute);
}

/** A webhook URL: http or https only (never file:, data: or another scheme a fetch might follow). */
export function webhookUrl(text: string, where: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigError(`${where}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${where}: only http and https webhooks are supported`);
  // Node's fetch quotes a URL with credentials in its errors: they would reach the delivery history and the log.
  if (url.username || url.password)
    throw new ConfigError(
      `${where}: a webhook URL must not hold a user name or password (put a token in the path or query, as chat webhooks do)`,
    );
  return url;
}
