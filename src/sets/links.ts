/**
 * What a document says about other documents, for the set rules: supersede / replace relations (from metadata and
 * from a status such as "Superseded by ADR-0009"), and the entries of an index (a README table or list of links to
 * the collection's documents).
 */
import { toString } from 'mdast-util-to-string';
import type { Link } from 'mdast';
import type { MetadataField, SpecDocument, SummaryIndexEntry, SummaryPosition, SummaryRelation, SummaryTarget } from '../types.js';

const SUPERSEDED_BY_KEYS = new Set(['superseded-by', 'superseded by', 'superseded_by', 'replaced-by', 'replaced by', 'replaced_by', 'obsoleted-by', 'obsoleted by', 'successor']);
const REPLACES_KEYS = new Set(['replaces', 'supersedes', 'obsoletes', 'predecessor', 'supersede', 'replace']);
const STATUS_SUPERSEDED = /^[^\p{L}]*(?:superseded|replaced|obsoleted)\s+by\b/iu;
const STATUS_KEYS = /^(?:status|state|document status|spec status)$/;

/** Links, ids (`ADR-0009`, `SE-0258`, `EIP 7702`, `#123`) and bare numbers in a metadata value. */
export function parseTargets(value: string): SummaryTarget[] {
  const targets: SummaryTarget[] = [];
  let rest = value;
  for (const m of value.matchAll(/\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target: SummaryTarget = { text: m[1]!.trim() || m[2]!, url: m[2]! };
    const n = /(?:^|[^\w])(?:([A-Za-z]{2,5})[- ]?)?#?0*(\d{1,6})\b/.exec(m[1]!);
    if (n) target.number = Number(n[2]);
    targets.push(target);
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(/(?<![\w/.-])(?:([A-Z]{2,5})[- ]?)?#?0*(\d{1,6})(?![\w.]*\/)\b/g)) {
    // A year or a version is not a document.
    if (!m[1] && /^\d{4}$/.test(m[2]!) && Number(m[2]) > 1900 && Number(m[2]) < 2100 && /\d{4}-\d/.test(rest)) continue;
    targets.push({ text: m[0], number: Number(m[2]), ...(m[1] ? { prefix: m[1] } : {}) });
  }
  return targets;
}

function relationOf(field: MetadataField, kind: SummaryRelation['kind'], raw: string): SummaryRelation {
  return {
    kind,
    line: field.valueRange.start.line,
    column: field.valueRange.start.column,
    endColumn: field.valueRange.end.line === field.valueRange.start.line ? field.valueRange.end.column : field.valueRange.start.column + field.value.length,
    targets: parseTargets(raw),
  };
}

/** The raw text of a metadata value (with its links), from the source line. */
function rawValue(doc: SpecDocument, field: MetadataField): string {
  if (field.source === 'frontmatter') return field.value;
  const { start, end } = field.valueRange;
  return doc.text.slice(start.offset, end.offset);
}

export function extractRelations(doc: SpecDocument): SummaryRelation[] {
  const relations: SummaryRelation[] = [];
  for (const field of doc.metadata) {
    const key = field.normalizedKey;
    if (SUPERSEDED_BY_KEYS.has(key)) relations.push(relationOf(field, 'superseded-by', rawValue(doc, field)));
    else if (REPLACES_KEYS.has(key)) relations.push(relationOf(field, 'replaces', rawValue(doc, field)));
    else if (STATUS_KEYS.test(key) && STATUS_SUPERSEDED.test(field.value)) {
      const raw = rawValue(doc, field);
      relations.push(relationOf(field, 'superseded-by', raw.replace(/^[\s\S]*?\bby\b/i, '')));
    }
  }
  if (!doc.metadata.some((m) => STATUS_KEYS.test(m.normalizedKey))) {
    const status = sectionStatus(doc);
    if (status && STATUS_SUPERSEDED.test(status.value)) {
      relations.push({ kind: 'superseded-by', ...status.at, targets: parseTargets(status.raw.replace(/^[\s\S]*?\bby\b/i, '')) });
    }
  }
  return relations.filter((r) => r.targets.length > 0 || r.kind === 'superseded-by');
}

const STATUS_SECTION = /^status$/i;

/**
 * The status of a document that writes it as a section (Nygard ADRs: `## Status` then `Accepted`): the first line
 * of the section's own body, when it is short.
 */
export function sectionStatus(doc: SpecDocument): { value: string; raw: string; at: SummaryPosition } | undefined {
  const section = doc.sections.find((s) => s.level >= 2 && STATUS_SECTION.test(s.text));
  if (!section) return undefined;
  const body = doc.text.slice(section.contentStart, section.bodyEnd);
  const m = /^[ \t]*(?:[-*+][ \t]+)?(\S[^\r\n]*)/m.exec(body.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\r\n]/g, ' ')));
  if (!m) return undefined;
  const raw = m[1]!.trim();
  const value = raw.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>/g, '').replace(/[*_`]/g, '').replace(/^[^\p{L}\p{N}]+/u, '').trim();
  if (value === '' || value.length > 80) return undefined;
  const offset = section.contentStart + m.index + m[0].length - m[1]!.length;
  const start = doc.pointAt(offset);
  return { value, raw, at: { line: start.line, column: start.column, endColumn: start.column + raw.length } };
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i;
/** An index lists several documents: fewer local links than this and the file is not read as one. */
const INDEX_MIN_ENTRIES = 3;
const INDEX_MAX_ENTRIES = 5000;
const CELL_MAX = 160;

/**
 * Links to local files, each with its table row (header → cell) or its list item's text: what an index says
 * about each document. Only for documents with at least three such links.
 */
export function extractIndexEntries(doc: SpecDocument): SummaryIndexEntry[] | undefined {
  const local = doc.links.filter((l) => l.kind === 'link' && !EXTERNAL.test(l.url) && l.url.trim() !== '');
  if (local.length < INDEX_MIN_ENTRIES) return undefined;
  const rows = new Map<number, { header: string[]; cells: string[] }>();
  for (const table of doc.tables) {
    const header = table.header.map((c) => c.text.trim());
    table.rows.forEach((row, i) => rows.set(table.rowLines[i]!, { header, cells: row.map((c) => c.text.trim()) }));
  }
  const entries: SummaryIndexEntry[] = [];
  const seenLines = new Set<number>();
  for (const link of local) {
    const line = link.range.start.line;
    // One entry per row or item: its first local link (later ones are "see also").
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    const entry: SummaryIndexEntry = {
      url: link.url,
      text: toString(link.node as Link).trim().slice(0, CELL_MAX),
      line,
      column: link.range.start.column,
      endColumn: link.range.end.line === line ? link.range.end.column : link.range.start.column + 1,
    };
    const row = rows.get(line);
    if (row) {
      entry.cells = {};
      row.header.forEach((name, i) => {
        if (name && row.cells[i] !== undefined) entry.cells![name] = row.cells[i]!.slice(0, CELL_MAX);
      });
    } else {
      const item = doc.lineText(line).replace(/^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '').trim();
      if (item !== doc.lineText(line).trim()) entry.item = item.slice(0, CELL_MAX * 2);
    }
    entries.push(entry);
    if (entries.length >= INDEX_MAX_ENTRIES) break;
  }
  return entries.length >= INDEX_MIN_ENTRIES ? entries : undefined;
}
