// kafkajs behind one door: lint refuses an import of kafkajs (public or internal) anywhere outside server/kafka/,
// tests and scripts included, and accepts it inside, and the door itself everywhere.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function doorRefusals(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the kafkajs door', () => {
  it.each([
    ['server/lag/example.ts', "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n"],
    ['server/protocol/example.ts', "import type { KafkajsBroker } from 'kafkajs/src/broker/index.js';\nexport type B = KafkajsBroker;\n"],
    ['test/example.int.test.ts', "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n"],
    ['scripts/example.ts', "import kafkajs from 'kafkajs';\nexport const k = kafkajs;\n"],
  ])(
    'refuses kafkajs in %s',
    async (file, code) => {
      expect(await doorRefusals(code, file)).toEqual([expect.stringContaining('kafkajs is used through server/kafka/ only')]);
    },
    60_000,
  );

  it('accepts kafkajs inside server/kafka/ and the door from anywhere', async () => {
    expect(await doorRefusals("import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n", 'server/kafka/example.ts')).toEqual([]);
    expect(
      await doorRefusals("import { Kafka } from '@/server/kafka/kafkajs';\nexport const k = Kafka;\n", 'test/example.int.test.ts'),
    ).toEqual([]);
    expect(
      await doorRefusals(
        "import type { KafkajsBroker } from '@/server/kafka/kafkajs';\nexport type B = KafkajsBroker;\n",
        'server/protocol/example.ts',
      ),
    ).toEqual([]);
  }, 60_000);
});
