'use client';

import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { ConfigEntry, ConfigListResponse } from '@/lib/schemas/configs';
import { ConfigsTable } from '@/components/configs/configs-table';
import { QueryError } from '@/components/feedback/query-error';
import { LoadingRows } from '@/components/ui/states';

type Props<K extends readonly unknown[]> = {
  query: UseQueryOptions<ConfigListResponse, Error, ConfigListResponse, K>;
  /** "set on this topic", "set on this broker". */
  ownLabel: string;
  /** For the error state: "the topic's configs". */
  what: string;
  onEdit?: (config: ConfigEntry) => void;
  canEdit?: (config: ConfigEntry) => boolean;
};

/** A resource's configs, read once (no polling), with loading and error states of their own; editable when `onEdit` is given. */
export function ConfigsSection<K extends readonly unknown[]>({ query, ownLabel, what, onEdit, canEdit }: Props<K>) {
  const { data, error, isPending, refetch } = useQuery(query);
  if (isPending) return <LoadingRows label="Loading configs" />;
  if (error && !data) return <QueryError what={what} error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  return <ConfigsTable configs={data.configs} ownLabel={ownLabel} onEdit={onEdit} canEdit={canEdit} />;
}
