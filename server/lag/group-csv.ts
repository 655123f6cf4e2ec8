import 'server-only';
import { csvResponse, csvRow } from '@/server/http/csv';
import { getConsumerGroup } from '@/server/lag/get-group';

const HEADER = ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'];

/** The group's rows as CSV with kafka-consumer-groups' columns; empty cells where it prints "-". */
export async function groupOffsetsCsv(clusterId: string, groupId: string): Promise<Response> {
  const group = await getConsumerGroup(clusterId, groupId);
  const rows = group.offsets.map((r) =>
    csvRow([groupId, r.topic, r.partition, r.currentOffset, r.logEndOffset, r.lag, r.consumerId, r.host, r.clientId]),
  );
  return csvResponse([csvRow(HEADER), ...rows], `${groupId}-offsets.csv`);
}
