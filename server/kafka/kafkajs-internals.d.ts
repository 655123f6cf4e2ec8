// Types for the parts of kafkajs 2.2.4 (frozen, CommonJS) that the console builds on but kafkajs does not
// export: its Cluster (connections per broker), its admin factory, its wire Encoder/Decoder and error table.
// Only what the console uses is declared.

declare module 'kafkajs/src/cluster/index.js' {
  import type { Admin, ISocketFactory, Logger, RetryOptions, SASLOptions } from 'kafkajs';
  import type { ConnectionOptions as TlsOptions } from 'node:tls';
  import type InstrumentationEventEmitter from 'kafkajs/src/instrumentation/emitter.js';
  import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';

  export type ClusterOptions = {
    logger: Logger;
    socketFactory: ISocketFactory;
    /** A function is asked again at every bootstrap (re)connect. */
    brokers: string[] | (() => string[]);
    ssl?: TlsOptions | boolean;
    sasl?: SASLOptions;
    clientId: string;
    connectionTimeout: number;
    authenticationTimeout?: number;
    requestTimeout: number;
    enforceRequestTimeout: boolean;
    metadataMaxAge: number;
    retry: RetryOptions;
    allowAutoTopicCreation: boolean;
    isolationLevel?: number;
    instrumentationEmitter: InstrumentationEventEmitter;
  };

  export default class Cluster {
    constructor(options: ClusterOptions);
    brokerPool: {
      /** The bootstrap connection; kafkajs rotates it through the configured brokers. */
      seedBroker: KafkajsBroker | undefined;
      /** Filled from Metadata by kafkajs's own refreshes; empty right after connect(). */
      brokers: Record<string, KafkajsBroker>;
      withBroker<T>(callback: (args: { nodeId: string; broker: KafkajsBroker }) => Promise<T>): Promise<T>;
      /** Makes every broker (seed broker included); an instance property, so it can be wrapped per cluster. */
      createBroker(options: object): KafkajsBroker;
    };
    isConnected(): boolean;
    connect(): Promise<void>;
    disconnect(): Promise<void>;
    refreshMetadata(): Promise<void>;
    findBroker(args: { nodeId: string | number }): Promise<KafkajsBroker>;
  }
  export type { Admin };
}

declare module 'kafkajs/src/broker/index.js' {
  import type { KafkaRequestDefinition } from 'kafkajs/src/protocol/request.js';

  export type KafkajsMetadata = {
    clusterId: string | null;
    controllerId: number;
    brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
    topicMetadata: {
      topicErrorCode: number;
      topic: string;
      isInternal: boolean;
      partitionMetadata: {
        partitionErrorCode: number;
        partitionId: number;
        leader: number;
        replicas: number[];
        isr: number[];
        offlineReplicas?: number[];
      }[];
    }[];
  };

  export type KafkajsBroker = {
    nodeId: number;
    isConnected(): boolean;
    versions: Record<string, { minVersion: number; maxVersion: number }> | null;
    connectionPool: {
      host: string;
      port: number;
      send<T>(request: KafkaRequestDefinition<T>): Promise<T>;
    };
    metadata(topics?: string[]): Promise<KafkajsMetadata>;
    describeConfigs(args: {
      resources: { type: number; name: string; configNames?: string[] }[];
      includeSynonyms?: boolean;
    }): Promise<{ resources: KafkajsConfigResource[] }>;
  };

  export type KafkajsConfigResource = {
    errorCode: number;
    errorMessage: string | null;
    resourceType: number;
    resourceName: string;
    configEntries: {
      configName: string;
      configValue: string | null;
      readOnly: boolean;
      isDefault: boolean;
      configSource: number;
      isSensitive: boolean;
    }[];
  };
}

declare module 'kafkajs/src/protocol/request.js' {
  import type Encoder from 'kafkajs/src/protocol/encoder.js';

  export type KafkaRequestDefinition<T> = {
    request: { apiKey: number; apiVersion: number; apiName: string; encode: () => Promise<Encoder> };
    response: { decode: (payload: Buffer) => Promise<unknown>; parse: (decoded: unknown) => Promise<T> };
    requestTimeout?: number;
    logResponseError?: boolean;
  };
}

declare module 'kafkajs/src/admin/index.js' {
  import type { Admin, Logger, RetryOptions } from 'kafkajs';
  import type Cluster from 'kafkajs/src/cluster/index.js';
  import type InstrumentationEventEmitter from 'kafkajs/src/instrumentation/emitter.js';

  export default function createAdmin(options: {
    logger: Logger;
    retry: RetryOptions;
    cluster: Cluster;
    instrumentationEmitter: InstrumentationEventEmitter;
  }): Admin;
}

declare module 'kafkajs/src/instrumentation/emitter.js' {
  export type InstrumentationEvent = { id: number; type: string; timestamp: number; payload: Record<string, unknown> };
  export default class InstrumentationEventEmitter {
    addListener(eventName: string, listener: (event: InstrumentationEvent) => void): () => void;
  }
}

declare module 'kafkajs/src/loggers/index.js' {
  import type { Logger, logCreator, logLevel } from 'kafkajs';
  export function createLogger(options: { level: logLevel; logCreator: logCreator }): Logger;
}

declare module 'kafkajs/src/network/socketFactory.js' {
  import type { ISocketFactory } from 'kafkajs';
  export default function defaultSocketFactory(): ISocketFactory;
}

declare module 'kafkajs/src/protocol/encoder.js' {
  export default class Encoder {
    constructor(initialSize?: number);
    buffer: Buffer;
    size(): number;
    writeInt8(value: number): Encoder;
    writeInt16(value: number): Encoder;
    writeInt32(value: number): Encoder;
    writeInt64(value: number | string | bigint): Encoder;
    writeBoolean(value: boolean): Encoder;
    writeString(value: string | null): Encoder;
    writeUVarInt(value: number): Encoder;
    writeUVarIntString(value: string | null): Encoder;
    writeBuffer(value: Buffer): Encoder;
    writeEncoder(value: Encoder): Encoder;
  }
}

declare module 'kafkajs/src/protocol/decoder.js' {
  export default class Decoder {
    constructor(buffer: Buffer);
    offset: number;
    canReadBytes(length: number): boolean;
    readInt8(): number;
    readInt16(): number;
    readInt32(): number;
    readInt64(): { toString(): string };
    readBoolean(): boolean;
    readString(): string | null;
    readUVarInt(): number;
    readBytes(length: number): Buffer;
    readTaggedFields(): unknown;
  }
}

declare module 'kafkajs/src/protocol/error.js' {
  export type KafkaErrorCodeEntry = { type: string; code: number; retriable: boolean; message: string };
  export const errorCodes: KafkaErrorCodeEntry[];
  export function createErrorFromCode(code: number): Error & { type: string; code: number; retriable: boolean };
}
