import 'server-only';
import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { decodeBody, encodeBody, pickVersion, type ProtocolApi } from '@/server/protocol/request';

// How a protocol module's request (server/protocol/) goes on the wire: on a kafkajs broker connection, whose
// pool adds the header, the correlation id and the request counting; the body is the module's own bytes.

export function supportsApi(broker: KafkajsBroker, apiKey: number) {
  return Boolean(broker.versions?.[apiKey]);
}

export async function sendRequest<I, O>(broker: KafkajsBroker, api: ProtocolApi<I, O>, input: I): Promise<O> {
  const version = pickVersion(api, broker.versions);
  return broker.connectionPool.send<O>({
    request: {
      apiKey: api.apiKey,
      apiVersion: version,
      apiName: api.apiName,
      encode: async () => new Encoder().writeBuffer(encodeBody(api, input, version)),
    },
    response: {
      decode: async (payload: Buffer) => decodeBody(api, payload, version),
      parse: async (decoded: unknown) => decoded as O,
    },
  });
}

/** A non-zero Kafka error code as kafkajs's typed protocol error (same `type` names as its own calls). */
export function kafkaError(code: number, message?: string | null) {
  if (code === 0) return null;
  const error = createErrorFromCode(code);
  if (message) error.message = `${error.message}: ${message}`;
  return error;
}

/** A Kafka error code as "TYPE: message" for a read's `error`; undefined for 0. */
export function kafkaErrorText(code: number, message?: string | null) {
  const error = kafkaError(code, message);
  return error ? `${error.type}: ${error.message}` : undefined;
}
