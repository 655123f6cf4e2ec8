import { describe, expect, it } from 'vitest';
import { createFamilies, escapeLabelValue, formatFamilies, formatValue, type MetricSpec } from '@/server/metrics/prometheus-format';

const LAG: MetricSpec = {
  name: 'kafka_consumergroup_lag',
  help: 'Current Approximate Lag of a ConsumerGroup at Topic/Partition',
  type: 'gauge',
};
const REQUESTS: MetricSpec = { name: 'kafka_console_kafka_requests_total', help: 'Kafka requests', type: 'counter' };

describe('Prometheus text format', () => {
  it('writes # HELP and # TYPE before the samples of each family, with a final line feed', () => {
    const families = createFamilies();
    families.add(LAG, { consumergroup: 'g', topic: 't', partition: '0' }, '5');
    families.add(REQUESTS, { api: 'ListOffsets' }, 3);
    expect(formatFamilies(families.list())).toBe(
      [
        '# HELP kafka_consumergroup_lag Current Approximate Lag of a ConsumerGroup at Topic/Partition',
        '# TYPE kafka_consumergroup_lag gauge',
        'kafka_consumergroup_lag{consumergroup="g",topic="t",partition="0"} 5',
        '# HELP kafka_console_kafka_requests_total Kafka requests',
        '# TYPE kafka_console_kafka_requests_total counter',
        'kafka_console_kafka_requests_total{api="ListOffsets"} 3',
        '',
      ].join('\n'),
    );
  });

  it('keeps the samples of a family together, in the order families were first added', () => {
    const families = createFamilies();
    families.add(LAG, { cluster: 'a' }, 1);
    families.add(REQUESTS, { cluster: 'a' }, 2);
    families.add(LAG, { cluster: 'b' }, 3);
    const text = formatFamilies(families.list());
    expect(text.split('\n').filter((l) => !l.startsWith('#') && l !== '')).toEqual([
      'kafka_consumergroup_lag{cluster="a"} 1',
      'kafka_consumergroup_lag{cluster="b"} 3',
      'kafka_console_kafka_requests_total{cluster="a"} 2',
    ]);
    expect(text.match(/# TYPE kafka_consumergroup_lag /g)).toHaveLength(1);
  });

  it('prints labels in the order given (cluster first), and no braces without labels', () => {
    const families = createFamilies();
    families.add(LAG, { cluster: 'prod', consumergroup: 'g', topic: 't', partition: '2' }, 0);
    families.add({ name: 'kafka_brokers', help: 'Number of Brokers in the Kafka Cluster.', type: 'gauge' }, {}, 3);
    const text = formatFamilies(families.list());
    expect(text).toContain('kafka_consumergroup_lag{cluster="prod",consumergroup="g",topic="t",partition="2"} 0\n');
    expect(text).toContain('\nkafka_brokers 3\n');
  });

  it('escapes backslash, double quote and line feed in label values, and backslash and line feed in help', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    const families = createFamilies();
    families.add({ name: 'x', help: 'line one\nback\\slash "quoted"', type: 'gauge' }, { topic: 'we"ird\\\n' }, 1);
    expect(formatFamilies(families.list())).toBe(
      '# HELP x line one\\nback\\\\slash "quoted"\n# TYPE x gauge\nx{topic="we\\"ird\\\\\\n"} 1\n',
    );
  });

  it('prints int64 decimal strings exactly, -1 as -1, and special floats as Prometheus spells them', () => {
    expect(formatValue('9223372036854775807')).toBe('9223372036854775807');
    expect(formatValue('-1')).toBe('-1');
    expect(formatValue(-1)).toBe('-1');
    expect(formatValue(9007199254740993n)).toBe('9007199254740993');
    expect(formatValue(1.25)).toBe('1.25');
    expect([formatValue(Number.NaN), formatValue(Number.POSITIVE_INFINITY), formatValue(Number.NEGATIVE_INFINITY)]).toEqual([
      'NaN',
      '+Inf',
      '-Inf',
    ]);
  });

  it('refuses text that is not an integer, and invalid metric or label names', () => {
    expect(() => formatValue('12 34')).toThrow(/not an integer/);
    expect(() => formatValue('1e3')).toThrow(/not an integer/);
    const bad = createFamilies();
    bad.add({ name: 'kafka-lag', help: '', type: 'gauge' }, {}, 1);
    expect(() => formatFamilies(bad.list())).toThrow(/metric name/);
    const badLabel = createFamilies();
    badLabel.add(LAG, { 'consumer-group': 'g' }, 1);
    expect(() => formatFamilies(badLabel.list())).toThrow(/label name/);
  });

  it('leaves out families without samples; nothing at all is an empty body', () => {
    expect(formatFamilies([{ ...LAG, samples: [] }])).toBe('');
  });
});
