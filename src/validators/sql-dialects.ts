/**
 * The SQL dialects valid-sql knows, their aliases and their display names: one list for the rule's options schema,
 * the block info-string reader (```sql dialect=psql) and the validator. No parser import here, so the rule module
 * stays free of WASM until a file has a SQL block.
 */

export const SQL_DIALECTS = ['postgresql', 'mysql', 'sqlite', 'mssql', 'bigquery', 'snowflake', 'redshift', 'clickhouse', 'duckdb', 'databricks', 'hive', 'oracle', 'spark', 'teradata', 'ansi', 'generic'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** Other spellings people use for the same dialect, all lower case. */
export const SQL_DIALECT_ALIASES: Readonly<Record<string, SqlDialect>> = {
  postgres: 'postgresql',
  pg: 'postgresql',
  psql: 'postgresql',
  pgsql: 'postgresql',
  plpgsql: 'postgresql',
  tsql: 'mssql',
  't-sql': 'mssql',
  sqlserver: 'mssql',
  'sql-server': 'mssql',
  mariadb: 'mysql',
  sqlite3: 'sqlite',
  googlesql: 'bigquery',
  sparksql: 'spark',
  plsql: 'oracle',
};

/** Every accepted name (canonical names first, then aliases): the `dialect` option's enum. */
export const SQL_DIALECT_NAMES: readonly string[] = [...SQL_DIALECTS, ...Object.keys(SQL_DIALECT_ALIASES)];

/** Canonical dialect for a name or alias, case-insensitive; undefined when unknown. */
export function normalizeDialect(name: string): SqlDialect | undefined {
  const lower = name.trim().toLowerCase();
  if ((SQL_DIALECTS as readonly string[]).includes(lower)) return lower as SqlDialect;
  return SQL_DIALECT_ALIASES[lower];
}

const LABELS: Partial<Record<SqlDialect, string>> = {
  postgresql: 'PostgreSQL', mysql: 'MySQL', sqlite: 'SQLite', mssql: 'SQL Server', bigquery: 'BigQuery', snowflake: 'Snowflake',
  redshift: 'Redshift', clickhouse: 'ClickHouse', duckdb: 'DuckDB', databricks: 'Databricks', hive: 'Hive', oracle: 'Oracle',
  spark: 'Spark SQL', teradata: 'Teradata', ansi: 'ANSI SQL', generic: 'SQL',
};

export function dialectLabel(dialect: SqlDialect): string {
  return LABELS[dialect] ?? dialect;
}

/**
 * The dialect a block names in its info string: `dialect=mysql`, `dialect:mysql`, or a bare dialect word
 * (```sql mysql). Returns the name as written (normalise it with normalizeDialect) or undefined.
 */
export function infoStringDialect(meta: string): string | undefined {
  const explicit = /(?:^|\s)dialect[=:]["']?([\w-]+)/i.exec(meta);
  if (explicit) return explicit[1];
  return meta.split(/\s+/).find((word) => word !== '' && normalizeDialect(word) !== undefined);
}

/** Info-string languages checked by default: `sql` in the configured dialect, the others in their own. */
export const DEFAULT_SQL_LANGUAGES: Readonly<Record<string, string>> = {
  sql: 'default', postgresql: 'postgresql', postgres: 'postgresql', pgsql: 'postgresql', plpgsql: 'postgresql',
  mysql: 'mysql', mariadb: 'mysql', sqlite: 'sqlite', sqlite3: 'sqlite', tsql: 'mssql', mssql: 'mssql', bigquery: 'bigquery', snowflake: 'snowflake',
};

/* ------------------------------------------------------------------ dialect markers */

interface Marker {
  dialect: SqlDialect;
  pattern: RegExp;
  /** What the message names: `AUTO_INCREMENT`. */
  name: string;
  /** How strongly the marker points at its dialect (backticks are shared by several). */
  weight: number;
}

// Matched against the block with strings and comments blanked out, so a marker inside a literal does not count.
const MARKERS: Marker[] = [
  { dialect: 'mysql', pattern: /\bAUTO_INCREMENT\b/i, name: 'AUTO_INCREMENT', weight: 3 },
  { dialect: 'mysql', pattern: /\bENGINE\s*=\s*(?:InnoDB|MyISAM|MEMORY|Aria|ARCHIVE|CSV)\b/i, name: 'ENGINE=InnoDB', weight: 3 },
  { dialect: 'mysql', pattern: /\b(?:TINY|SMALL|MEDIUM|BIG)?INT(?:EGER)?\s*(?:\(\s*\d+\s*\))?\s+UNSIGNED\b/i, name: 'UNSIGNED', weight: 3 },
  { dialect: 'mysql', pattern: /\b(?:TINYINT|MEDIUMINT|MEDIUMTEXT|LONGTEXT|TINYTEXT|LONGBLOB|MEDIUMBLOB)\b/i, name: 'MySQL column types', weight: 2 },
  { dialect: 'mysql', pattern: /\bON\s+UPDATE\s+CURRENT_TIMESTAMP\b/i, name: 'ON UPDATE CURRENT_TIMESTAMP', weight: 3 },
  { dialect: 'mysql', pattern: /\b(?:DEFAULT\s+)?CHARSET\s*=|\bCOLLATE\s*=\s*utf8/i, name: 'CHARSET=', weight: 3 },
  { dialect: 'mysql', pattern: /\bON\s+DUPLICATE\s+KEY\s+UPDATE\b/i, name: 'ON DUPLICATE KEY UPDATE', weight: 3 },
  { dialect: 'mysql', pattern: /\b[A-Za-z_]\w*\s+ENUM\s*\(\s*'/i, name: 'inline ENUM(…) columns', weight: 2 },
  { dialect: 'mysql', pattern: /`[^`\n]+`/, name: 'backtick-quoted identifiers', weight: 1 },
  { dialect: 'mssql', pattern: /(?:^|[\s(,.=])\[[A-Za-z_][\w ]*\](?=[\s.,()]|$)/m, name: '[bracketed] identifiers', weight: 2 },
  { dialect: 'mssql', pattern: /\bSELECT\s+(?:DISTINCT\s+)?TOP\s*\(?\s*\d+/i, name: 'TOP n', weight: 3 },
  { dialect: 'mssql', pattern: /\bNVARCHAR\s*\(|\bNVARCHAR\b|\bUNIQUEIDENTIFIER\b|\bDATETIME2\b/i, name: 'NVARCHAR', weight: 3 },
  { dialect: 'mssql', pattern: /^[ \t]*GO[ \t]*(?:\d+[ \t]*)?$/im, name: 'GO batch separators', weight: 3 },
  { dialect: 'mssql', pattern: /\bIDENTITY\s*\(\s*\d+\s*,\s*\d+\s*\)|\bGETDATE\s*\(\s*\)|\bWITH\s*\(\s*NOLOCK\s*\)|@@\w+/i, name: 'IDENTITY(1,1)', weight: 3 },
  { dialect: 'mssql', pattern: /\bDECLARE\s+@\w+/i, name: 'DECLARE @variables', weight: 3 },
  { dialect: 'mysql', pattern: /\bINSERT\s+IGNORE\b|\bREPLACE\s+INTO\b/i, name: 'INSERT IGNORE', weight: 3 },
  { dialect: 'sqlite', pattern: /\bINSERT\s+OR\s+(?:REPLACE|IGNORE|ABORT|FAIL|ROLLBACK)\b/i, name: 'INSERT OR REPLACE', weight: 3 },
  { dialect: 'snowflake', pattern: /\bCREATE\s+OR\s+REPLACE\s+(?:TRANSIENT\s+)?TABLE\b/i, name: 'CREATE OR REPLACE TABLE', weight: 1 },
  { dialect: 'bigquery', pattern: /\bCREATE\s+OR\s+REPLACE\s+TABLE\b/i, name: 'CREATE OR REPLACE TABLE', weight: 1 },
  { dialect: 'clickhouse', pattern: /\bENGINE\s*=\s*\w*MergeTree\b|\bENGINE\s*=\s*(?:Log|TinyLog|Memory|Distributed)\b/i, name: 'ENGINE = MergeTree', weight: 4 },
  { dialect: 'clickhouse', pattern: /\b(?:UInt(?:8|16|32|64|128|256)|Int(?:8|16|32|64|128|256)|Float(?:32|64))\b|\bNullable\s*\(|\bLowCardinality\s*\(|\bDateTime64\b/, name: 'ClickHouse types (UInt64, Nullable(…))', weight: 3 },
  { dialect: 'clickhouse', pattern: /\{\s*\w+\s*:\s*[A-Z]\w*(?:\([^)]*\))?\s*\}/, name: '{name: Type} query parameters', weight: 3 },
  { dialect: 'clickhouse', pattern: /\b(?:countIf|sumIf|avgIf|uniqExact|anyLast|argMax|argMin|groupArray|arrayJoin|toYYYYMM|toStartOf[A-Z]\w*)\s*\(|\bWITH\s+TOTALS\b/, name: 'ClickHouse functions (countIf, anyLast…)', weight: 3 },
  { dialect: 'sqlite', pattern: /\bAUTOINCREMENT\b|\bWITHOUT\s+ROWID\b|^\s*PRAGMA\b/im, name: 'AUTOINCREMENT', weight: 3 },
  { dialect: 'bigquery', pattern: /`[\w-]+\.[\w-]+\.[\w-]+`|\bSTRUCT\s*<|\bARRAY\s*<|\bSAFE_CAST\s*\(/i, name: '`project.dataset.table` names', weight: 3 },
  { dialect: 'oracle', pattern: /\bVARCHAR2\b|\bNUMBER\s*\(\s*\d+|\bFROM\s+DUAL\b|\bROWNUM\b|\bSYSDATE\b|\bNVL\s*\(/i, name: 'VARCHAR2', weight: 3 },
  { dialect: 'snowflake', pattern: /\bVARIANT\b|\bLATERAL\s+FLATTEN\s*\(|\bCREATE\s+(?:OR\s+REPLACE\s+)?WAREHOUSE\b/i, name: 'VARIANT', weight: 3 },
];

export interface DetectedDialect {
  dialect: SqlDialect;
  /** The markers found, for the message. */
  markers: string[];
  score: number;
}

/** Strings, quoted identifiers other than backticks/brackets, and comments blanked: markers count only in code. */
function codeOnly(text: string): string {
  return text.replace(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.)*"|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
}

/**
 * Dialects a block's syntax points at, best first (empty when nothing in it is dialect-specific). Used only when
 * the block fails in the configured dialect and names none itself.
 */
export function detectDialects(text: string): DetectedDialect[] {
  const code = codeOnly(text);
  const found = new Map<SqlDialect, DetectedDialect>();
  for (const marker of MARKERS) {
    if (!marker.pattern.test(code)) continue;
    const entry = found.get(marker.dialect) ?? { dialect: marker.dialect, markers: [], score: 0 };
    entry.markers.push(marker.name);
    entry.score += marker.weight;
    found.set(marker.dialect, entry);
  }
  // Backticks are also ClickHouse's, BigQuery's and SQLite's: they only lend their weight to a dialect with its own marker.
  const mysql = found.get('mysql');
  if (mysql && mysql.markers.length === 1 && mysql.markers[0] === 'backtick-quoted identifiers' && [...found.keys()].some((d) => d !== 'mysql' && d !== 'mssql')) {
    found.delete('mysql');
  }
  return [...found.values()].sort((a, b) => b.score - a.score);
}
