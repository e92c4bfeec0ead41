/**
 * SQL validation: PostgreSQL with the real PostgreSQL parser (libpg-query, WASM), other dialects with
 * sqlparser-rs (WASM). Both load on first use only. Both count in code points; we return UTF-16 offsets.
 */
import { codePointOffsetToUtf16, lineCodePointColumnToOffset, offsetToBlockPosition, type BlockProblem } from './types.js';

export const SQL_DIALECTS = ['postgresql', 'mysql', 'sqlite', 'mssql', 'bigquery', 'snowflake', 'redshift', 'clickhouse', 'duckdb', 'databricks', 'hive', 'oracle', 'spark', 'teradata', 'ansi', 'generic'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

const ALIASES: Record<string, SqlDialect> = { postgres: 'postgresql', pg: 'postgresql', psql: 'postgresql', tsql: 'mssql', sqlserver: 'mssql', mariadb: 'mysql', sqlite3: 'sqlite' };

export function normalizeDialect(name: string): SqlDialect | undefined {
  const lower = name.toLowerCase();
  if ((SQL_DIALECTS as readonly string[]).includes(lower)) return lower as SqlDialect;
  return ALIASES[lower];
}

type PgModule = { loadModule(): Promise<void>; parseSync(sql: string): unknown };
type SqlParserModule = { init(): Promise<void>; parse(sql: string, dialect: string): unknown };

let pg: Promise<PgModule> | undefined;
let sqlparser: Promise<SqlParserModule> | undefined;

/** Which parsers this process has loaded (the lazy-loading promise is testable). */
export const loadedSqlParsers = new Set<string>();

function loadPg(): Promise<PgModule> {
  pg ??= import('libpg-query').then(async (module) => {
    const m = ((module as unknown as { default?: PgModule }).default?.parseSync ? (module as unknown as { default: PgModule }).default : module) as unknown as PgModule;
    await m.loadModule();
    loadedSqlParsers.add('libpg-query');
    return m;
  });
  return pg;
}

function loadSqlParser(): Promise<SqlParserModule> {
  sqlparser ??= import('@guanmingchiu/sqlparser-ts').then(async (module) => {
    const m = module as unknown as SqlParserModule;
    await m.init();
    loadedSqlParsers.add('sqlparser-ts');
    return m;
  });
  return sqlparser;
}

function tokenLength(text: string, offset: number): number {
  const m = /^[\w$]+|^\S/.exec(text.slice(offset));
  return m ? m[0].length : 1;
}

export async function validateSql(text: string, dialect: SqlDialect): Promise<BlockProblem[]> {
  if (text.trim() === '') return [];
  if (dialect === 'postgresql') {
    const parser = await loadPg();
    try {
      parser.parseSync(text);
      return [];
    } catch (error) {
      const e = error as Error & { sqlDetails?: { cursorPosition?: number; message?: string } };
      const message = (e.sqlDetails?.message ?? e.message).split('\n')[0]!;
      const cursor = e.sqlDetails?.cursorPosition;
      const offset = cursor === undefined ? text.length : codePointOffsetToUtf16(text, Math.max(0, cursor));
      const start = offsetToBlockPosition(text, offset);
      const length = offset < text.length ? tokenLength(text, offset) : 1;
      return [{ line: start.line, column: start.column, endLine: start.line, endColumn: start.column + length, message: `PostgreSQL: ${message.charAt(0).toUpperCase()}${message.slice(1)}` }];
    }
  }
  const parser = await loadSqlParser();
  try {
    parser.parse(text, dialect);
    return [];
  } catch (error) {
    const raw = (error as Error).message.replace(/^sql parser error:\s*/i, '');
    const at = /\s*at Line: (\d+), Column: (\d+)\s*$/.exec(raw);
    const message = raw.replace(/\s*at Line: \d+, Column: \d+\s*$/, '');
    const offset = at ? lineCodePointColumnToOffset(text, Number(at[1]), Number(at[2])) : text.length;
    const start = offsetToBlockPosition(text, offset);
    return [{ line: start.line, column: start.column, endLine: start.line, endColumn: start.column + tokenLength(text, offset), message: `${dialectLabel(dialect)}: ${message}` }];
  }
}

function dialectLabel(dialect: SqlDialect): string {
  const labels: Partial<Record<SqlDialect, string>> = { mysql: 'MySQL', sqlite: 'SQLite', mssql: 'SQL Server', bigquery: 'BigQuery', snowflake: 'Snowflake', generic: 'SQL', ansi: 'ANSI SQL' };
  return labels[dialect] ?? dialect.charAt(0).toUpperCase() + dialect.slice(1);
}
