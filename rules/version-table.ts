import semver from 'semver';
import type { Rule, RuleContext, TableCell, TableModel } from '../src/types.js';
import { docsUrl, isRealDate } from '../src/rule-helpers.js';
import { findPlaceholders } from '../src/placeholders.js';

interface Options {
  versionColumns: string[];
  dateColumns: string[];
  checkOtherTables: boolean;
  checkMetadataVersion: boolean;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
/** Words a technology-stack Version cell may hold instead of a number. */
const VERSION_WORDS = /^(?:latest|lts|stable|current|n\/a|na|none|-|—|–|any|\*)$/i;

const clean = (text: string) => text.replace(/[`*_]/g, '').trim();

function toSemver(text: string): string | undefined {
  const m = VERSION.exec(clean(text));
  if (!m) return undefined;
  return `${m[1]}.${m[2]}.${m[3] ?? '0'}${m[4] ?? ''}${m[5] ?? ''}`;
}

const hasPlaceholder = (text: string) => findPlaceholders(text, { words: [] }).length > 0 || /\[[^\]]*\]/.test(text);

function columnIndex(table: TableModel, names: string[]): number {
  const wanted = names.map((n) => n.toLowerCase());
  return table.header.findIndex((cell) => wanted.includes(clean(cell.text).toLowerCase()));
}

function cellRange(context: RuleContext, cell: TableCell) {
  const { doc } = context;
  // The cell's range includes its padding; point at the text.
  const at = doc.text.indexOf(cell.text, cell.range.start.offset);
  const start = at >= 0 && at < cell.range.end.offset ? at : cell.range.start.offset;
  return { start: doc.pointAt(start), end: doc.pointAt(start + Math.max(1, cell.text.length)) };
}

const rule: Rule<Options> = {
  meta: {
    id: 'version-table',
    description: 'Version-history tables hold valid, monotonic versions and ISO dates; version columns hold real versions',
    defaultSeverity: 'error',
    docsUrl: docsUrl('version-table'),
    optionsSchema: {
      type: 'object',
      properties: {
        versionColumns: { type: 'array', items: { type: 'string' }, description: 'Header names of version columns (case-insensitive).' },
        dateColumns: { type: 'array', items: { type: 'string' }, description: 'Header names of date columns; a table with both is a change log.' },
        checkOtherTables: { type: 'boolean', description: 'Check Version columns of tables that are not change logs (technology stacks).' },
        checkMetadataVersion: { type: 'boolean', description: 'The metadata Version must equal the newest change-log version.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { versionColumns: ['Version', 'Ver', 'Ver.', 'Release', 'Revision', 'Rev'], dateColumns: ['Date', 'Release Date', 'Released', 'Updated', 'Last Updated'], checkOtherTables: true, checkMetadataVersion: true },
    fixable: false,
    tags: ['tables'],
  },
  check(context) {
    const { doc, options } = context;
    let newest: { version: string; text: string; line: number } | undefined;
    for (const table of doc.tables) {
      const versionColumn = columnIndex(table, options.versionColumns);
      if (versionColumn < 0) continue;
      const dateColumn = columnIndex(table, options.dateColumns);
      if (dateColumn >= 0) {
        const latest = checkChangeLog(context, table, versionColumn, dateColumn);
        if (latest && (!newest || semver.gt(latest.version, newest.version))) newest = latest;
      } else if (options.checkOtherTables) {
        checkVersionColumn(context, table, versionColumn);
      }
    }
    if (newest && options.checkMetadataVersion) {
      const field = doc.metadata.find((m) => m.normalizedKey === 'version' || m.normalizedKey === 'document version');
      const declared = field ? toSemver(field.value) : undefined;
      if (field && declared && declared !== newest.version) {
        context.report({ message: `Metadata Version ${field.value} does not match the newest change-log version ${newest.text} (line ${newest.line})`, range: field.valueRange });
      }
    }
  },
};

function checkChangeLog(context: RuleContext<Options>, table: TableModel, versionColumn: number, dateColumn: number) {
  const rows: Array<{ version?: string; text: string; date?: string; line: number; versionCell: TableCell; dateCell?: TableCell }> = [];
  const seen = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const line = table.rowLines[i]!;
    const versionCell = row[versionColumn];
    const dateCell = row[dateColumn];
    if (!versionCell) return;
    const entry: (typeof rows)[number] = { text: clean(versionCell.text), line, versionCell, dateCell };
    if (hasPlaceholder(versionCell.text)) {
      // Left to no-placeholders.
    } else if (!entry.text) {
      context.report({ message: 'Missing version in the change log', range: cellRange(context, versionCell) });
    } else {
      entry.version = toSemver(versionCell.text);
      if (!entry.version) context.report({ message: `"${entry.text}" is not a version (expected semver like 1.2.0 or major.minor like 1.2)`, range: cellRange(context, versionCell) });
      else if (seen.has(entry.version)) context.report({ message: `Duplicate version ${entry.text} (also on line ${seen.get(entry.version)})`, range: cellRange(context, versionCell) });
      else seen.set(entry.version, line);
    }
    if (dateCell && clean(dateCell.text) && !hasPlaceholder(dateCell.text)) {
      if (isRealDate(clean(dateCell.text))) entry.date = clean(dateCell.text);
      else context.report({ message: `"${clean(dateCell.text)}" is not an ISO date that exists (expected YYYY-MM-DD)`, range: cellRange(context, dateCell) });
    }
    rows.push(entry);
  });

  // One direction for the whole table, set by the first two versions that differ; dates follow it.
  const versioned = rows.filter((r) => r.version);
  let direction = 0;
  for (let i = 1; i < versioned.length; i++) {
    const [previous, current] = [versioned[i - 1]!, versioned[i]!];
    const order = semver.compare(current.version!, previous.version!);
    if (order === 0) continue;
    if (direction === 0) direction = order;
    else if (order !== direction) {
      context.report({
        message: `Version ${current.text} breaks the ${direction > 0 ? 'ascending' : 'descending'} order of the table (previous row: ${previous.text})`,
        range: cellRange(context, current.versionCell),
      });
    }
  }
  const dated = rows.filter((r) => r.date);
  for (let i = 1; i < dated.length && direction !== 0; i++) {
    const [previous, current] = [dated[i - 1]!, dated[i]!];
    const order = current.date! < previous.date! ? -1 : current.date! > previous.date! ? 1 : 0;
    if (order !== 0 && order !== direction) {
      context.report({
        message: `Date ${current.date} goes ${order < 0 ? 'back' : 'forward'} in time while versions go ${direction > 0 ? 'up' : 'down'} (previous row: ${previous.date})`,
        range: cellRange(context, current.dateCell!),
      });
    }
  }
  const best = versioned.reduce<(typeof versioned)[number] | undefined>((a, r) => (!a || semver.gt(r.version!, a.version!) ? r : a), undefined);
  return best ? { version: best.version!, text: best.text, line: best.line } : undefined;
}

function checkVersionColumn(context: RuleContext<Options>, table: TableModel, versionColumn: number): void {
  for (const row of table.rows) {
    const cell = row[versionColumn];
    if (!cell) continue;
    const text = clean(cell.text).replace(/\s*\(.*\)$/, '');
    if (!text || hasPlaceholder(cell.text) || VERSION_WORDS.test(text)) continue;
    const plain = text.replace(/^v(?=\d)/, '').replace(/\s+LTS$/i, '').replace(/\+$/, '');
    const ok = VERSION.test(text) || /^\d+(?:\.\d+)*(?:\.x)?$/.test(plain) || semver.validRange(plain) !== null;
    if (!ok) context.report({ message: `"${text}" is not a version or version range`, range: cellRange(context, cell) });
  }
}

export default rule;
