/**
 * One parse per file: Markdown text → SpecDocument, the model every rule reads.
 */
import { toString } from 'mdast-util-to-string';
import { parseDocument as parseYamlDocument, isMap, isScalar, isPair, LineCounter } from 'yaml';
import type { Heading, Code, Table, Html, ListItem, Definition, Paragraph, Nodes } from 'mdast';
import type {
  SpecDocument, Section, Point, Range, MetadataField, CodeBlock, TableModel, TaskItem, LinkModel,
  HtmlComment, FrontMatter,
} from '../types.js';
import { computeLineStarts, makePointAt, makeOffsetAt } from './positions.js';
import { findMalformedTaskItems } from './tasks.js';
import { extractTextMetadata, normalizeKey } from './metadata.js';
import { parseMarkdown } from './markdown.js';
import { parseMarkdownForDocument } from './chunks.js';

export { parseMarkdown };

/** The key `definitions` uses: mdast's `identifier` form (whitespace collapsed, case-folded as micromark does). */
export function normalizeDefinitionId(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

/** Tree depth (a list level is two: list and item) far beyond any document; rules recurse per level. */
const MAX_NESTING = 2000;

export function parseDocument(input: string, filePath?: string): SpecDocument {
  const hadBom = input.charCodeAt(0) === 0xfeff;
  const text = hadBom ? input.slice(1) : input;
  const root = parseMarkdownForDocument(text);
  const lineStarts = computeLineStarts(text);
  const pointAt = makePointAt(lineStarts, text.length);
  const offsetAt = makeOffsetAt(lineStarts, text.length);
  const lineText = (line: number): string => {
    if (line < 1 || line > lineStarts.length) return '';
    const start = lineStarts[line - 1]!;
    let end = line < lineStarts.length ? lineStarts[line]! : text.length;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    return text.slice(start, end);
  };
  const rangeOf = (startOffset: number, endOffset: number): Range => ({ start: pointAt(startOffset), end: pointAt(endOffset) });

  // ---- sections (top-level headings only: a heading inside a list or quote does not open a section)
  const sectionTree: Section = {
    text: '', level: 0, children: [], line: 1, contentStart: 0, contentEnd: text.length, bodyEnd: text.length, index: -1,
  };
  const sections: Section[] = [];
  const stack: Section[] = [sectionTree];
  for (const node of root.children) {
    if (node.type !== 'heading') continue;
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    while (stack.length > 1 && stack[stack.length - 1]!.level >= node.depth) {
      stack.pop()!.contentEnd = start;
    }
    const parent = stack[stack.length - 1]!;
    const section: Section = {
      heading: node as Heading,
      text: toString(node).replace(/\s+/g, ' ').trim(),
      level: node.depth,
      parent,
      children: [],
      line: node.position!.start.line,
      contentStart: end,
      contentEnd: text.length,
      bodyEnd: text.length,
      index: sections.length,
    };
    const previous = sections[sections.length - 1];
    if (previous) previous.bodyEnd = start;
    else sectionTree.bodyEnd = start;
    parent.children.push(section);
    sections.push(section);
    stack.push(section);
  }
  const headingStarts = sections.map((s) => s.heading!.position!.start.offset!);
  const sectionAt = (offset: number): Section => {
    let lo = 0;
    let hi = headingStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headingStarts[mid]! <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found === -1 ? sectionTree : sections[found]!;
  };
  const title = sections.find((s) => s.level === 1);

  // ---- one walk over the tree for blocks, tables, tasks, links, comments
  const codeBlocks: CodeBlock[] = [];
  const tables: TableModel[] = [];
  const taskItems: TaskItem[] = [];
  const links: LinkModel[] = [];
  const definitions = new Map<string, Definition>();
  const htmlComments: HtmlComment[] = [];
  /** Lines where a task-item look-alike is literal text (code, HTML, front matter): not a malformed item. */
  const literalLines = new Set<number>();
  let frontMatter: FrontMatter | undefined;

  // A plain depth-first walk in document order (unist-util-visit costs more than all rules but one on the corpus).
  const pending: Nodes[] = [root];
  const depths: number[] = [0];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const depth = depths.pop()!;
    // Rules walk the tree recursively: past this depth they would exhaust the stack one by one.
    if (depth > MAX_NESTING) throw new RangeError(`the document nests deeper than ${MAX_NESTING} levels`);
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) {
        pending.push(node.children[i] as Nodes);
        depths.push(depth + 1);
      }
    }
    const position = node.position;
    if (!position) continue;
    const startOffset = position.start.offset!;
    switch (node.type) {
      case 'yaml': {
        frontMatter = readFrontMatter(node.value, position.start.line, rangeOf(startOffset, position.end.offset!));
        for (let l = position.start.line; l <= position.end.line; l++) literalLines.add(l);
        break;
      }
      case 'code': {
        codeBlocks.push(readCodeBlock(node, lineText, sectionAt(startOffset)));
        for (let l = position.start.line; l <= position.end.line; l++) literalLines.add(l);
        break;
      }
      case 'html': {
        for (let l = position.start.line; l <= position.end.line; l++) literalLines.add(l);
        readHtmlComments(node, pointAt, htmlComments);
        break;
      }
      case 'table': {
        tables.push(readTable(node, sectionAt(startOffset)));
        break;
      }
      case 'listItem': {
        if (typeof node.checked === 'boolean') {
          taskItems.push(readTaskItem(node, text, pointAt, sectionAt(startOffset)));
        }
        break;
      }
      case 'link':
      case 'image':
      case 'definition': {
        links.push({ node, kind: node.type, url: node.url, range: rangeOf(startOffset, position.end.offset!), section: sectionAt(startOffset) });
        if (node.type === 'definition') definitions.set(node.identifier, node);
        break;
      }
      default:
        break;
    }
  }

  for (const malformed of findMalformedTaskItems(text, lineStarts, literalLines)) {
    const offset = lineStarts[malformed.line - 1]! + malformed.column - 1;
    taskItems.push({
      checked: malformed.checked,
      text: malformed.text,
      range: rangeOf(offset, offset + malformed.found.length),
      malformed: { found: malformed.found, expected: malformed.expected },
      section: sectionAt(offset),
    });
  }
  taskItems.sort((a, b) => a.range.start.offset - b.range.start.offset);

  const metadata: MetadataField[] = [];
  if (frontMatter) metadata.push(...frontMatterFields(frontMatter, lineStarts, pointAt));
  metadata.push(...extractTextMetadata({ root, text, sections, sectionTree, title, pointAt }));

  return {
    text, hadBom, filePath, root, lineStarts, frontMatter, sectionTree, sections, title, metadata,
    codeBlocks, tables, taskItems, links, definitions, htmlComments,
    sectionAt, pointAt, offsetAt, lineText,
  };
}

function readFrontMatter(raw: string, fenceLine: number, range: Range): FrontMatter {
  const fm: FrontMatter = { raw, range, contentStartLine: fenceLine + 1 };
  try {
    const lineCounter = new LineCounter();
    const doc = parseYamlDocument(raw, { lineCounter, uniqueKeys: false });
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!;
      const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
      fm.parseError = { message: error.message.split('\n')[0]!, line: fm.contentStartLine + pos.line - 1, column: pos.col };
    } else {
      fm.data = doc.toJS({ maxAliasCount: 100 });
    }
  } catch (error) {
    fm.parseError = { message: (error as Error).message.split('\n')[0]!, line: fm.contentStartLine, column: 1 };
  }
  return fm;
}

function frontMatterFields(fm: FrontMatter, lineStarts: number[], pointAt: (o: number) => Point): MetadataField[] {
  if (fm.parseError) return looseFrontMatterFields(fm, lineStarts, pointAt);
  const yamlStart = lineStarts[fm.contentStartLine - 1];
  if (yamlStart === undefined) return [];
  const doc = parseYamlDocument(fm.raw, { uniqueKeys: false });
  if (!isMap(doc.contents)) return [];
  const fields: MetadataField[] = [];
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const keyRangeOffsets = pair.key.range ?? [0, 0, 0];
    const valueNode = pair.value as { range?: [number, number, number]; toJSON?: () => unknown } | null;
    const valueOffsets = valueNode?.range ?? [keyRangeOffsets[1], keyRangeOffsets[1], keyRangeOffsets[1]];
    const data = isScalar(valueNode) ? valueNode.value : (valueNode as { toJSON?: () => unknown } | null)?.toJSON?.();
    const value = data === null || data === undefined ? '' : data instanceof Date ? data.toISOString().slice(0, 10) : typeof data === 'object' ? JSON.stringify(data) : String(data);
    fields.push({
      key,
      normalizedKey: normalizeKey(key),
      value,
      data,
      source: 'frontmatter',
      keyRange: { start: pointAt(yamlStart + keyRangeOffsets[0]), end: pointAt(yamlStart + keyRangeOffsets[1]) },
      valueRange: { start: pointAt(yamlStart + valueOffsets[0]), end: pointAt(yamlStart + valueOffsets[1]) },
    });
  }
  return fields;
}


function readCodeBlock(node: Code, lineText: (line: number) => string, section: Section): CodeBlock {
  const start = node.position!.start;
  const firstLine = lineText(start.line);
  const fenced = /^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?(?:>\s*)*(```|~~~)/.test(firstLine) || /(```|~~~)/.test(firstLine.slice(Math.max(0, start.column - 1), start.column + 3));
  // An empty fenced block has no content line: its problems point at the opening fence.
  const contentStartLine = fenced && node.value !== '' ? start.line + 1 : start.line;
  const valueLines = node.value === '' ? [] : node.value.split(/\r\n|\r|\n/);
  const lineIndents = node.value === '' ? [start.column - 1] : valueLines.map((valueLine, i) => {
    const source = lineText(contentStartLine + i);
    if (source.endsWith(valueLine)) return source.length - valueLine.length;
    // Tabs expanded by the parser: align on the first non-blank character instead.
    const trimmed = valueLine.replace(/^[ \t]+/, '');
    const at = trimmed ? source.lastIndexOf(trimmed) : -1;
    return at >= 0 ? Math.max(0, at - (valueLine.length - trimmed.length)) : 0;
  });
  return {
    node,
    lang: (node.lang ?? '').toLowerCase(),
    meta: node.meta ?? '',
    value: node.value,
    fenced,
    contentStartLine,
    lineIndents,
    section,
  };
}

/**
 * Map a position inside a code block's value (0-based line, 1-based UTF-16 column) to the Markdown file.
 */
export function codeBlockPoint(block: CodeBlock, lineInBlock: number, columnInBlock: number): { line: number; column: number } {
  const line = Math.max(0, Math.min(lineInBlock, block.lineIndents.length - 1));
  return { line: block.contentStartLine + line, column: (block.lineIndents[line] ?? 0) + columnInBlock };
}

const COMMENT = /<!--([\s\S]*?)-->/g;

function readHtmlComments(node: Html, pointAt: (o: number) => Point, out: HtmlComment[]): void {
  const base = node.position!.start.offset!;
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(node.value); m; m = COMMENT.exec(node.value)) {
    out.push({ body: m[1]!.trim(), node, range: { start: pointAt(base + m.index), end: pointAt(base + m.index + m[0].length) } });
  }
}

function readTable(node: Table, section: Section): TableModel {
  const cellsOf = (row: Table['children'][number]) =>
    row.children.map((cell) => ({
      text: toString(cell).trim(),
      range: {
        start: { line: cell.position!.start.line, column: cell.position!.start.column, offset: cell.position!.start.offset! },
        end: { line: cell.position!.end.line, column: cell.position!.end.column, offset: cell.position!.end.offset! },
      },
    }));
  const [head, ...body] = node.children;
  return {
    node,
    header: head ? cellsOf(head) : [],
    rows: body.map(cellsOf),
    rowLines: body.map((row) => row.position!.start.line),
    section,
  };
}

function readTaskItem(node: ListItem, text: string, pointAt: (o: number) => Point, section: Section): TaskItem {
  const start = node.position!.start.offset!;
  const box = text.slice(start, Math.min(text.length, start + 200)).search(/\[[ xX]\]/);
  const boxStart = box >= 0 ? start + box : start;
  const paragraph = node.children[0] as Paragraph | undefined;
  return {
    checked: node.checked === true,
    text: paragraph ? toString(paragraph).trim() : '',
    range: { start: pointAt(boxStart), end: pointAt(boxStart + 3) },
    listItem: node,
    section,
  };
}

/**
 * Front matter that is not valid YAML (valid-yaml reports that): its top-level `key: value` lines, read one by one,
 * so that the fields that are there are not also reported missing.
 */
function looseFrontMatterFields(fm: FrontMatter, lineStarts: number[], pointAt: (o: number) => Point): MetadataField[] {
  const fields: MetadataField[] = [];
  fm.raw.split(/\r\n|\r|\n/).forEach((line, i) => {
    // Any indentation: an accidental indent is often why the YAML failed.
    const m = /^[ \t]*([A-Za-z][\w -]*?)\s*:(?:\s+(.*?))?\s*$/.exec(line);
    const lineStart = lineStarts[fm.contentStartLine - 1 + i];
    if (!m || lineStart === undefined) return;
    const value = (m[2] ?? '').replace(/\s+#.*$/, '').replace(/^["']|["']$/g, '');
    const valueAt = m[2] ? line.indexOf(m[2]) : line.length;
    fields.push({
      key: m[1]!,
      normalizedKey: normalizeKey(m[1]!),
      value,
      data: value,
      source: 'frontmatter',
      keyRange: { start: pointAt(lineStart + line.indexOf(m[1]!)), end: pointAt(lineStart + line.indexOf(m[1]!) + m[1]!.length) },
      valueRange: { start: pointAt(lineStart + valueAt), end: pointAt(lineStart + valueAt + value.length) },
    });
  });
  return fields;
}
