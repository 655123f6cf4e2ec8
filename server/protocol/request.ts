import 'server-only';
import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { Reader, Writer } from '@/server/protocol/codec';

/**
 * A Kafka API the console speaks itself, on kafkajs's connections (kafkajs 2.2.4 lacks it or gets it wrong).
 * Versions are the range this module implements; the broker's ApiVersions answer picks the highest common one.
 */
export type ProtocolApi<Input, Output> = {
  apiKey: number;
  apiName: string;
  minVersion: number;
  maxVersion: number;
  /** First flexible version (KIP-482), Infinity when none. */
  flexibleFrom: number;
  encode: (w: Writer, input: Input, version: number) => void;
  decode: (r: Reader, version: number) => Output;
};

type BrokerVersions = Record<string, { minVersion: number; maxVersion: number }> | null | undefined;

export class UnsupportedApiError extends Error {
  override name = 'UnsupportedApiError';
  readonly type = 'UNSUPPORTED_VERSION';
}

export function pickVersion(api: Pick<ProtocolApi<never, never>, 'apiKey' | 'apiName' | 'minVersion' | 'maxVersion'>, versions: BrokerVersions) {
  const range = versions?.[api.apiKey];
  if (!range) throw new UnsupportedApiError(`the broker does not support ${api.apiName}`);
  const version = Math.min(range.maxVersion, api.maxVersion);
  if (version < Math.max(range.minVersion, api.minVersion)) {
    throw new UnsupportedApiError(
      `no common ${api.apiName} version (broker ${range.minVersion}-${range.maxVersion}, console ${api.minVersion}-${api.maxVersion})`,
    );
  }
  return version;
}

/** The request body after kafkajs's header v1; flexible versions need header v2 = v1 + an empty tag section. */
export function encodeBody<I>(api: ProtocolApi<I, unknown>, input: I, version: number): Buffer {
  const w = new Writer();
  if (version >= api.flexibleFrom) w.emptyTaggedFields();
  api.encode(w, input, version);
  return w.toBuffer();
}

/** kafkajs has consumed the correlation id; flexible responses (header v1) carry a tag section next. */
export function decodeBody<O>(api: ProtocolApi<never, O>, payload: Buffer, version: number): O {
  const r = new Reader(payload);
  if (version >= api.flexibleFrom) r.taggedFields();
  return api.decode(r, version);
}

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
