// Lint: Next's rules plus the layering of the house style, enforced with no-restricted-imports per folder,
// a ban on dynamic code execution and process spawning outside scripts/, and kafkajs behind one door:
// only server/kafka/ imports it; everything else (tests and scripts included) goes through @/server/kafka/kafkajs.
import coreWebVitals from 'eslint-config-next/core-web-vitals';
import typescript from 'eslint-config-next/typescript';

const NO_PROCESS_OR_EVAL = [
  { name: 'child_process', message: 'No child processes in the console (scripts/ only).' },
  { name: 'node:child_process', message: 'No child processes in the console (scripts/ only).' },
  { name: 'vm', message: 'No dynamic code execution.' },
  { name: 'node:vm', message: 'No dynamic code execution.' },
];

const KAFKAJS_DOOR = { regex: '^kafkajs(/|$)', message: 'kafkajs is used through server/kafka/ only: import from @/server/kafka/kafkajs.' };

/**
 * `no-restricted-imports` for one folder: the process/eval ban (unless `processes`), the folders it may not
 * import, and kafkajs (unless `kafkajs`, for server/kafka/ itself).
 */
const layer = (files, group, message, { processes = false, kafkajs = false } = {}) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: processes ? [] : NO_PROCESS_OR_EVAL,
        patterns: [...(group.length ? [{ group, message }] : []), ...(kafkajs ? [] : [KAFKAJS_DOOR])],
      },
    ],
  },
});
const SERVER_IMPORTS = ['@/app/*', '@/components/*', '@/lib/*', '!@/lib/schemas', '!@/lib/errors'];

const config = [
  { ignores: ['.next/**', 'node_modules/**', '.kafka/**', '.data/**', 'playwright-report/**', 'test-results/**', 'next-env.d.ts'] },
  ...coreWebVitals,
  ...typescript,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals instead of enum.' }],
    },
  },
  layer(['app/**', 'instrumentation.ts'], [], ''),
  layer(['components/**'], ['@/app/*', '@/server/*'], 'components import lib only (house style).'),
  layer(
    ['components/ui/**'],
    ['@/app/*', '@/server/*', '@/lib/*', '!@/lib/utils', '@/components/*', '!@/components/ui'],
    'ui primitives import lib/utils and each other only.',
  ),
  layer(['lib/**'], ['@/app/*', '@/server/*', '@/components/*'], 'lib runs on server and client: it imports lib only.'),
  layer(['server/**'], SERVER_IMPORTS, 'server imports lib/schemas, lib/errors and server only.'),
  layer(['server/kafka/**'], SERVER_IMPORTS, 'server imports lib/schemas, lib/errors and server only.', { kafkajs: true }),
  // Scripts (dev cluster, demo traffic, test runner) and tests (Kafka's CLI as oracle) may spawn processes.
  layer(['scripts/**', 'test/**', 'e2e/**', '*.config.*'], [], '', { processes: true }),
  // Playwright fixtures call `use()`, which is not React's hook.
  { files: ['e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
];

export default config;
