import 'server-only';
import type InstrumentationEventEmitter from 'kafkajs/src/instrumentation/emitter.js';

export type RequestCounts = Record<string, { requests: number; timeouts: number }>;

/** Counts the Kafka requests of one cluster connection by API name: the benchmark and /metrics report them. */
export class RequestCounter {
  private counts: RequestCounts = {};

  attach(emitter: InstrumentationEventEmitter) {
    emitter.addListener('network.request', (event) => this.bump(event.payload.apiName, 'requests'));
    emitter.addListener('network.request_timeout', (event) => this.bump(event.payload.apiName, 'timeouts'));
  }

  private bump(apiName: unknown, field: 'requests' | 'timeouts') {
    const name = typeof apiName === 'string' ? apiName : 'Unknown';
    const entry = (this.counts[name] ??= { requests: 0, timeouts: 0 });
    entry[field] += 1;
  }

  snapshot(): RequestCounts {
    return structuredClone(this.counts);
  }
}

/** Requests made between two snapshots, by API name (zero entries dropped). */
export function requestDelta(before: RequestCounts, after: RequestCounts): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [name, { requests }] of Object.entries(after)) {
    const made = requests - (before[name]?.requests ?? 0);
    if (made > 0) delta[name] = made;
  }
  return delta;
}
