/** How long a broker that let a request time out is kept out of the bootstrap list and tried last. */
export const SILENT_FOR_MS = 30_000;

type Knowledge = { silentUntil: Map<string, number>; answeredAt: Map<string, number> };

/**
 * Brokers that accept connections but do not answer (a stopped JVM, one out of heap): the kernel still completes
 * the TCP handshake, so only a request timeout tells them apart, and each try costs that timeout. A broker that let
 * a request time out is avoided for a while — as a bootstrap broker and when any broker will do — until it answers
 * again. Shared by a cluster's connections, and outlives them (a new client would otherwise start from the same
 * silent broker).
 */
export class SilentBrokers {
  constructor(
    private readonly quietMs = SILENT_FOR_MS,
    private readonly known: Knowledge = { silentUntil: new Map(), answeredAt: new Map() },
    private readonly timeoutsMeanSilence = true,
  ) {}

  /**
   * The same knowledge for a channel whose requests a broker forwards to the active controller (DescribeQuorum):
   * one that times out says the controller is silent, not the broker asked, so it reads what the other channels
   * learnt and marks no broker silent itself.
   */
  forForwardedRequests(): SilentBrokers {
    return new SilentBrokers(this.quietMs, this.known, false);
  }

  timedOut(address: string, now = Date.now()) {
    if (this.timeoutsMeanSilence) this.known.silentUntil.set(address, now + this.quietMs);
  }

  answered(address: string, now = Date.now()) {
    this.known.silentUntil.delete(address);
    this.known.answeredAt.set(address, now);
  }

  isSilent(address: string, now = Date.now()): boolean {
    const until = this.known.silentUntil.get(address);
    if (until === undefined) return false;
    if (until > now) return true;
    this.known.silentUntil.delete(address);
    return false;
  }

  /**
   * The configured bootstrap list without the silent brokers (all of it when every one is silent), the broker that
   * answered last first: kafkajs bootstraps from the list's first entry, and once a silent broker's quiet period
   * is over nothing says it answers again — a new connection should not be the one to find out.
   */
  bootstrap(brokers: string[], now = Date.now()): string[] {
    const heard = brokers.filter((address) => !this.isSilent(address, now));
    const lastAnswer = (address: string) => this.known.answeredAt.get(address) ?? 0;
    return (heard.length > 0 ? heard : brokers).toSorted((a, b) => lastAnswer(b) - lastAnswer(a));
  }
}
