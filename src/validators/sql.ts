/**
 * SQL validation: PostgreSQL with the real PostgreSQL parser (libpg-query, WASM), other dialects with
 * sqlparser-rs (WASM). Both load on first use only. Both count in code points; we return UTF-16 offsets.
 *
 * A block is read as people write SQL in documents, not as a migration file:
 * - bind parameters (`?`, `?1`, `:name`, `@name`, `{name: Type}`) and templating (`{{ table }}`, `{% if %}`, `${var}`)
 *   are read as values, psql meta-commands (`\d users`) and `GO` batch separators as statement ends;
 * - a statement holding an elision (`...`, `…`) is an excerpt and is not checked; the other statements are;
 * - a block that fails in the configured dialect, names no dialect itself and shows another dialect's syntax
 *   (`AUTO_INCREMENT`, `TOP 10`, `ENGINE = MergeTree`) is checked in that dialect instead.
 */
import { codePointOffsetToUtf16, lineCodePointColumnToOffset, offsetToBlockPosition, type BlockProblem } from './types.js';
import { detectDialects, dialectLabel, type SqlDialect } from './sql-dialects.js';

export { SQL_DIALECTS, normalizeDialect, type SqlDialect } from './sql-dialects.js';

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

/** Where a block's dialect came from: only a dialect the block did not choose itself is open to detection. */
export type DialectSource = 'info-string' | 'language' | 'option';

export interface SqlCheckOptions {
  dialect: SqlDialect;
  source: DialectSource;
}

interface ParseError {
  /** UTF-16 offset into the parsed text. */
  offset: number;
  message: string;
}

function tokenLength(text: string, offset: number): number {
  const m = /^`[^`\n]*`|^"[^"\n]*"|^'[^'\n]*'|^\[[^\]\n]*\]|^[\w$]+|^\S/.exec(text.slice(offset));
  return m ? m[0].length : 1;
}

async function parseOnce(text: string, dialect: SqlDialect): Promise<ParseError | undefined> {
  if (dialect === 'postgresql') {
    const parser = await loadPg();
    try {
      parser.parseSync(text);
      return undefined;
    } catch (error) {
      const e = error as Error & { sqlDetails?: { cursorPosition?: number; message?: string } };
      const message = (e.sqlDetails?.message ?? e.message).split('\n')[0]!;
      const cursor = e.sqlDetails?.cursorPosition;
      // The cursor counts code points of the text parsed (the masked text, of the same UTF-16 length as the block).
      const offset = cursor === undefined ? text.length : codePointOffsetToUtf16(text, Math.max(0, cursor));
      return { offset, message: message.charAt(0).toUpperCase() + message.slice(1) };
    }
  }
  const parser = await loadSqlParser();
  try {
    parser.parse(text, dialect);
    return undefined;
  } catch (error) {
    const raw = (error as Error).message.replace(/^sql parser error:\s*/i, '');
    const at = /\s*at Line: (\d+), Column: (\d+)\s*$/.exec(raw);
    const message = raw.replace(/\s*at Line: \d+, Column: \d+\s*$/, '');
    const offset = at ? lineCodePointColumnToOffset(text, Number(at[1]), Number(at[2])) : text.length;
    return { offset, message };
  }
}

/* ------------------------------------------------------------------ lexing helpers */

interface Span {
  start: number;
  end: number;
}

/**
 * Spans of the text that are literals or comments (strings, quoted identifiers, dollar-quoted bodies, `--` and
 * `/* *\/` comments): masking and statement splitting leave them alone.
 */
function literalSpans(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    let end = -1;
    if (c === "'" || c === '"' || c === '`') {
      end = i + 1;
      while (end < text.length) {
        if (text[end] === '\\' && c !== '"') end += 2;
        else if (text[end] === c && text[end + 1] === c) end += 2;
        else if (text[end] === c) break;
        else end++;
      }
      end = Math.min(text.length, end + 1);
    } else if (c === '-' && next === '-') {
      end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
    } else if (c === '/' && next === '*') {
      end = text.indexOf('*/', i + 2);
      end = end < 0 ? text.length : end + 2;
    } else if (c === '$') {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(text.slice(i));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        end = close < 0 ? text.length : close + tag[0].length;
      }
    }
    if (end > i) {
      spans.push({ start: i, end });
      i = end;
    } else i++;
  }
  return spans;
}

function inSpans(spans: Span[], offset: number): boolean {
  for (const span of spans) {
    if (offset < span.start) return false;
    if (offset < span.end) return true;
  }
  return false;
}

/** Replace [start, end) by `replacement` padded with spaces to the same length (so positions stay put). */
function blank(chars: string[], start: number, end: number, replacement = ''): void {
  for (let i = start; i < end; i++) chars[i] = i - start < replacement.length ? replacement[i - start]! : chars[i] === '\n' || chars[i] === '\r' ? chars[i]! : ' ';
}

const MASKS: Array<{ pattern: RegExp; replace: (match: string, dialect: SqlDialect) => string | undefined }> = [
  // psql meta-commands: a line starting with a backslash (`\d users`, `\set x 1`), or `\gset` / `\g` ending a statement.
  { pattern: /^[ \t]*\\[A-Za-z!?][^\n]*/gm, replace: () => '' },
  { pattern: /\\g(?:set|exec|x)?\b[^\n]*/g, replace: () => ';' },
  // SQL Server batch separator.
  { pattern: /^[ \t]*GO[ \t]*(?:\d+[ \t]*)?$/gim, replace: () => ';' },
  // Templating: `{{ table }}` reads as a name or value, `{% if %}` / `{# #}` as nothing, `${var}` as a name.
  { pattern: /\{\{[^}\n]*\}\}|\$\{[^}\n]*\}/g, replace: (m) => `_${'x'.repeat(m.length - 1)}` },
  { pattern: /\{%[^%\n]*%\}|\{#[^#\n]*#\}/g, replace: () => '' },
  // ClickHouse query parameters `{name: Type}`, in every other dialect a value.
  { pattern: /\{\s*\w+\s*:\s*[A-Za-z]\w*(?:\([^)\n]*\))?\s*\}/g, replace: (_, dialect) => (dialect === 'clickhouse' ? undefined : '0') },
  // Bind parameters: `?`, `?1`, `:name` (not `::type` casts, not `a[1:2]` slices), `@name` (not `@@var`).
  { pattern: /(?<=[\s(,=<>!+\-*/|]|^)\?\d*(?=[\s),;]|$)/gm, replace: (m) => '0'.repeat(m.length) },
  { pattern: /(?<=[\s(,=<>!+\-*/|]|^):[A-Za-z_]\w*/gm, replace: () => '0' },
  { pattern: /(?<=[\s(,=<>!+\-*/|]|^)@[A-Za-z_]\w*/gm, replace: () => '0' },
  // Angle-bracket stand-ins: `<table_name>`, `<user-id>`.
  { pattern: /(?<=[\s(,=]|^)<[A-Za-z_][\w-]*>(?=[\s),;]|$)/gm, replace: () => '0' },
];

/** The block with parameters, templating, meta-commands and batch separators neutralised; same UTF-16 length. */
export function maskSql(text: string, dialect: SqlDialect): string {
  const spans = literalSpans(text);
  const chars = [...text.split('')];
  for (const { pattern, replace } of MASKS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (inSpans(spans, m.index)) continue;
      const replacement = replace(m[0], dialect);
      if (replacement !== undefined) blank(chars, m.index, m.index + m[0].length, replacement);
    }
  }
  return chars.join('');
}

const ELISION = /\.{3,}|…/g;

/** Statement ranges, split at `;` outside literals and comments. */
function statements(text: string): Span[] {
  const spans = literalSpans(text);
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ';' && !inSpans(spans, i)) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function hasElision(text: string, span: Span, literals: Span[]): boolean {
  const part = text.slice(span.start, span.end);
  ELISION.lastIndex = 0;
  for (let m = ELISION.exec(part); m; m = ELISION.exec(part)) {
    if (!inSpans(literals, span.start + m.index)) return true;
  }
  return false;
}

/** Parse; a failing statement that holds an elision is an excerpt: blank it and parse again. */
async function parseSkippingExcerpts(text: string, dialect: SqlDialect): Promise<ParseError | undefined> {
  let current = text;
  for (let attempt = 0; attempt < 50; attempt++) {
    const error = await parseOnce(current, dialect);
    if (!error) return undefined;
    const literals = literalSpans(current);
    const failing = statements(current).find((s) => error.offset >= s.start && error.offset < s.end) ?? statements(current).at(-1);
    if (!failing || !hasElision(current, failing, literals)) return error;
    const chars = current.split('');
    blank(chars, failing.start, failing.end);
    current = chars.join('');
  }
  return parseOnce(current, dialect);
}

/**
 * The block as written, then with parameters and templating masked. The masked reading wins unless it fails
 * earlier than the block as written (a mask read something as a parameter that was not one: `SET @x = 1`).
 */
async function check(text: string, dialect: SqlDialect): Promise<ParseError | undefined> {
  const asWritten = await parseSkippingExcerpts(text, dialect);
  if (!asWritten) return undefined;
  const maskedText = maskSql(text, dialect);
  if (maskedText === text) return asWritten;
  const masked = await parseSkippingExcerpts(maskedText, dialect);
  if (!masked) return undefined;
  return masked.offset > asWritten.offset ? masked : asWritten;
}

function problem(text: string, error: ParseError, message: string, code: string): BlockProblem {
  const start = offsetToBlockPosition(text, error.offset);
  const length = error.offset < text.length ? tokenLength(text, error.offset) : 1;
  return { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + length, message, code };
}

export async function validateSql(text: string, options: SqlCheckOptions | SqlDialect): Promise<BlockProblem[]> {
  const { dialect, source } = typeof options === 'string' ? { dialect: options, source: 'info-string' as DialectSource } : options;
  if (text.trim() === '') return [];
  const error = await check(text, dialect);
  if (!error) return [];

  if (source === 'option') {
    // The block did not choose its dialect: if its syntax is another dialect's, read it as that one.
    const candidates = detectDialects(text).filter((c) => c.dialect !== dialect);
    let firstFailure: { candidate: (typeof candidates)[number]; error: ParseError } | undefined;
    for (const candidate of candidates) {
      const other = await check(text, candidate.dialect);
      if (!other) return [];
      firstFailure ??= { candidate, error: other };
    }
    if (firstFailure) {
      // The parsers of other dialects (sqlparser-rs) miss much dialect-specific DDL (MySQL partitions, ClickHouse
      // data-skipping indexes, SQL Server filegroups): a failure there says little about a block nobody declared.
      // Say what the block looks like and how to have it checked, not that it is broken.
      const { candidate } = firstFailure;
      const label = dialectLabel(candidate.dialect);
      const first = /\S/.exec(text)?.index ?? 0;
      const at = offsetToBlockPosition(text, first);
      return [{
        line: at.line,
        column: at.column,
        message: `This block looks like ${label} (${candidate.markers.slice(0, 2).join(', ')}), not ${dialectLabel(dialect)}: mark it \`\`\`sql dialect=${candidate.dialect} or set valid-sql's "dialect" option to have it checked as ${label}`,
        code: `looks-like-${candidate.dialect}`,
        severity: 'warn',
      }];
    }
    return [problem(text, error, `${dialectLabel(dialect)}: ${error.message} (mark the block \`\`\`sql dialect=<name> if it is another dialect, or \`\`\`sql fragment if it is an excerpt)`, `syntax-${dialect}`)];
  }
  return [problem(text, error, `${dialectLabel(dialect)}: ${error.message} (mark the block \`\`\`sql fragment if it is an excerpt)`, `syntax-${dialect}`)];
}
