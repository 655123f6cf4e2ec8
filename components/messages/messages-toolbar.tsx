'use client';

import { useState, type FormEvent } from 'react';
import { DEFAULT_VIEW, type MessageView } from '@/lib/message-query';
import { FilterSyntaxError, parseFilter } from '@/lib/schemas/message-filter';
import { FilterHelp } from '@/components/messages/filter-help';
import { Button } from '@/components/ui/button';
import { FormField, Input, Select } from '@/components/ui/form-field';

type StartKind = 'newest' | 'oldest' | 'offset' | 'timestamp';
const LIMITS = [20, 50, 100, 500, 1000];

function filterError(filter: string): string[] | undefined {
  if (filter.trim() === '') return undefined;
  try {
    parseFilter(filter);
    return undefined;
  } catch (error) {
    return [error instanceof FilterSyntaxError ? error.message : 'not a valid filter'];
  }
}

/** epoch ms → the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(ms: number) {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

type Props = {
  view: MessageView;
  partitionCount: number | null;
  streaming: boolean;
  onRead: (view: MessageView) => void;
  onScan: (view: MessageView) => void;
  onLive: (view: MessageView) => void;
};

/** What to read: partitions, where to start, how many, the filter, a key, the isolation level; read, scan or follow. */
export function MessagesToolbar({ view, partitionCount, streaming, onRead, onScan, onLive }: Props) {
  const [kind, arg] = view.from.split(':') as [StartKind, string | undefined];
  const [partitions, setPartitions] = useState(view.partitions?.join(',') ?? '');
  const [start, setStart] = useState<StartKind>(kind);
  const [offset, setOffset] = useState(kind === 'offset' ? (arg ?? '') : '');
  const [time, setTime] = useState(kind === 'timestamp' && arg ? toLocalInput(Number(arg)) : '');
  const [limit, setLimit] = useState(view.limit);
  const [filter, setFilter] = useState(view.filter);
  const [key, setKey] = useState(view.key);
  const [isolation, setIsolation] = useState(view.isolation);
  const [control, setControl] = useState(view.control);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});

  /** The draft as a view, or the errors that keep it from being one. */
  function draft(): MessageView | null {
    const found: Record<string, string[] | undefined> = { filter: filterError(filter) };
    const list = partitions.trim() === '' ? null : partitions.split(',').map((p) => p.trim());
    if (list && !list.every((p) => /^\d+$/.test(p))) found.partitions = ['Partition numbers separated by commas, or empty for all'];
    else if (list && partitionCount !== null && list.some((p) => Number(p) >= partitionCount))
      found.partitions = [`The topic has partitions 0-${partitionCount - 1}`];
    if (start === 'offset' && !/^\d+$/.test(offset.trim())) found.offset = ['An offset: a whole number'];
    if (start === 'offset' && list?.length !== 1) found.partitions = ['Starting at an offset reads one partition: name it'];
    if (start === 'timestamp' && Number.isNaN(new Date(time).getTime())) found.time = ['A date and time'];
    setErrors(found);
    if (Object.values(found).some(Boolean)) return null;
    const from = start === 'offset' ? `offset:${offset.trim()}` : start === 'timestamp' ? `timestamp:${new Date(time).getTime()}` : start;
    return { partitions: list ? list.map(Number) : null, from, limit, filter: filter.trim(), key, isolation, control, cursor: null };
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft();
    if (next) onRead(next);
  };
  const run = (action: (view: MessageView) => void) => {
    const next = draft();
    if (next) action(next);
  };

  return (
    <form
      onSubmit={submit}
      aria-label="What to read"
      className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      noValidate
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
        <FormField
          label="Partitions"
          hint={partitionCount === null ? 'empty: all' : `empty: all ${partitionCount}`}
          error={errors.partitions}
        >
          {(c) => <Input {...c} value={partitions} onChange={(e) => setPartitions(e.target.value)} placeholder="all" spellCheck={false} />}
        </FormField>
        <FormField label="Start at">
          {(c) => (
            <Select {...c} value={start} onChange={(e) => setStart(e.target.value as StartKind)}>
              <option value="newest">Newest</option>
              <option value="oldest">Oldest</option>
              <option value="offset">Offset</option>
              <option value="timestamp">Time</option>
            </Select>
          )}
        </FormField>
        {start === 'offset' ? (
          <FormField label="Offset" error={errors.offset}>
            {(c) => <Input {...c} inputMode="numeric" value={offset} onChange={(e) => setOffset(e.target.value)} />}
          </FormField>
        ) : null}
        {start === 'timestamp' ? (
          <FormField
            label="Time"
            hint={`${Intl.DateTimeFormat().resolvedOptions().timeZone}; the first record at or after it`}
            error={errors.time}
          >
            {(c) => <Input {...c} type="datetime-local" step={1} value={time} onChange={(e) => setTime(e.target.value)} />}
          </FormField>
        ) : null}
        <FormField label="Records">
          {(c) => (
            <Select {...c} value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
              {LIMITS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Isolation" hint={isolation === 'read_committed' ? 'aborted records hidden' : 'aborted records marked'}>
          {(c) => (
            <Select {...c} value={isolation} onChange={(e) => setIsolation(e.target.value as MessageView['isolation'])}>
              <option value="read_committed">read_committed</option>
              <option value="read_uncommitted">read_uncommitted</option>
            </Select>
          )}
        </FormField>
        <FormField label="Exact key" hint="reads only the key's partition">
          {(c) => <Input {...c} value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} />}
        </FormField>
      </div>
      <FormField label="Filter" error={errors.filter} hint={<FilterHelp />}>
        {(c) => (
          <Input
            {...c}
            className="font-mono"
            value={filter}
            spellCheck={false}
            placeholder='value.status == "FAILED" and headers.source == "web"'
            onChange={(e) => {
              setFilter(e.target.value);
              setErrors((current) => ({ ...current, filter: filterError(e.target.value) }));
            }}
          />
        )}
      </FormField>
      <div className="flex flex-wrap items-center gap-2">
        <label className="mr-auto flex items-center gap-2 text-sm">
          <input type="checkbox" checked={control} onChange={(e) => setControl(e.target.checked)} />
          Show transaction markers
        </label>
        <Button
          onClick={() => {
            setPartitions('');
            setStart('newest');
            setFilter('');
            setKey('');
            onRead(DEFAULT_VIEW);
          }}
        >
          Reset
        </Button>
        <Button
          onClick={() => run(onScan)}
          disabled={streaming}
          title="Read on the server until the scan budget, showing progress (for filters over many records)"
        >
          Scan
        </Button>
        <Button onClick={() => run(onLive)} disabled={streaming} title="Follow new records as they arrive">
          Live tail
        </Button>
        <Button type="submit" tone="primary" disabled={streaming}>
          Read
        </Button>
      </div>
    </form>
  );
}
