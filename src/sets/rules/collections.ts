/**
 * Numbered collections (RFCs, KEPs, ADRs, EIPs, proposals).
 *
 * - collection-duplicate-number: two documents of one collection with the same number.
 * - collection-number-mismatch: a document whose title or metadata gives another number than its file name.
 * - collection-index: the collection's index (README table or list) lists every document, with its title and status.
 */
import { docsUrl } from '../../rule-helpers.js';
import type { DocumentSummary, SummaryIndexEntry } from '../../types.js';
import type { SetRule } from '../context.js';
import { DEFAULT_NUMBERING, displayName, fieldNumber, fileNumber, titleNumber } from '../numbers.js';
import type { ResolvedNumbering, SpecSet } from '../types.js';
import { normalizeStatus } from './status.js';

export interface NumberReading {
  value: number;
  source: 'file' | 'title' | 'metadata';
  text: string;
  line: number;
  column: number;
  endColumn: number;
}

/** A document's numbers as the collection's patterns read them: file name, title, metadata. */
export function readNumbers(path: string, summary: DocumentSummary | undefined, numbering: ResolvedNumbering = DEFAULT_NUMBERING): NumberReading[] {
  const out: NumberReading[] = [];
  const file = fileNumber(path, numbering.file);
  if (file) out.push({ value: file.value, source: 'file', text: file.name, line: 1, column: 1, endColumn: 1 });
  if (!summary) return out;
  const titleHeading = summary.headings.find((h) => h.level === 1);
  const title = summary.title ?? summary.fields?.title?.value;
  if (title) {
    const n = titleNumber(title, numbering.title);
    if (n) {
      const fromSummary = summary.numbers?.find((x) => x.source === 'title' && x.value === n.value);
      const at = fromSummary ?? (summary.title ? { line: titleHeading?.line ?? 1, column: 1, endColumn: 1 } : summary.fields!.title!);
      out.push({ value: n.value, source: 'title', text: n.text, line: at.line, column: at.column, endColumn: at.endColumn });
    }
  }
  for (const key of numbering.fields) {
    const field = summary.fields?.[key];
    const value = field && fieldNumber(field.value);
    if (field && value !== undefined) out.push({ value, source: 'metadata', text: `${key}: ${field.value}`, line: field.line, column: field.column, endColumn: field.endColumn });
  }
  return out;
}

/** A redirect left behind ("Moved to [golang.org/design/25530-sumdb](https://…)"): no sections, a link that names the number. */
function isMovedStub(summary: DocumentSummary | undefined, number: number): boolean {
  if (!summary || summary.headings.filter((h) => h.level > 1).length > 0 || summary.links.length > 3) return false;
  return summary.links.some((link) => new RegExp(`(?<!\\d)0*${number}(?!\\d)`).test(link.url));
}

/** The repository whose pull requests or issues a document's metadata cites (`prs: accepted: …/emberjs/rfcs/pull/1`). */
function repositoryOf(summary: DocumentSummary | undefined): string | undefined {
  for (const field of Object.values(summary?.fields ?? {})) {
    const match = /github\.com\/([\w.-]+\/[\w.-]+)\/(?:pull|issues)\/\d+/i.exec(field.value);
    if (match) return match[1]!.toLowerCase();
  }
  return undefined;
}

const collections = (sets: readonly SpecSet[]) => sets.filter((s) => s.kind === 'collection');
const documents = (set: SpecSet) => set.members.filter((m) => m.role === 'document');

/* ------------------------------------------------------------------ collection-duplicate-number */

export const collectionDuplicateNumber: SetRule = {
  meta: {
    id: 'collection-duplicate-number',
    description: 'Each document of a numbered collection has its own number',
    defaultSeverity: 'error',
    docsUrl: docsUrl('collection-duplicate-number'),
    fixable: false,
    tags: ['sets', 'collections'],
  },
  check({ sets, summaries, enabled, resolve, report }) {
    // A document that links to its namesake is a redirect left behind by a rename ("Moved to 2071-new-name.md").
    const linksTo = (from: string, to: string) => (summaries.get(from)?.links ?? []).some((l) => resolve(from, l.url) === to);
    for (const set of collections(sets)) {
      const numbering = set.numbering ?? DEFAULT_NUMBERING;
      const byNumber = new Map<number, Array<{ path: string; reading: NumberReading }>>();
      let highest = 0;
      for (const member of documents(set)) {
        // The file name's number is the document's number; a document without one goes by its title or metadata.
        const reading = readNumbers(member.path, summaries.get(member.path), numbering)[0];
        if (!reading) continue;
        highest = Math.max(highest, reading.value);
        const list = byNumber.get(reading.value) ?? [];
        list.push({ path: member.path, reading });
        byNumber.set(reading.value, list);
      }
      for (const [number, list] of byNumber) {
        if (list.length < 2) continue;
        const distinct = list.filter((entry) => !list.some((other) => other !== entry && linksTo(entry.path, other.path)) && !isMovedStub(summaries.get(entry.path), number));
        if (distinct.length < 2) continue;
        // One folder holding the proposals of two repositories, each numbered by its own pull requests: the numbers
        // are the repositories', not the folder's (their metadata links pull requests of different repositories).
        const repositories = new Set(distinct.map((entry) => repositoryOf(summaries.get(entry.path))));
        if (repositories.size === distinct.length && !repositories.has(undefined)) continue;
        const [first, ...rest] = distinct;
        for (const duplicate of rest) {
          if (!enabled(duplicate.path)) continue;
          const { reading } = duplicate;
          report({
            filePath: duplicate.path, line: reading.line, column: reading.column, endColumn: reading.endColumn,
            message: `Number ${number} is also used by ${displayName(first!.path)}: give this document a number of its own (the next free one is ${highest + 1})`,
            key: `number:${number}:${displayName(first!.path)}`,
            related: [{ filePath: first!.path, line: first!.reading.line, column: first!.reading.column, endColumn: first!.reading.endColumn, message: `also number ${number}` }],
          });
        }
      }
    }
  },
};

/* ------------------------------------------------------------------ collection-number-mismatch */

export const collectionNumberMismatch: SetRule = {
  meta: {
    id: 'collection-number-mismatch',
    description: 'A numbered document\'s file name, title and metadata give the same number',
    defaultSeverity: 'error',
    docsUrl: docsUrl('collection-number-mismatch'),
    fixable: false,
    tags: ['sets', 'collections'],
  },
  check({ sets, summaries, enabled, report }) {
    for (const set of collections(sets)) {
      const numbering = set.numbering ?? DEFAULT_NUMBERING;
      for (const member of documents(set)) {
        if (!enabled(member.path)) continue;
        const readings = readNumbers(member.path, summaries.get(member.path), numbering);
        const reference = readings[0];
        if (!reference) continue;
        for (const reading of readings.slice(1)) {
          if (reading.value === reference.value) continue;
          const what = reference.source === 'file' ? `the file name says ${reference.value} (${reference.text})` : `the ${reference.source} says ${reference.value}`;
          report({
            filePath: member.path, line: reading.line, column: reading.column, endColumn: reading.endColumn,
            message: `The ${reading.source} gives number ${reading.value} ("${reading.text}"), ${what}: make them agree`,
            key: `mismatch:${reading.source}:${reading.value}:${reference.value}`,
            related: reference.source === 'file' ? [] : [{ filePath: member.path, line: reference.line, column: reference.column, endColumn: reference.endColumn, message: `the ${reference.source}'s number` }],
          });
        }
      }
    }
  },
};

/* ------------------------------------------------------------------ collection-index */

interface IndexOptions {
  /** Report documents the index does not list (when it lists at least `minListed` of them). */
  missing: boolean;
  title: boolean;
  status: boolean;
  /** Share of the collection's documents an index must list before missing ones are reported (0..1). */
  minListed: number;
}

const TITLE_COLUMN = /^(?:title|name|proposal|rfc|kep|adr|decision|subject|summary|eip|document)$/i;
const STATUS_COLUMN = /^(?:status|state|stage)$/i;

/** A title without its number (`ADR-0003: Use X`, `0003 - Use X`, `3. Use X`) and markup, for comparing. */
export function comparableTitle(title: string): string {
  return title
    .replace(/^\s*\[?(?:[A-Za-z]{2,5}[- ]?)?#?\d{1,6}\]?\s*[:.\-–—]?\s*/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Text that is only a number, an id or a file name says nothing about the title. */
function isTitleText(text: string): boolean {
  const t = text.trim();
  return t !== '' && !/^(?:[A-Za-z]{2,5}[- ]?)?#?\d{1,6}$/.test(t) && !/\.(?:md|markdown)$/i.test(t) && comparableTitle(t).length >= 3;
}

function entryTitle(entry: SummaryIndexEntry): string | undefined {
  if (entry.cells) {
    // A `Title` or `Name` column first; an `RFC` / `KEP` column often holds only the number.
    const columns = Object.keys(entry.cells).filter((h) => TITLE_COLUMN.test(h.trim()));
    columns.sort((a, b) => Number(!/^(?:title|name)$/i.test(a.trim())) - Number(!/^(?:title|name)$/i.test(b.trim())));
    for (const column of columns) {
      const cell = entry.cells[column];
      if (cell !== undefined && isTitleText(cell)) return cell;
    }
  }
  return isTitleText(entry.text) ? entry.text : undefined;
}

function entryStatus(entry: SummaryIndexEntry): string | undefined {
  if (!entry.cells) return undefined;
  const column = Object.keys(entry.cells).find((h) => STATUS_COLUMN.test(h.trim()));
  const cell = column !== undefined ? entry.cells[column]?.trim() : undefined;
  return cell ? cell : undefined;
}

function sameTitle(listed: string, actual: string): boolean {
  const a = comparableTitle(listed);
  const b = comparableTitle(actual);
  return a === b || (a.length >= 8 && b.includes(a)) || (b.length >= 8 && a.includes(b));
}

function sameStatus(listed: string, actual: string): boolean {
  const a = normalizeStatus(listed);
  const b = normalizeStatus(actual);
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

export const collectionIndex: SetRule<IndexOptions> = {
  meta: {
    id: 'collection-index',
    description: 'A collection\'s index (README table or list) lists every document, with its title and status',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('collection-index'),
    optionsSchema: {
      type: 'object',
      properties: {
        missing: { type: 'boolean', description: 'Report documents the index does not list.' },
        title: { type: 'boolean', description: 'Report entries whose title differs from the document\'s.' },
        status: { type: 'boolean', description: 'Report entries whose status differs from the document\'s.' },
        minListed: { type: 'number', minimum: 0, maximum: 1, description: 'Share of the documents the index must list before missing ones are reported.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { missing: true, title: true, status: true, minListed: 0.5 },
    fixable: false,
    tags: ['sets', 'collections'],
  },
  check({ sets, summaries, options, enabled, resolve, report }) {
    for (const set of collections(sets)) {
      const index = set.members.find((m) => m.role === 'index');
      const indexSummary = index && summaries.get(index.path);
      if (!index || !indexSummary?.index || !enabled(index.path)) continue;
      const opts = options(index.path);
      const docs = new Set(documents(set).map((m) => m.path));
      const listed = new Map<string, SummaryIndexEntry>();
      for (const entry of indexSummary.index) {
        const target = resolve(index.path, entry.url);
        if (target && docs.has(target) && !listed.has(target)) listed.set(target, entry);
      }
      if (listed.size === 0) continue;
      for (const [path, entry] of listed) {
        const summary = summaries.get(path);
        if (!summary) continue;
        const actualTitle = summary.title ?? summary.fields?.title?.value;
        const title = entryTitle(entry);
        if (opts.title && title && actualTitle && !sameTitle(title, actualTitle)) {
          report({
            filePath: index.path, line: entry.line, column: entry.column, endColumn: entry.endColumn,
            message: `The index lists ${displayName(path)} as "${title}", its title is "${actualTitle}": update the index`,
            key: `title:${displayName(path)}`,
            related: [{ filePath: path, line: summary.headings.find((h) => h.level === 1)?.line ?? summary.fields?.title?.line ?? 1, column: 1, message: 'the document\'s title' }],
          });
        }
        const status = entryStatus(entry);
        if (opts.status && status && summary.status && !sameStatus(status, summary.status)) {
          report({
            filePath: index.path, line: entry.line, column: entry.column, endColumn: entry.endColumn,
            message: `The index gives ${displayName(path)} the status "${status}", the document says "${summary.status}": update the index (or the document)`,
            key: `status:${displayName(path)}`,
            related: summary.statusAt ? [{ filePath: path, ...summary.statusAt, message: 'the document\'s status' }] : [],
          });
        }
      }
      if (!opts.missing || listed.size < opts.minListed * docs.size) continue;
      const last = indexSummary.index.reduce((a, b) => (b.line > a.line ? b : a));
      for (const path of docs) {
        if (listed.has(path)) continue;
        const summary = summaries.get(path);
        const title = summary?.title ?? summary?.fields?.title?.value;
        report({
          filePath: index.path, line: last.line, column: 1,
          message: `The index does not list ${displayName(path)}${title ? ` ("${title}")` : ''}: add an entry for it`,
          key: `missing:${displayName(path)}`,
          related: [{ filePath: path, line: 1, column: 1, message: 'the document' }],
        });
      }
    }
  },
};
