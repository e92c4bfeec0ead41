/**
 * Metadata written as text: `Key: value` lines, `**Key**: value` / `**Key:** value` lines, the same as list items
 * (`* Author(s): …`, the gRFC header), and two-column tables (`| Status | Draft |`) — at the top of the document
 * (before the first heading, or under the first heading up to the next) or in a `Metadata` section.
 */
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, List, Table } from 'mdast';
import type { MetadataField, Point, Section } from '../types.js';

interface Input {
  root: Root;
  text: string;
  sections: Section[];
  sectionTree: Section;
  title?: Section;
  pointAt: (offset: number) => Point;
}

const METADATA_SECTION = /^(?:(?:document|spec(?:ification)?|feature|proposal|rfc|design)\s+)?(?:metadata|meta|information|info|properties|details|document control|header)$/i;

// `- **Key**: value`, `**Key:** value`, `__Key__: value`, `Key: value`; optional list marker and quote.
const BOLD_KEY = /^([ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?)(\*\*|__)([^*_:\n]{1,60}?)(:?)\2(:?)[ \t]*(.*)$/;
const PLAIN_KEY = /^([ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?)([A-Za-z][A-Za-z0-9 /&()._-]{0,40}?)[ \t]*:[ \t]+(.*)$/;

export function extractTextMetadata(input: Input): MetadataField[] {
  const { root, text, sections, sectionTree, title, pointAt } = input;
  const regions: Array<[number, number]> = [];
  // Top of the document: the root's own body, and the first heading's body (up to the next heading), whatever its
  // level: a setext `Title\n----` is a level-2 title (gRFC).
  regions.push([0, sectionTree.bodyEnd]);
  const first = sections[0];
  if (first && (first === title || (!title && first.level === 2))) regions.push([first.contentStart, first.bodyEnd]);
  for (const section of sections) {
    if (METADATA_SECTION.test(section.text)) regions.push([section.contentStart, section.bodyEnd]);
  }
  const fields: MetadataField[] = [];
  const seen = new Set<number>();
  // Content inside `<details>…</details>` is folded-away guidance (a template's instructions), not the header.
  const folded = new Set<RootContent>();
  let depth = 0;
  for (const node of root.children) {
    if (node.type === 'html') {
      depth += (node.value.match(/<details\b/gi) ?? []).length - (node.value.match(/<\/details>/gi) ?? []).length;
      depth = Math.max(0, depth);
    } else if (depth > 0) folded.add(node);
  }
  for (const [from, to] of regions) {
    for (const node of root.children) {
      const start = node.position?.start.offset ?? 0;
      if (start < from || start >= to || folded.has(node)) continue;
      if (node.type === 'table') {
        for (const field of tableFields(node, text, pointAt)) {
          if (seen.has(field.keyRange.start.offset)) continue;
          seen.add(field.keyRange.start.offset);
          fields.push(field);
        }
        continue;
      }
      let previousProse: string | undefined;
      const spans = candidateLines(node, text);
      for (const [index, [lineStart, lineEnd]] of spans.entries()) {
        if (seen.has(lineStart)) continue;
        const line = text.slice(lineStart, lineEnd);
        // A sentence wrapped mid-way ("… spell\nthe ordinal out: `first pitch` …") goes on in this line: prose, not a field.
        const wrapped = node.type === 'paragraph' && previousProse !== undefined && /[\p{L}\p{N},]$/u.test(previousProse.trimEnd());
        const field = wrapped ? undefined : readLine(line, lineStart, pointAt);
        previousProse = field ? undefined : line;
        if (field) {
          seen.add(lineStart);
          if (field.value === '' && node.type === 'list') field.value = nestedValue(node as List, lineStart);
          // `* Implementation: ⏎ [swiftlang/swift-testing#535](…)`: the value wrapped to the item's next line.
          const next = spans[index + 1];
          const nextLine = next ? text.slice(next[0], next[1]) : '';
          if (field.value === '' && next && !/^\s*(?:[-*+]|\d+[.)])\s/.test(nextLine) && !readLine(nextLine, next[0], pointAt)) field.value = nextLine.trim();
          fields.push(...splitFields(field, text, pointAt));
        }
      }
    }
  }
  return fields;
}

/** Source line spans of paragraphs and list items (not code, tables, HTML) inside a block. */
function candidateLines(node: RootContent, text: string): Array<[number, number]> {
  if (node.type !== 'paragraph' && node.type !== 'list') return [];
  const spans: Array<[number, number]> = [];
  const addLines = (from: number, to: number) => {
    let lineStart = from;
    // Back up to the start of the line so list markers are included.
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    let i = lineStart;
    while (i < to) {
      let end = i;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      spans.push([i, end]);
      i = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    }
  };
  if (node.type === 'paragraph') addLines(node.position!.start.offset!, node.position!.end.offset!);
  else {
    for (const item of (node as List).children) {
      const first = item.children[0];
      if (first?.type === 'paragraph') addLines(item.position!.start.offset!, first.position!.end.offset!);
    }
  }
  return spans;
}

function readLine(line: string, lineStart: number, pointAt: (offset: number) => Point): MetadataField | undefined {
  let prefixLength: number;
  let key: string;
  let valueRaw: string;
  let source: MetadataField['source'];
  const bold = BOLD_KEY.exec(line);
  if (bold && (bold[4] === ':' || bold[5] === ':')) {
    prefixLength = bold[1]!.length;
    key = bold[3]!.trim();
    valueRaw = bold[6]!;
    source = /[-*+][ \t]+$/.test(bold[1]!) ? 'list-item' : 'line';
  } else {
    const plain = PLAIN_KEY.exec(line);
    if (!plain) return undefined;
    key = plain[2]!.trim();
    // "Note: this is prose" and URLs are not fields: keys are short, values don't start with `//`.
    if (key.split(/\s+/).length > 5 || /^\/\//.test(plain[3]!)) return undefined;
    prefixLength = plain[1]!.length;
    valueRaw = plain[3]!;
    source = /[-*+][ \t]+$/.test(plain[1]!) ? 'list-item' : 'line';
  }
  // Hard breaks (two trailing spaces or a backslash) are not part of the value.
  const value = valueRaw.replace(/(?:\s{2,}|\\)$/, '').trim();
  const valueStartInLine = line.length - valueRaw.length + (valueRaw.length - valueRaw.trimStart().length);
  const keyStart = lineStart + prefixLength;
  const keyEnd = lineStart + line.indexOf(':', prefixLength) ;
  return {
    key,
    normalizedKey: normalizeKey(key),
    value,
    source,
    keyRange: { start: pointAt(keyStart), end: pointAt(Math.max(keyStart, keyEnd)) },
    valueRange: { start: pointAt(lineStart + valueStartInLine), end: pointAt(lineStart + valueStartInLine + value.length) },
  };
}

export function normalizeKey(key: string): string {
  return key.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The form fields are matched by, in templates and documents alike: `Author(s)`, `Authors` and `author` are one
 * field, as are `creation-date` and `Creation Date`.
 */
export function canonicalKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\(s\)/g, '')
    .replace(/[-_\s]+/g, ' ')
    .trim()
    .replace(/\s*(?:#|no\.?|number)$/, '')
    .replace(/(?<=[a-z]{3})s$/, '');
}

/** Header rows that name the columns of a key/value table rather than being a field themselves. */
const KEY_VALUE_HEADER = /^(?:field|key|property|attribute|item|name|metadata|parameter|meta)$/i;

/** A two-column table whose first column holds short keys: one field per row (and the header row, unless it names the columns). */
function tableFields(node: Table, text: string, pointAt: (offset: number) => Point): MetadataField[] {
  const rows = node.children;
  if (rows.length === 0 || rows.some((row) => row.children.length !== 2)) return [];
  const isKey = (cellText: string) => cellText.length > 0 && cellText.length <= 40 && cellText.split(/\s+/).length <= 4 && !/[.!?]$/.test(cellText) && /^[\p{L}]/u.test(cellText);
  // A row with an empty key cell continues the field above (a long value wrapped onto a second row).
  const bodyKeys = rows.slice(1).map((row) => toString(row.children[0]!).trim()).filter(Boolean);
  if (bodyKeys.length === 0 || !bodyKeys.every(isKey)) return [];
  const header = rows[0]!;
  const headerKey = toString(header.children[0]!).trim().replace(/[*_:]/g, '');
  const fieldRows = KEY_VALUE_HEADER.test(headerKey) || !isKey(headerKey) ? rows.slice(1) : rows;
  const fields: MetadataField[] = [];
  for (const row of fieldRows) {
    const [keyCell, valueCell] = row.children as [Table['children'][number]['children'][number], Table['children'][number]['children'][number]];
    const key = toString(keyCell).trim().replace(/:$/, '').trim();
    const value = toString(valueCell).trim();
    if (!key) {
      const previous = fields[fields.length - 1];
      if (previous && value) previous.value = `${previous.value} ${value}`;
      continue;
    }
    const keyStart = keyCell.position!.start.offset!;
    const keyEnd = keyCell.position!.end.offset!;
    const keyAt = text.indexOf(key, keyStart);
    const valueStart = valueCell.position!.start.offset!;
    const valueAt = value ? text.indexOf(value, valueStart) : -1;
    const ks = keyAt >= 0 && keyAt < keyEnd ? keyAt : keyStart;
    const vs = valueAt >= 0 && valueAt < valueCell.position!.end.offset! ? valueAt : valueStart;
    fields.push({
      key,
      normalizedKey: normalizeKey(key),
      value,
      source: 'table',
      keyRange: { start: pointAt(ks), end: pointAt(ks + key.length) },
      valueRange: { start: pointAt(vs), end: pointAt(vs + value.length) },
    });
  }
  return fields;
}

/** The key a `Key: value` line declares, if it is one (detection reads templates line by line with it). */
export function metadataKeyOfLine(line: string): string | undefined {
  return readLine(line, 0, () => ({ line: 1, column: 1, offset: 0 }))?.key;
}

/** `* Author(s):` with the names in a nested list under it: the value is that list, comma-separated. */
function nestedValue(list: List, lineStart: number): string {
  for (const item of list.children) {
    const start = item.position!.start.offset!;
    if (start < lineStart || start > lineStart + 20) continue;
    const nested = item.children.find((child) => child.type === 'list') as List | undefined;
    if (nested) return nested.children.map((child) => toString(child).replace(/\s+/g, ' ').trim()).filter(Boolean).join(', ');
  }
  return '';
}

/** `**Branch**: x | **Date**: [DATE] | **Spec**: [link]`: several fields on one line, separated by pipes. */
function splitFields(field: MetadataField, text: string, pointAt: (offset: number) => Point): MetadataField[] {
  const separator = /\s+\|\s+(?=(?:\*\*|__)[^*_|]{1,40}(?::(?:\*\*|__)|(?:\*\*|__):))/g;
  if (!separator.test(field.value)) return [field];
  separator.lastIndex = 0;
  const start = field.valueRange.start.offset;
  const source = text.slice(start, field.valueRange.end.offset);
  const pieces: Array<{ text: string; at: number }> = [];
  let cursor = 0;
  for (let m = separator.exec(source); m; m = separator.exec(source)) {
    pieces.push({ text: source.slice(cursor, m.index), at: cursor });
    cursor = m.index + m[0].length;
  }
  pieces.push({ text: source.slice(cursor), at: cursor });
  const out: MetadataField[] = [{ ...field, value: pieces[0]!.text.trim(), valueRange: { start: pointAt(start), end: pointAt(start + pieces[0]!.text.trimEnd().length) } }];
  for (const piece of pieces.slice(1)) {
    const read = readLine(piece.text, start + piece.at, pointAt);
    if (read) out.push(read);
  }
  return out;
}
