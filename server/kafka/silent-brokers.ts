/** How long a broker that let a request time out is kept out of the bootstrap list and tried last. */
export const SILENT_FOR_MS = 30_000;

/**
 * Brokers that accept connections but do not answer (a stopped JVM, one out of heap): the kernel still completes
 * the TCP handshake, so only a request timeout tells them apart, and each try costs that timeout. A broker that let
 * a request time out is avoided for a while — as a bootstrap broker and when any broker will do — until it answers
 * again. Shared by a cluster's connections, and outlives them (a new client would otherwise start from the same
 * silent broker).
 */
export class SilentBrokers {
  private readonly silentUntil = new Map<string, number>();

  constructor(private readonly quietMs = SILENT_FOR_MS) {}

  timedOut(address: string, now = Date.now()) {
    this.silentUntil.set(address, now + this.quietMs);
  }

  answered(address: string) {
    this.silentUntil.delete(address);
  }

  isSilent(address: string, now = Date.now()): boolean {
    const until = this.silentUntil.get(address);
    if (until === undefined) return false;
    if (until > now) return true;
    this.silentUntil.delete(address);
    return false;
  }

  /** The configured bootstrap list without the silent brokers; all of it when every one is silent. */
  bootstrap(brokers: string[], now = Date.now()): string[] {
    const heard = brokers.filter((address) => !this.isSilent(address, now));
    return heard.length > 0 ? heard : brokers;
  }
}
