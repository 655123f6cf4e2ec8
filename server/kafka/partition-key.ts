/** One string per (topic, partition) for Maps; "\0" cannot occur in a topic name. */
export const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export function splitPartitionKey(key: string): { topic: string; partition: number } {
  const at = key.lastIndexOf('\u0000');
  return { topic: key.slice(0, at), partition: Number(key.slice(at + 1)) };
}
