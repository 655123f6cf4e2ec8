// How long metrics are kept, and the shape of the stored rows per resolution (see metric_raw / metric_rollups in
// server/db/schema.ts). Pure: the store, the planner and the tests share these numbers.
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** How long each resolution is kept, in ms. The config schema exposes it (metrics.retention). */
export type MetricsRetention = { rawMs: number; oneMinuteMs: number; fifteenMinuteMs: number };

export const DEFAULT_METRICS_RETENTION: Readonly<MetricsRetention> = Object.freeze({
  rawMs: 6 * HOUR_MS,
  oneMinuteMs: 48 * HOUR_MS,
  fifteenMinuteMs: 30 * DAY_MS,
});

/**
 * A raw row spans 15 minutes: 60 points at a 15 s interval, about 0.8 KB, so appending a point rewrites little
 * (a pass touches every series' current row), and offsets from the row start fit int4.
 */
export const RAW_ROW_MS = 15 * MINUTE_MS;

/** A rollup resolution: slots of `stepMs`, packed in rows of `rowMs`, built from `source` (raw or a finer level). */
export type RollupLevel = {
  stepMs: number;
  rowMs: number;
  source: 'raw' | RollupLevel;
  retention: Exclude<keyof MetricsRetention, 'rawMs'>;
};

/** 60 slots a row: 480 bytes of float4 avg + max. */
export const ONE_MINUTE: RollupLevel = { stepMs: MINUTE_MS, rowMs: HOUR_MS, source: 'raw', retention: 'oneMinuteMs' };
/** 96 slots a row (a UTC day): 768 bytes, still under PostgreSQL's 2 KB TOAST threshold. */
export const FIFTEEN_MINUTES: RollupLevel = { stepMs: 15 * MINUTE_MS, rowMs: DAY_MS, source: ONE_MINUTE, retention: 'fifteenMinuteMs' };
/** Finest first. */
export const ROLLUP_LEVELS: readonly RollupLevel[] = [ONE_MINUTE, FIFTEEN_MINUTES];

/** The start of the span of `span` ms holding `time` (epoch ms; spans are aligned to the epoch, so days are UTC). */
export const floorTo = (time: number, span: number) => Math.floor(time / span) * span;
