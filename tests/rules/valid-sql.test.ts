/** valid-sql in process: what a user sees (rule id, line, column, message), the dialect module, keys. */
import { describe, expect, it, vi } from 'vitest';
import rule from '../../rules/valid-sql.js';
import { validateConfigFile } from '../../src/config/validate.js';
import { SQL_DIALECTS, SQL_DIALECT_ALIASES, SQL_DIALECT_NAMES, detectDialects, infoStringDialect, normalizeDialect } from '../../src/validators/sql-dialects.js';
import { lintText } from '../../src/engine.js';
import { descriptorsOf, fenced, findingsOf, onlyRule } from './only-rule.js';

const RULE = 'valid-sql';

const findings = (text: string, options: Record<string, unknown> = {}) => findingsOf(RULE, text, options);

const descriptors = (text: string) => descriptorsOf(rule, text);

const block = fenced('sql');
const PG_HINT = '(mark the block ```sql dialect=<name> if it is another dialect, or ```sql fragment if it is an excerpt)';

// Parsers load once per module instance, and the unit tier shares modules between test files (isolate: false):
// this test starts from fresh copies of the engine, the rule and the SQL module.
describe('valid-sql stays lazy', () => {
  it('the rule and the dialect module load no parser; a file without SQL blocks loads none', async () => {
    vi.resetModules();
    await import('../../src/project/validators.js');
    const fresh = await import('./only-rule.js');
    const sql = await import('../../src/validators/sql.js');
    expect([...sql.loadedSqlParsers]).toEqual([]);
    expect(await fresh.findingsOf(RULE, '# Spec\n\n```json\n{}\n```\n', { dialect: 'psql' })).toEqual([]);
    expect([...sql.loadedSqlParsers]).toEqual([]);
  });
});

describe('one SQL dialect module for the options and the info string', () => {
  const every = [...SQL_DIALECTS, ...Object.keys(SQL_DIALECT_ALIASES)];

  it.each(every)('"%s" is accepted as the "dialect" option and in the info string', async (name) => {
    expect(() => validateConfigFile({ rules: { [RULE]: ['error', { dialect: name }] } }, '.specrc.json')).not.toThrow();
    expect(() => validateConfigFile({ rules: { [RULE]: ['error', { languages: { sql: name } }] } }, '.specrc.json')).not.toThrow();
    expect(infoStringDialect(`dialect=${name}`)).toBe(name);
    expect(normalizeDialect(name)).toBeDefined();
    // A block naming it gets no "Unknown SQL dialect" finding.
    expect((await findings(block('SELECT 1;', `sql dialect=${name}`))).filter((f) => f.message.startsWith('Unknown'))).toEqual([]);
  });

  it('aliases mean their dialect in both places', async () => {
    const mysql = 'CREATE TABLE t (id INT) ENGINE=InnoDB; SET @x = 1;';
    expect(await findings(block(mysql), { dialect: 'mariadb' })).toEqual([]);
    expect(await findings(block(mysql, 'sql dialect=mariadb'))).toEqual([]);
    expect(await findings(block('SELECT 1 FORM t;', 'sql dialect=psql'))).toEqual([
      { ruleId: RULE, line: 4, column: 15, message: 'PostgreSQL: Syntax error at or near "t" (mark the block ```sql fragment if it is an excerpt)' },
    ]);
    expect(await findings(block('SELECT 1 FORM t;'), { dialect: 'psql' })).toEqual([
      { ruleId: RULE, line: 4, column: 15, message: `PostgreSQL: Syntax error at or near "t" ${PG_HINT}` },
    ]);
  });

  it('an unknown name is rejected in config and reported in a block', async () => {
    expect(() => validateConfigFile({ rules: { [RULE]: ['error', { dialect: 'cobol' }] } }, '.specrc.json')).toThrow(/dialect/);
    expect(await findings(block('SELECT 1;', 'sql dialect=cobol'))).toEqual([
      { ruleId: RULE, line: 3, column: 1, message: `Unknown SQL dialect "cobol": use one of ${SQL_DIALECT_NAMES.join(', ')}` },
    ]);
  });

  it('a bare dialect word in the info string names the dialect', async () => {
    expect(infoStringDialect('mysql')).toBe('mysql');
    expect(infoStringDialect('title="a.sql"')).toBeUndefined();
    expect(await findings(block('CREATE TABLE t (id INT) ENGINE=InnoDB;', 'sql mysql'))).toEqual([]);
  });
});

describe('valid-sql: another dialect under the default PostgreSQL', () => {
  it('a MySQL block that parses as MySQL is not an error', async () => {
    const body = 'CREATE TABLE `users` (\n  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  `ok` TINYINT(1),\n  `at` TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;';
    expect(await findings(block(body))).toEqual([]);
  });

  it('a MySQL block that does not parse as MySQL either is a warning to state its dialect; stated, its error is reported', async () => {
    const body = 'CREATE TABLE `t` (\n  `id` INT AUTO_INCREMENT PRIMARY KEY\n  `name` TEXT\n);';
    const result = await lintText(block(body), { config: onlyRule(RULE) });
    expect(result.messages.map((m) => ({ severity: m.severity, line: m.line, column: m.column, message: m.message }))).toEqual([
      { severity: 'warn', line: 4, column: 1, message: 'This block looks like MySQL (AUTO_INCREMENT, backtick-quoted identifiers), not PostgreSQL: mark it ```sql dialect=mysql or set valid-sql\'s "dialect" option to have it checked as MySQL' },
    ]);
    expect(await findings(block(body, 'sql dialect=mysql'))).toEqual([
      { ruleId: RULE, line: 6, column: 3, message: 'MySQL: Expected: \',\' or \')\' after column definition, found: `name` (mark the block ```sql fragment if it is an excerpt)' },
    ]);
  });

  it('SQL Server, ClickHouse, SQLite and Snowflake syntax is read in its dialect', async () => {
    expect(await findings(block('SELECT TOP 10 [name] FROM [dbo].[users] WITH (NOLOCK)\nGO'))).toEqual([]);
    expect(await findings(block('DECLARE @limit INT = 10;\nSELECT TOP (@limit) name FROM users;'))).toEqual([]);
    expect(await findings(block('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?);'))).toEqual([]);
    expect(await findings(block('CREATE OR REPLACE TABLE t AS SELECT 1 AS a;'))).toEqual([]);
    expect(await findings(block('CREATE TABLE e (id UInt64, s Nullable(String)) ENGINE = MergeTree ORDER BY id;'))).toEqual([]);
  });

  it('a block that names its dialect is not second-guessed', async () => {
    expect(await findings(block('CREATE TABLE t (id INT AUTO_INCREMENT);', 'sql dialect=postgresql'))).toEqual([
      { ruleId: RULE, line: 4, column: 24, message: 'PostgreSQL: Syntax error at or near "AUTO_INCREMENT" (mark the block ```sql fragment if it is an excerpt)' },
    ]);
  });

  it('markers inside strings and comments do not count', () => {
    expect(detectDialects("SELECT 'AUTO_INCREMENT' -- ENGINE=InnoDB\nFROM t")).toEqual([]);
    expect(detectDialects('SELECT `a` FROM t').map((d) => d.dialect)).toEqual(['mysql']);
    expect(detectDialects('SELECT `a` FROM t FINAL WHERE x = {x: UInt64}').map((d) => d.dialect)).toEqual(['clickhouse']);
  });
});

describe('valid-sql: SQL as documents write it', () => {
  it.each([
    ['? parameters', 'SELECT * FROM users WHERE id = ? AND name = ?;'],
    [':name parameters', 'UPDATE users SET status = :status WHERE id = :id RETURNING *;'],
    ['$1 and @name parameters', 'SELECT * FROM users WHERE id = $1 AND tenant = @tenant;'],
    ['casts are not parameters', "SELECT '{}'::jsonb, a[1:2] FROM t;"],
    ['psql meta-commands', '\\d users\n\\set id 1\nSELECT * FROM users WHERE id = :id;'],
    ['templating', "SELECT * FROM {{ schema }}.users WHERE at > '{{ since }}' {% if x %}AND x{% endif %};"],
    ['an elided statement', 'CREATE TABLE orders (...);\nSELECT 1;'],
    ['an elided column list', 'SELECT id, …\nFROM orders;'],
    ['a trailing elision', 'SELECT 1;\n...'],
    ['several statements and comments', '-- one\nSELECT 1;\n/* two */\nSELECT 2;'],
  ])('%s', async (_, body) => {
    expect(await findings(block(body))).toEqual([]);
  });

  it('a real error after a ? parameter is reported at its own token', async () => {
    expect(await findings(block('SELECT * FROM users WHERE id = ? ORDER BY;'))).toEqual([
      { ruleId: RULE, line: 4, column: 42, message: `PostgreSQL: Syntax error at or near ";" ${PG_HINT}` },
    ]);
  });

  it('columns count UTF-16 units (the parser counts code points) with masked parameters before', async () => {
    expect(await findings(block("SELECT '😀😀' AS label, :who AS who FROM users WHRE id = 1;"))).toEqual([
      { ruleId: RULE, line: 4, column: 53, message: `PostgreSQL: Syntax error at or near "id" ${PG_HINT}` },
    ]);
  });

  it('an error in a statement without elision is still reported', async () => {
    expect(await findings(block('CREATE TABLE t (...);\nSELEC 1;'))).toEqual([
      { ruleId: RULE, line: 5, column: 1, message: `PostgreSQL: Syntax error at or near "SELEC" ${PG_HINT}` },
    ]);
  });

  it('a user variable the masks would misread keeps the error of the block as written', async () => {
    expect(await findings(block('SET @x = 1;'))).toEqual([
      { ruleId: RULE, line: 4, column: 5, message: `PostgreSQL: Syntax error at or near "@" ${PG_HINT}` },
    ]);
  });
});

describe('valid-sql: keys', () => {
  it('a key is the block content hash and the error class, not the position', async () => {
    const [first] = await descriptors(block('SELEC 1;'));
    const [moved] = await descriptors(`# Spec\n\nText.\n\n- item\n\n  \`\`\`sql\n  SELEC 1;\n  \`\`\`\n`);
    expect(first!.key).toMatch(/^[0-9a-f]{12}:syntax-postgresql$/);
    expect(moved!.key).toBe(first!.key);
  });
});
