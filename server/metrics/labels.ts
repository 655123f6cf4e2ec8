// Series labels (e.g. `{ topic }` on a group's per-topic lag) stored as one text column: canonical JSON with
// sorted keys, so the same labels always give the same text (the series' unique key), and '' for none.
export type MetricLabels = Record<string, string>;

export function canonicalLabels(labels: MetricLabels | undefined): string {
  if (!labels) return '';
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '';
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, String(labels[key])])));
}

/** The labels of a stored series; undefined when it has none (the API then omits `labels`). */
export function parseLabels(text: string): MetricLabels | undefined {
  if (text === '') return undefined;
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`metric labels are not an object: ${text}`);
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
}
