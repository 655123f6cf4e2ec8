// What a broker of one Kafka release advertises in ApiVersions, derived from the request definitions that
// kafka-clients ships (common/message/*Request.json): the same files Kafka generates its protocol code from, and
// the same rules its brokers apply when they answer ApiVersions (ApiVersionsResponse.filterApis in kafka-clients).

/** The ApiVersions listener type of a broker in each mode; controllers ("controller") never answer the console. */
export const LISTENER_BY_MODE = { zookeeper: 'zkBroker', kraft: 'broker' };

/**
 * Served in the definitions but advertised only when the broker is configured for them, so their presence says
 * nothing about the release: GetTelemetrySubscriptions and PushTelemetry (KIP-714) only with a client telemetry
 * receiver (a metrics reporter implementing ClientTelemetry).
 */
export const CONDITIONAL_API_KEYS = [71, 72];

/**
 * KAFKA-18659: Kafka 4.0 removed Produce v0–v2 (KIP-896) but still lists v0 as the minimum in ApiVersions, for
 * librdkafka (ApiKeys.PRODUCE_API_VERSIONS_RESPONSE_MIN_VERSION); earlier releases start at 0 anyway.
 */
const ADVERTISED_MIN_VERSION = { 0: 0 };

/** Removes `//` comments outside JSON strings: Kafka's message files are JSON with line comments. */
export function stripComments(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * The first complete JSON value in `text`, read the way Kafka's generator (Jackson) reads these files: text after
 * it is ignored. It matters: 2.8's DescribeProducersRequest.json has a stray `]}` after its closing brace.
 */
export function firstJsonValue(text) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if ((c === '}' || c === ']') && --depth === 0) {
      return JSON.parse(text.slice(0, i + 1));
    }
  }
  throw new Error('no complete JSON value');
}

/** `validVersions`: "none" (removed API), "7" or "0-13". An open range ("3+") is meaningless here and refused. */
export function parseValidVersions(spec) {
  if (spec === 'none') return null;
  const match = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (!match) throw new Error(`unexpected validVersions "${spec}"`);
  const min = Number(match[1]);
  const max = Number(match[2] ?? match[1]);
  if (max < min) throw new Error(`empty validVersions "${spec}"`);
  return { min, max };
}

/**
 * The range one request definition is advertised with, or null when it is not: "latestVersionUnstable" hides the
 * last version unless the broker sets `unstable.api.versions.enable` (never in production), and an API whose
 * only version is unstable is not advertised at all (ApiKeys.toApiVersion).
 */
export function advertisedRange(definition) {
  const valid = parseValidVersions(definition.validVersions);
  if (!valid) return null;
  const max = definition.latestVersionUnstable ? valid.max - 1 : valid.max;
  if (max < valid.min) return null;
  return { min: ADVERTISED_MIN_VERSION[definition.apiKey] ?? valid.min, max };
}

/**
 * APIs a KRaft broker forwards to the active controller: ApiKeys' `forwardable` flag, which the JSON files do not
 * carry (`--verify` checks this list against each jar's ApiKeys). A KRaft broker advertises a forwardable API only
 * as far as its controller serves it (ApiVersionsResponse.intersectForwardableApis), so one whose listeners lack
 * "controller" is not advertised at all: UpdateFeatures (57) on 3.0 and 3.1 KRaft brokers.
 */
export const FORWARDABLE_API_KEYS = [19, 20, 30, 31, 33, 37, 38, 39, 40, 43, 44, 45, 46, 49, 51, 55, 57, 64, 67, 80, 81];
const NOT_FORWARDABLE_IN = { 2.8: [43, 46, 55, 67], '3.0': [43], 3.2: [57] };

export const isForwardable = (apiKey, release) =>
  FORWARDABLE_API_KEYS.includes(apiKey) && !(NOT_FORWARDABLE_IN[release] ?? []).includes(apiKey);

/**
 * Added by the broker itself, outside the listener rules: 2.8 KRaft brokers always list Envelope (58), "a
 * temporary workaround" in 2.8's DefaultApiVersionManager (whenever a forwarding manager exists, as in KRaft).
 */
export const BROKER_ADDED_APIS = [{ release: '2.8', mode: 'kraft', apiKey: 58 }];

/**
 * Per API key, the advertised range and the modes whose brokers serve it, from the text of every
 * `common/message/*Request.json` of one release's kafka-clients jar. Conditional APIs are left out.
 */
export function brokerApis(requestFiles, release) {
  const definitions = new Map();
  for (const [name, text] of requestFiles) {
    const definition = firstJsonValue(stripComments(text));
    if (definition.type !== 'request' || !Number.isInteger(definition.apiKey)) throw new Error(`${name}: not a request definition`);
    if (definitions.has(definition.apiKey)) throw new Error(`${name}: api key ${definition.apiKey} defined twice`);
    definitions.set(definition.apiKey, definition);
  }
  const apis = new Map();
  for (const [apiKey, definition] of definitions) {
    const range = advertisedRange(definition);
    if (!range || CONDITIONAL_API_KEYS.includes(apiKey)) continue;
    const listeners = definition.listeners ?? [];
    const modes = Object.keys(LISTENER_BY_MODE).filter((mode) => servedBy(mode, apiKey, listeners, release));
    if (modes.length > 0) apis.set(apiKey, { ...range, modes });
  }
  return new Map([...apis].sort(([a], [b]) => a - b));
}

function servedBy(mode, apiKey, listeners, release) {
  if (BROKER_ADDED_APIS.some((added) => added.release === release && added.mode === mode && added.apiKey === apiKey)) return true;
  if (!listeners.includes(LISTENER_BY_MODE[mode])) return false;
  return mode !== 'kraft' || !isForwardable(apiKey, release) || listeners.includes('controller');
}
