import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFromEnv, parseConfig } from '@/server/config/load';

const README_EXAMPLE = {
  clusters: [
    { id: 'local', name: 'Local dev', brokers: ['127.0.0.1:9092', '127.0.0.1:9093', '127.0.0.1:9094'] },
    {
      id: 'prod',
      name: 'Production',
      readOnly: true,
      brokers: ['kafka-1:9092'],
      sasl: { mechanism: 'scram-sha-512', username: 'console', password: { env: 'PROD_KAFKA_PASSWORD' } },
      ssl: { ca: { file: '/etc/hostname' } },
    },
  ],
  auth: { users: [], apiTokens: [] },
};

describe('console configuration', () => {
  afterEach(() => {
    delete process.env.PROD_KAFKA_PASSWORD;
  });

  it('accepts the README example and fills defaults', () => {
    process.env.PROD_KAFKA_PASSWORD = 'x';
    const config = parseConfig(JSON.stringify(README_EXAMPLE), 'console.json');
    expect(config.clusters.map((c) => [c.id, c.readOnly])).toEqual([
      ['local', false],
      ['prod', true],
    ]);
    expect(config.clusters[0]).toMatchObject({ connectionTimeoutMs: 3000, requestTimeoutMs: 8000 });
  });

  it('reads YAML as well', () => {
    const config = parseConfig('clusters:\n  - id: a\n    name: A\n    brokers: ["k:9092"]\n', 'console.yaml');
    expect(config.clusters[0]!.brokers).toEqual(['k:9092']);
  });

  it('names every problem with its path', () => {
    const bad = {
      clusters: [
        { id: 'Bad Id', name: '', brokers: ['no-port'] },
        { id: 'x', name: 'X', brokers: [], extra: 1 },
      ],
    };
    const error = (() => {
      try {
        parseConfig(JSON.stringify(bad), 'c.json');
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain('clusters[0].id');
    expect(error!.message).toContain('clusters[0].brokers[0]: host:port');
    expect(error!.message).toContain('clusters[1].brokers');
    expect(error!.message).toContain('clusters[1]: Unrecognized key: "extra"');
  });

  it('refuses duplicate cluster ids', () => {
    const twice = {
      clusters: [
        { id: 'a', name: 'A', brokers: ['k:1'] },
        { id: 'a', name: 'B', brokers: ['k:2'] },
      ],
    };
    expect(() => parseConfig(JSON.stringify(twice), 'c.json')).toThrow(/cluster ids must be unique/);
  });

  it('reports a secret that cannot be resolved at load time, without any secret value', () => {
    expect(() => parseConfig(JSON.stringify(README_EXAMPLE), 'c.json')).toThrow(
      'clusters[1].sasl.password: environment variable PROD_KAFKA_PASSWORD is not set',
    );
    process.env.PROD_KAFKA_PASSWORD = 'x';
    const missingFile = structuredClone(README_EXAMPLE);
    missingFile.clusters[1]!.ssl = { ca: { file: '/nonexistent/ca.pem' } };
    expect(() => parseConfig(JSON.stringify(missingFile), 'c.json')).toThrow(
      'clusters[1].ssl.ca: cannot read /nonexistent/ca.pem (ENOENT)',
    );
  });

  it('says which file is malformed', () => {
    expect(() => parseConfig('{ nope', '/etc/console.json')).toThrow(/^\/etc\/console.json: not valid JSON/);
  });

  it('uses the dev cluster when CONSOLE_CONFIG is not set, and reports an unreadable file', () => {
    expect(loadConfigFromEnv({}).clusters.map((c) => c.brokers)).toEqual([['127.0.0.1:9092', '127.0.0.1:9093', '127.0.0.1:9094']]);
    expect(() => loadConfigFromEnv({ CONSOLE_CONFIG: '/nonexistent.json' })).toThrow(
      'CONSOLE_CONFIG=/nonexistent.json: cannot read the file (ENOENT)',
    );
  });
});

describe('config errors keep secrets out of the log', () => {
  it('says where a syntax error is, never the text around it', async () => {
    const { parseConfig } = await import('@/server/config/load');
    const secret = 'inline-secret-d3adb33f';
    for (const [text, source] of [
      [`{ "clusters": [ { "id": "a", "sasl": { "password": "${secret}" } x } ] }`, 'console.json'],
      [`clusters:\n  - id: a\n    sasl: { password: "${secret}" ]\n`, 'console.yaml'],
    ] as const) {
      let message = '';
      try {
        parseConfig(text, source);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/not valid (JSON|YAML) \(.*line \d+, column \d+\)$/);
      expect(message).not.toContain(secret);
    }
  });

  it('refuses a webhook URL that holds a user name or password, without quoting it', async () => {
    const { webhookUrl } = await import('@/server/config/load');
    expect(() => webhookUrl('https://user:p4ss@hooks.example/x', 'alerts.channels[0].url')).toThrow(
      /must not hold a user name or password/,
    );
    try {
      webhookUrl('https://user:p4ss@hooks.example/x', 'alerts.channels[0].url');
    } catch (error) {
      expect((error as Error).message).not.toContain('p4ss');
    }
    expect(webhookUrl('https://hooks.example/services/T/B/token', 'x').hostname).toBe('hooks.example');
  });
});
