import 'server-only';

/**
 * Prometheus text exposition format 0.0.4 (what Prometheus, promtool and every exporter speak), written by hand: the
 * console needs gauges and counters only, and int64 offsets must go out as their exact decimal text.
 */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** A number, or an exact int64 decimal string (offsets, lags) printed as it is, never through a double. */
export type SampleValue = number | bigint | string;
/** Label names to values, printed in insertion order (label names never look like integers, so order is kept). */
export type Labels = Record<string, string>;
/** `untyped` only where a name fixed by another exporter breaks the type's naming rules (see kafka_consumergroup_lag_sum). */
export type MetricSpec = { name: string; help: string; type: 'gauge' | 'counter' | 'untyped' };
export type MetricFamily = MetricSpec & { samples: { labels: Labels; value: SampleValue }[] };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const INTEGER = /^-?\d+$/;

const ESCAPED: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n' };
const TO_ESCAPE = /[\\"\n]/;

/** Label values: backslash, double quote and line feed are escaped; everything else is UTF-8 as is. */
export const escapeLabelValue = (value: string) => (TO_ESCAPE.test(value) ? value.replace(/[\\"\n]/g, (c) => ESCAPED[c]!) : value);

/** HELP text: backslash and line feed only (a quote is literal there). */
export const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export function formatValue(value: SampleValue): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') {
    // Only integers pass as text: anything else would be a bug upstream, and could break the line.
    if (!INTEGER.test(value)) throw new Error(`not an integer decimal: ${JSON.stringify(value)}`);
    return value;
  }
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

// A scrape of a large cluster prints ~100,000 samples: label names are checked once each, not once a sample.
const checkedLabelNames = new Set<string>();

function formatLabels(labels: Labels): string {
  let text = '';
  for (const name in labels) {
    if (!checkedLabelNames.has(name)) {
      if (!LABEL_NAME.test(name) || name.startsWith('__')) throw new Error(`invalid label name: ${name}`);
      checkedLabelNames.add(name);
    }
    text += `${text === '' ? '{' : ','}${name}="${escapeLabelValue(labels[name]!)}"`;
  }
  return text === '' ? '' : `${text}}`;
}

/** The exposition of the families, each with # HELP and # TYPE; families without samples are left out. */
export function formatFamilies(families: Iterable<MetricFamily>): string {
  const lines: string[] = [];
  for (const family of families) {
    if (family.samples.length === 0) continue;
    if (!METRIC_NAME.test(family.name)) throw new Error(`invalid metric name: ${family.name}`);
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    for (const { labels, value } of family.samples) lines.push(`${family.name}${formatLabels(labels)} ${formatValue(value)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * Collects samples into families: `specs` first, in their order (the same order whichever clusters answer), then any
 * other family in the order it was first added to. The format wants all the samples of a family together under one
 * HELP/TYPE, while they are gathered cluster by cluster.
 */
export function createFamilies(specs: readonly MetricSpec[] = []) {
  const families = new Map<string, MetricFamily>(specs.map((spec) => [spec.name, { ...spec, samples: [] }]));
  return {
    add(spec: MetricSpec, labels: Labels, value: SampleValue) {
      let family = families.get(spec.name);
      if (!family) families.set(spec.name, (family = { ...spec, samples: [] }));
      family.samples.push({ labels, value });
    },
    list: (): MetricFamily[] => [...families.values()],
  };
}

export type FamilySet = ReturnType<typeof createFamilies>;
