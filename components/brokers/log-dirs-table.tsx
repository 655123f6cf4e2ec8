import { formatBytes, formatCount } from '@/lib/format';
import type { BrokerLogDir } from '@/lib/schemas/brokers';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

const orUnknown = (bytes: string | null) => (bytes === null ? 'unknown' : formatBytes(bytes));

/** The broker's log directories (DescribeLogDirs): replicas, bytes held, and the volume's free space. */
export function LogDirsTable({ logDirs, error }: { logDirs: BrokerLogDir[]; error?: string }) {
  return (
    <section aria-labelledby="log-dirs-heading" className="space-y-2">
      <h3 id="log-dirs-heading" className="font-medium">
        Log directories
      </h3>
      {logDirs.length === 0 ? (
        <EmptyState title="Log directories unavailable">{error ?? 'The broker reported no log directories.'}</EmptyState>
      ) : (
        <Table aria-label="Log directories">
          <thead>
            <tr>
              <Th>Path</Th>
              <Th numeric>Replicas</Th>
              <Th numeric>Size</Th>
              <Th numeric>Free</Th>
              <Th numeric>Volume</Th>
              <Th>State</Th>
            </tr>
          </thead>
          <tbody>
            {logDirs.map((dir) => (
              <tr key={dir.path} data-log-dir={dir.path}>
                <Td className="break-all font-mono text-xs">{dir.path}</Td>
                <Td numeric>{formatCount(dir.replicaCount)}</Td>
                <Td numeric>{formatBytes(dir.sizeBytes)}</Td>
                <Td numeric>{orUnknown(dir.usableBytes)}</Td>
                <Td numeric>{orUnknown(dir.totalBytes)}</Td>
                <Td>{dir.error ? <Badge tone="bad">{dir.error}</Badge> : <Badge tone="good">online</Badge>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
