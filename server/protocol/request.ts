import 'server-only';
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
  /**
   * ApiVersions only: its response header is v0 at every version (no tag section), because a client must be able
   * to read the answer before it knows which versions the broker speaks (KIP-511).
   */
  responseHeaderV0?: true;
  encode: (w: Writer, input: Input, version: number) => void;
  decode: (r: Reader, version: number) => Output;
};

type BrokerVersions = Record<string, { minVersion: number; maxVersion: number }> | null | undefined;

export class UnsupportedApiError extends Error {
  override name = 'UnsupportedApiError';
  readonly type = 'UNSUPPORTED_VERSION';
}

export function pickVersion(
  api: Pick<ProtocolApi<never, never>, 'apiKey' | 'apiName' | 'minVersion' | 'maxVersion'>,
  versions: BrokerVersions,
) {
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
  if (version >= api.flexibleFrom && !api.responseHeaderV0) r.taggedFields();
  return api.decode(r, version);
}
