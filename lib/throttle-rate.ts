import { formatBytes } from '@/lib/format';

/** Binary units, as the console shows sizes everywhere (formatBytes); Kafka's throttle configs take bytes/s. */
export const RATE_UNITS = ['KiB/s', 'MiB/s', 'GiB/s'] as const;
export type RateUnit = (typeof RATE_UNITS)[number];
const UNIT_BYTES: Record<RateUnit, number> = { 'KiB/s': 1024, 'MiB/s': 1024 ** 2, 'GiB/s': 1024 ** 3 };

/** The throttle as typed: off, or an amount (text until submitted) in a unit. */
export type ThrottleForm = { enabled: boolean; amount: string; unit: RateUnit };

export const DEFAULT_THROTTLE: ThrottleForm = { enabled: true, amount: '10', unit: 'MiB/s' };

/** "12.5" MiB/s → 13107200 bytes/s (whole bytes); an error when it is not a positive number. */
export function toBytesPerSec(amount: string, unit: RateUnit): { value: number } | { error: string } {
  const text = amount.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: 'A positive number, e.g. 10 or 2.5' };
  const value = Math.round(Number(text) * UNIT_BYTES[unit]);
  if (value < 1) return { error: 'At least 1 byte/s' };
  if (!Number.isSafeInteger(value)) return { error: 'Too large' };
  return { value };
}

/** The form → the API's `throttleBytesPerSec`: null when off (no throttle). */
export function throttleFromForm(form: ThrottleForm): { value: number | null } | { error: string } {
  return form.enabled ? toBytesPerSec(form.amount, form.unit) : { value: null };
}

const amountFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3, useGrouping: false });

/** A rate in bytes/s as the form shows it: the largest unit it is at least 1 of (a current throttle, to edit). */
export function throttleFormFrom(bytesPerSec: number | null): ThrottleForm {
  if (bytesPerSec === null) return { ...DEFAULT_THROTTLE, enabled: false };
  const unit = [...RATE_UNITS].reverse().find((u) => bytesPerSec >= UNIT_BYTES[u]) ?? 'KiB/s';
  return { enabled: true, amount: amountFormat.format(bytesPerSec / UNIT_BYTES[unit]), unit };
}

/** "10.0 MiB/s". */
export function formatRate(bytesPerSec: number) {
  return `${formatBytes(Math.round(bytesPerSec))}/s`;
}

/**
 * How long copying `bytes` takes at most at `bytesPerSec`, in ms; the throttle applies on each receiving broker,
 * so moves onto several brokers run side by side and finish sooner. Null without a rate.
 */
export function copyTimeMs(bytes: string | bigint, bytesPerSec: number | null): number | null {
  if (bytesPerSec === null || bytesPerSec <= 0) return null;
  return (Number(bytes) / bytesPerSec) * 1000;
}
