// Module hooks for kafkajs-esm.mjs: `kafkajs` imported from an ES module becomes a generated module with every
// export of require('kafkajs') as a named export (and the whole object as default). Other specifiers, and
// require('kafkajs') from CommonJS, are untouched.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const SHIM = 'kafkajs-esm:kafkajs';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export async function resolve(specifier, context, next) {
  if (specifier === 'kafkajs' && context.parentURL?.startsWith('file:')) {
    return { url: `${SHIM}?from=${encodeURIComponent(context.parentURL)}`, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith(SHIM)) return next(url, context);
  const from = new URL(url).searchParams.get('from') ?? pathToFileURL(`${process.cwd()}/`).href;
  const names = Object.keys(createRequire(from)('kafkajs')).filter((name) => IDENTIFIER.test(name) && name !== 'default');
  const source = [
    `import { createRequire } from 'node:module';`,
    `const kafkajs = createRequire(${JSON.stringify(from)})('kafkajs');`,
    `export default kafkajs;`,
    `export const { ${names.join(', ')} } = kafkajs;`,
  ].join('\n');
  return { format: 'module', source, shortCircuit: true };
}
