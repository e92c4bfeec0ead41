import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine.js';
import { loadedSqlParsers } from '../../src/validators/sql.js';

describe('SQL parsers load only when a file has a SQL block', () => {
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
