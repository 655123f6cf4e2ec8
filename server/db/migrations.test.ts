import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = path.join(import.meta.dirname, 'migrations');
const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
  dialect: string;
  entries: { idx: number; when: number; tag: string }[];
};

describe('server/db/migrations', () => {
  it('is a PostgreSQL journal whose SQL files all exist', () => {
    expect(journal.dialect).toBe('postgresql');
    expect(journal.entries.length).toBeGreaterThan(0);
    for (const entry of journal.entries) expect(fs.existsSync(path.join(folder, `${entry.tag}.sql`))).toBe(true);
  });

  // drizzle's migrator applies only migrations whose `when` is later than the last one applied: a migration
  // generated on a machine whose clock is behind would be skipped silently on every existing database.
  it('has strictly increasing timestamps, in index order', () => {
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      if (i > 0) expect(entry.when).toBeGreaterThan(journal.entries[i - 1]!.when);
    });
  });
});
