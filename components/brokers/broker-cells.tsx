import { formatBytes } from '@/lib/format';
import type { Broker } from '@/lib/schemas/brokers';

/** Skew beyond ±20 % of the mean is worth a look. */
const SKEWED = 20;

export function Skew({ value }: { value: number }) {
  const text = `${value > 0 ? '+' : ''}${value}%`;
  return <span className={Math.abs(value) > SKEWED ? 'font-medium text-amber-700 dark:text-amber-400' : 'text-zinc-500'}>{text}</span>;
}

export function Disk({ broker }: { broker: Broker }) {
  if (broker.sizeBytes === null) return <span className="text-zinc-400">{broker.status === 'down' ? '–' : 'unknown'}</span>;
  const free =
    broker.usableBytes !== null && broker.totalBytes !== null && broker.totalBytes !== '0'
      ? ` · ${formatBytes(broker.usableBytes)} free of ${formatBytes(broker.totalBytes)}`
      : '';
  return (
    <span>
      {formatBytes(broker.sizeBytes)}
      <span className="text-xs text-zinc-500">{free}</span>
    </span>
  );
}
