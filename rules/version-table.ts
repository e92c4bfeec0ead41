import type { Rule, RuleContext, TableCell, TableModel } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { findPlaceholders } from '../src/placeholders.js';
import { compareVersions, readDateCell, readVersion, readVersionCell, type CellReading, type DateReading, type ParsedVersion } from '../src/validators/versions.js';

interface Options {
  versionColumns: string[];
  dateColumns: string[];
  checkOtherTables: boolean;
  checkMetadataVersion: boolean;
  minVersionShare: number;
}

const clean = (text: string) => text.replace(/[`*_]/g, '').trim();

const hasPlaceholder = (text: string) => findPlaceholders(text, { words: [] }).length > 0 || /\[[^\]]*\]/.test(text);

function columnIndex(table: TableModel, names: string[]): number {
  const wanted = names.map((n) => n.toLowerCase());
  return table.header.findIndex((cell) => wanted.includes(clean(cell.text).toLowerCase()));
}

function cellRange(context: RuleContext, cell: TableCell) {
  const { doc } = context;
  // The cell's range includes its padding; point at the text.
  let at = cell.text ? doc.text.indexOf(cell.text, cell.range.start.offset) : -1;
  if (!cell.text) {
    // An empty cell: point after its pipe and padding.
    at = cell.range.start.offset;
    if (doc.text[at] === '|') at++;
    while (at < cell.range.end.offset - 1 && doc.text[at] === ' ') at++;
  }
  const start = at >= 0 && at < cell.range.end.offset ? at : cell.range.start.offset;
  return { start: doc.pointAt(start), end: doc.pointAt(start + Math.max(1, cell.text.length)) };
}

/**
 * A column is a version (or date) column when at least `share` of its cells that say something read as one:
 * a `Release` column of `Alpha`, `Beta`, `GA` is a column of release stages, not of versions.
 */
function qualifies(readings: Array<{ kind: string }>, good: string[], share: number): boolean {
  const counted = readings.filter((r) => r.kind !== 'label' && r.kind !== 'skip');
  const matching = counted.filter((r) => good.includes(r.kind)).length;
  return matching > 0 && matching >= share * counted.length;
}

const VERSION_HINT = 'expected a version such as 1.2.0, v1beta1 or 2024-01-15; a label such as Unreleased or GA is fine too';

interface Row {
  line: number;
  versionCell: TableCell;
  reading: CellReading | { kind: 'skip' };
  dateCell?: TableCell;
  date?: DateReading | { kind: 'skip' };
}

const rule: Rule<Options> = {
  meta: {
    id: 'version-table',
    description: 'Version-history tables hold valid, monotonic versions and real dates; version columns hold real versions',
    defaultSeverity: 'error',
    docsUrl: docsUrl('version-table'),
    optionsSchema: {
      type: 'object',
      properties: {
        versionColumns: { type: 'array', items: { type: 'string' }, description: 'Header names of version columns (case-insensitive).' },
        dateColumns: { type: 'array', items: { type: 'string' }, description: 'Header names of date columns; a table with both is a change log.' },
        checkOtherTables: { type: 'boolean', description: 'Check Version columns of tables that are not change logs (technology stacks).' },
        checkMetadataVersion: { type: 'boolean', description: 'The metadata Version must equal the newest change-log version.' },
        minVersionShare: { type: 'number', minimum: 0, maximum: 1, description: 'Share of a column\'s cells (labels aside) that must read as versions (or dates) for the column to be checked.' },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      versionColumns: ['Version', 'Ver', 'Ver.', 'Release', 'Revision', 'Rev'],
      dateColumns: ['Date', 'Release Date', 'Released', 'Updated', 'Last Updated'],
      checkOtherTables: true,
      checkMetadataVersion: true,
      minVersionShare: 0.5,
    },
    fixable: false,
    tags: ['tables'],
  },
  check(context) {
    const { doc, options } = context;
    let newest: { version: ParsedVersion; text: string; line: number } | undefined;
    for (const table of doc.tables) {
      const versionColumn = columnIndex(table, options.versionColumns);
      if (versionColumn < 0) continue;
      const dateColumn = columnIndex(table, options.dateColumns);
      const rows: Row[] = [];
      table.rows.forEach((row, i) => {
        const versionCell = row[versionColumn];
        if (!versionCell) return;
        const dateCell = dateColumn >= 0 ? row[dateColumn] : undefined;
        rows.push({
          line: table.rowLines[i]!,
          versionCell,
          // Placeholders (`v[X.Y.Z]`, `YYYY-MM-DD`) are left to no-placeholders.
          reading: hasPlaceholder(versionCell.text) ? { kind: 'skip' } : readVersionCell(versionCell.text),
          dateCell,
          date: dateCell === undefined ? undefined : hasPlaceholder(dateCell.text) ? { kind: 'skip' } : readDateCell(dateCell.text),
        });
      });
      if (!qualifies(rows.map((r) => r.reading), ['version', 'range'], options.minVersionShare)) continue;
      const dates = rows.flatMap((r) => (r.date ? [r.date] : []));
      if (dateColumn >= 0 && qualifies(dates, ['date', 'impossible'], options.minVersionShare)) {
        const latest = checkChangeLog(context, rows);
        if (latest && (!newest || compareVersions(latest.version, newest.version) > 0)) newest = latest;
      } else if (options.checkOtherTables) {
        for (const row of rows) {
          if (row.reading.kind === 'other') {
            context.report({ message: `"${clean(row.versionCell.text)}" is not a version or version range (${VERSION_HINT})`, range: cellRange(context, row.versionCell), key: `not-a-version:${clean(row.versionCell.text)}` });
          }
        }
      }
    }
    if (newest && options.checkMetadataVersion) {
      const field = doc.metadata.find((m) => m.normalizedKey === 'version' || m.normalizedKey === 'document version');
      const declared = field ? readVersion(clean(field.value)) : undefined;
      if (field && declared && declared.family === newest.version.family && compareVersions(declared, newest.version) !== 0) {
        context.report({
          message: `Metadata Version ${field.value} does not match the newest change-log version ${newest.text} (line ${newest.line}): update one of them`,
          range: field.valueRange,
          key: `metadata-version:${field.value}`,
        });
      }
    }
  },
};

function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const [x, y] = [a.slice(0, n), b.slice(0, n)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function checkChangeLog(context: RuleContext<Options>, rows: Row[]) {
  const seen = new Map<string, number>();
  const versioned: Array<{ row: Row; version: ParsedVersion; text: string; date?: string }> = [];
  for (const row of rows) {
    const text = clean(row.versionCell.text);
    const reading = row.reading;
    if (reading.kind === 'other') {
      context.report({ message: `"${text}" is not a version (${VERSION_HINT})`, range: cellRange(context, row.versionCell), key: `not-a-version:${text}` });
    } else if (reading.kind === 'version') {
      const first = seen.get(reading.version.normal);
      if (first !== undefined) {
        context.report({ message: `Duplicate version ${text} (also on line ${first}): give each row its own version`, range: cellRange(context, row.versionCell), key: `duplicate-version:${reading.version.normal}` });
      } else seen.set(reading.version.normal, row.line);
      versioned.push({ row, version: reading.version, text, date: row.date?.kind === 'date' ? row.date.sortable : undefined });
    } else if (reading.kind === 'label' && text === '' && row.date?.kind === 'date') {
      context.report({ message: 'Missing version in the change log: fill in the version of this dated row', range: cellRange(context, row.versionCell), key: `missing-version:${clean(row.dateCell?.text ?? '')}` });
    }
    if (row.date?.kind === 'impossible' && row.dateCell) {
      const dateText = clean(row.dateCell.text);
      context.report({ message: `"${dateText}" is not a date that exists: correct it (YYYY-MM-DD)`, range: cellRange(context, row.dateCell), key: `impossible-date:${dateText}` });
    }
  }

  // Order is checked among versions of one family (1.2.0 and v1beta1 are one family; 2024-01-15 API versions another;
  // labels such as Unreleased are outside it). One direction for the table, set by the first two that differ.
  let direction = 0;
  const lastOfFamily = new Map<string, (typeof versioned)[number]>();
  const ordered: Array<{ previous: (typeof versioned)[number]; current: (typeof versioned)[number]; order: number }> = [];
  for (const current of versioned) {
    const previous = lastOfFamily.get(current.version.family);
    lastOfFamily.set(current.version.family, current);
    if (!previous) continue;
    const order = compareVersions(current.version, previous.version);
    if (order !== 0) ordered.push({ previous, current, order });
  }
  for (const { previous, current, order } of ordered) {
    if (direction === 0) direction = order;
    else if (order !== direction) {
      context.report({
        message: `Version ${current.text} breaks the ${direction > 0 ? 'ascending' : 'descending'} order of the table (previous row: ${previous.text}): move the row or correct the version`,
        range: cellRange(context, current.row.versionCell),
        key: `version-order:${current.version.normal}`,
      });
    }
  }
  const dated = versioned.filter((v) => v.date !== undefined);
  for (let i = 1; i < dated.length && direction !== 0; i++) {
    const [previous, current] = [dated[i - 1]!, dated[i]!];
    const order = compareDates(current.date!, previous.date!);
    if (order !== 0 && order !== direction) {
      context.report({
        message: `Date ${clean(current.row.dateCell!.text)} goes ${order < 0 ? 'back' : 'forward'} in time while versions go ${direction > 0 ? 'up' : 'down'} (previous row: ${clean(previous.row.dateCell!.text)}): correct the date or the order of the rows`,
        range: cellRange(context, current.row.dateCell!),
        key: `date-order:${current.date}`,
      });
    }
  }
  const numeric = versioned.filter((v) => v.version.family === 'numeric');
  const best = numeric.reduce<(typeof numeric)[number] | undefined>((a, r) => (!a || compareVersions(r.version, a.version) > 0 ? r : a), undefined);
  return best ? { version: best.version, text: best.text, line: best.row.line } : undefined;
}

export default rule;
