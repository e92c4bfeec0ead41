import { beforeAll, describe, expect, it, vi } from 'vitest';

// The unit tier shares modules between test files (vitest.config.ts: isolate: false), so another file may already
// have loaded a SQL parser: these tests start from fresh copies of the engine and the SQL module.
let lintText: typeof import('../../src/engine.js').lintText;
let loadedSqlParsers: typeof import('../../src/validators/sql.js').loadedSqlParsers;
beforeAll(async () => {
  vi.resetModules();
  await import('../../src/project/validators.js');
  ({ lintText } = await import('../../src/engine.js'));
  ({ loadedSqlParsers } = await import('../../src/validators/sql.js'));
});

describe('SQL parsers load only when a file has a SQL block', () => {
  it('starts from a fresh module with no parser loaded', () => {
    expect([...loadedSqlParsers]).toEqual([]);
  });

  it('a document without SQL loads no SQL parser', async () => {
    await lintText('# Spec\n\n```json\n{"a": 1}\n```\n\n```yaml\na: 1\n```\n');
    expect([...loadedSqlParsers]).toEqual([]);
  });

  it('a PostgreSQL block loads libpg-query only; a MySQL block then loads sqlparser-ts', async () => {
    await lintText('# Spec\n\n```sql\nSELECT 1;\n```\n');
    expect([...loadedSqlParsers]).toEqual(['libpg-query']);
    await lintText('# Spec\n\n```sql dialect=mysql\nSELECT 1;\n```\n');
    expect([...loadedSqlParsers]).toEqual(['libpg-query', 'sqlparser-ts']);
  });
});
