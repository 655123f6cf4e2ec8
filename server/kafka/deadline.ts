/** Raised when Kafka did not answer within a route's deadline; answered as KAFKA_UNAVAILABLE (503). */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
}

/**
 * Bounds how long a caller waits. kafkajs keeps its own (bounded) retries running in the background; the
 * request that asked is answered in time either way.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
