import InstrumentationEventEmitter from 'kafkajs/src/instrumentation/emitter.js';
import { describe, expect, it } from 'vitest';
import { RequestCounter, requestDelta } from '@/server/kafka/request-counter';

describe('RequestCounter', () => {
  it('counts kafkajs request events by API name', () => {
    const emitter = new InstrumentationEventEmitter() as unknown as { emit: (name: string, payload: object) => void };
    const counter = new RequestCounter();
    counter.attach(emitter as never);
    const before = counter.snapshot();
    emitter.emit('network.request', { apiName: 'Metadata', apiKey: 3 });
    emitter.emit('network.request', { apiName: 'Metadata', apiKey: 3 });
    emitter.emit('network.request', { apiName: 'DescribeQuorum', apiKey: 55 });
    emitter.emit('network.request_timeout', { apiName: 'DescribeQuorum', apiKey: 55 });
    expect(counter.snapshot()).toEqual({ Metadata: { requests: 2, timeouts: 0 }, DescribeQuorum: { requests: 1, timeouts: 1 } });
    expect(requestDelta(before, counter.snapshot())).toEqual({ Metadata: 2, DescribeQuorum: 1 });
  });
});
