// `node --import ./scripts/bench/kafkajs-esm.mjs`: lets native ESM (tsx) import kafkajs's named exports.
//
// kafkajs is CommonJS; Node finds a CJS module's named exports by scanning its source (cjs-module-lexer), which
// stops at kafkajs's `CompressionTypes: Compression.Types` and so misses ConfigResourceTypes and later names.
// `import { ConfigResourceTypes } from 'kafkajs'` (server/kafka/topic-configs.ts) then fails outside Next's bundler
// and Vitest. This hook serves `kafkajs` to ES modules as a module that re-exports every key of require('kafkajs').
import { register } from 'node:module';

register('./kafkajs-esm-hooks.mjs', import.meta.url);
