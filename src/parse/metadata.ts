/**
 * Metadata written as text: `Key: value` lines, `**Key**: value` / `**Key:** value` lines, and the same as list
 * items — at the top of the document (before the first section after the title) or in a `Metadata` section.
 */
import type { Root, RootContent, List } from 'mdast';
import type { MetadataField, Point, Section } from '../types.js';

interface Input {
  root: Root;
  text: string;
  sections: Section[];
  sectionTree: Section;
  title?: Section;
  pointAt: (offset: number) => Point;
}

const METADATA_SECTION = /^(?:document\s+)?(?:metadata|meta|information|info|properties|details|document control)$/i;

// `- **Key**: value`, `**Key:** value`, `__Key__: value`, `Key: value`; optional list marker and quote.
const BOLD_KEY = /^([ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?)(\*\*|__)([^*_:\n]{1,60}?)(:?)\2(:?)[ \t]*(.*)$/;
const PLAIN_KEY = /^([ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?)([A-Za-z][A-Za-z0-9 /&()._-]{0,40}?)[ \t]*:[ \t]+(.*)$/;

export function extractTextMetadata(input: Input): MetadataField[] {
  const { root, text, sections, sectionTree, title, pointAt } = input;
  const regions: Array<[number, number]> = [];
  // Top of the document: the root's own body, and the title's body (up to its first subsection).
  regions.push([0, sectionTree.bodyEnd]);
  if (title && title.index === 0) regions.push([title.contentStart, title.bodyEnd]);
  for (const section of sections) {
    if (METADATA_SECTION.test(section.text)) regions.push([section.contentStart, section.bodyEnd]);
  }
  const fields: MetadataField[] = [];
  const seen = new Set<number>();
  for (const [from, to] of regions) {
    for (const node of root.children) {
      const start = node.position?.start.offset ?? 0;
      if (start < from || start >= to) continue;
      for (const [lineStart, lineEnd] of candidateLines(node, text)) {
        if (seen.has(lineStart)) continue;
        const field = readLine(text.slice(lineStart, lineEnd), lineStart, pointAt);
        if (field) {
          seen.add(lineStart);
          fields.push(field);
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
