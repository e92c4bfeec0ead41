/**
 * What the language server says about one document, as plain data (no connection, no file system): findings as
 * diagnostics, the edits of a fix and of a "disable for this line" directive, a heading's template guidance (hover)
 * and the template's missing sections (completion). The server (lsp.ts) wires these to the protocol.
 */
import type { CodeBlock, Finding, Section, SpecDocument } from '../types.js';
import type { CompiledType, SectionPattern } from '../templates/compile.js';
import { matchOutline } from '../templates/match.js';
import { DIRECTIVES_RULE_ID } from '../directives.js';

/** 0-based line and UTF-16 character, as LSP counts. */
export interface Position {
  line: number;
  character: number;
}
export interface TextRange {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: TextRange;
  newText: string;
}

/** The editor range of a finding: an empty range becomes the rest of its line, so there is something to underline. */
export function findingRange(finding: Finding, lineText: (line: number) => string): TextRange {
  const start = { line: finding.line - 1, character: Math.max(0, finding.column - 1) };
  let end = { line: Math.max(finding.line, finding.endLine) - 1, character: Math.max(0, finding.endColumn - 1) };
  if (end.line < start.line || (end.line === start.line && end.character <= start.character)) {
    const text = lineText(finding.line);
    end = { line: start.line, character: Math.max(start.character + (text.length > start.character ? text.length - start.character : 0), start.character) };
  }
  return { start, end };
}

/** Does a finding touch the lines of a range (what a code action request asks about)? */
export function findingTouches(finding: Finding, range: TextRange): boolean {
  const first = finding.line - 1;
  const last = Math.max(finding.line, finding.endLine) - 1;
  return first <= range.end.line && last >= range.start.line;
}

/**
 * The edit of a finding's fix. Fix offsets count in the text without a byte order mark, as the core parses it; an
 * editor's text may keep one.
 */
export function fixEdit(finding: Finding, text: string, positionAt: (offset: number) => Position): TextEdit | undefined {
  if (!finding.fix) return undefined;
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { range: { start: positionAt(finding.fix.range[0] + shift), end: positionAt(finding.fix.range[1] + shift) }, newText: finding.fix.text };
}

const within = (line: number, node: { position?: { start: { line: number }; end: { line: number } } }) =>
  Boolean(node.position && node.position.start.line <= line && line <= node.position.end.line);

/** The container prefix of a line (indentation, `> ` markers): what an inserted line needs to stay in the same place. */
const prefixOf = (lineText: string) => /^[ \t>]*/.exec(lineText)![0];

const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/**
 * An inline directive that suppresses one finding, placed where it cannot change what the document says:
 * - in a code block, a table or an HTML block (which a line of its own would split): disable before the block and
 *   enable after it;
 * - in front matter (nothing may precede it): disable the rule for the file, right after the front matter;
 * - on a heading or an empty line: `speclint-disable-next-line` on a line of its own above it (a comment inside a
 *   heading would become part of its text);
 * - elsewhere (a paragraph or list item line): `speclint-disable-line` at the end of the line.
 */
export function disableEdit(finding: Finding, doc: SpecDocument): { title: string; edits: TextEdit[] } | undefined {
  if (finding.ruleId === DIRECTIVES_RULE_ID) return undefined;
  const rule = finding.ruleId;
  const line = finding.line;
  const eol = eolOf(doc.text);
  const lineCount = doc.lineStarts.length;
  const at = (l: number, character: number): Position => ({ line: l - 1, character });
  const insertLineBefore = (l: number, text: string): TextEdit => ({ range: { start: at(l, 0), end: at(l, 0) }, newText: `${prefixOf(doc.lineText(l))}${text}${eol}` });

  if (doc.frontMatter && line <= doc.frontMatter.range.end.line) {
    const after = doc.frontMatter.range.end.line;
    const edit = after < lineCount
      ? { range: { start: at(after + 1, 0), end: at(after + 1, 0) }, newText: `<!-- speclint-disable-file ${rule} -->${eol}` }
      : { range: { start: at(after, doc.lineText(after).length), end: at(after, doc.lineText(after).length) }, newText: `${eol}<!-- speclint-disable-file ${rule} -->` };
    return { title: `Disable ${rule} for this file`, edits: [edit] };
  }
  const block = blockAround(doc, line);
  if (block) {
    const { start, end, what } = block;
    const prefix = prefixOf(doc.lineText(start));
    const endText = doc.lineText(end);
    return {
      title: `Disable ${rule} for this ${what}`,
      edits: [
        { range: { start: at(start, 0), end: at(start, 0) }, newText: `${prefix}<!-- speclint-disable ${rule} -->${eol}` },
        { range: { start: at(end, endText.length), end: at(end, endText.length) }, newText: `${eol}${prefix}<!-- speclint-enable ${rule} -->` },
      ],
    };
  }
  const text = doc.lineText(line);
  const heading = doc.sections.find((s) => s.heading && within(line, s.heading));
  if (heading || text.trim() === '') {
    const target = heading ? heading.heading!.position!.start.line : line;
    return { title: `Disable ${rule} for this line`, edits: [insertLineBefore(target, `<!-- speclint-disable-next-line ${rule} -->`)] };
  }
  const end = text.replace(/\s+$/, '').length;
  return { title: `Disable ${rule} for this line`, edits: [{ range: { start: at(line, end), end: at(line, text.length) }, newText: ` <!-- speclint-disable-line ${rule} -->` }] };
}

/** The code block, table or multi-line HTML block a line lies in (first and last line), if any. */
function blockAround(doc: SpecDocument, line: number): { start: number; end: number; what: string } | undefined {
  const code = doc.codeBlocks.find((b: CodeBlock) => within(line, b.node));
  if (code) return { start: code.node.position!.start.line, end: code.node.position!.end.line, what: 'code block' };
  const table = doc.tables.find((t) => within(line, t.node));
  if (table) return { start: table.node.position!.start.line, end: table.node.position!.end.line, what: 'table' };
  const html = doc.root.children.find((n) => n.type === 'html' && within(line, n) && n.position!.start.line !== n.position!.end.line);
  if (html) return { start: html.position!.start.line, end: html.position!.end.line, what: 'HTML block' };
  return undefined;
}

const headingOf = (pattern: { level: number; text: string }) => `${'#'.repeat(pattern.level)} ${pattern.text}`;

/** Template guidance as a reader sees it: comment fences removed (a hover would hide `<!-- … -->` entirely). */
export function readableGuidance(body: string): string {
  return body.replace(/<!--\s?/g, '').replace(/\s?-->/g, '').replace(/\n{3,}/g, '\n\n').trim();
}

/** The section whose heading covers a 1-based line. */
function sectionOnLine(doc: SpecDocument, line: number): Section | undefined {
  return doc.sections.find((s) => s.heading && within(line, s.heading));
}

/**
 * Hover on a heading: which template section it answers and what the template says to write there (the section's
 * body: guidance prose and comments). Undefined when the line holds no heading.
 */
export function headingGuidance(doc: SpecDocument, type: CompiledType, line: number): string | undefined {
  const section = sectionOnLine(doc, line);
  if (!section) return undefined;
  const match = matchOutline(doc, type);
  if (section === match.title && type.title) {
    return `**${type.id} template** — title \`${headingOf(type.title)}\` (template line ${type.title.line})`;
  }
  let pattern: SectionPattern | undefined;
  for (const [candidate, sections] of match.matched) {
    if (sections.includes(section)) {
      pattern = candidate;
      break;
    }
  }
  if (!pattern) return `**${type.id} template** — "${section.text}" is not a section of this template.`;
  const status = pattern.optional ? 'optional' : pattern.since ? `required for documents dated ${pattern.since} or later` : 'required';
  const guidance = readableGuidance(pattern.body);
  const subsections = pattern.children.filter((c) => !c.optional).map((c) => `\`${headingOf(c)}\``);
  return [
    `**${type.id} template** — \`${headingOf(pattern)}\` (template line ${pattern.line}, ${status})`,
    guidance || '_The template gives no guidance under this heading._',
    subsections.length > 0 ? `Required subsections: ${subsections.join(', ')}` : '',
  ].filter(Boolean).join('\n\n');
}

export interface SectionCompletion {
  /** The template heading (`Motivation`). */
  label: string;
  /** `## Motivation` at the document's level: what filtering compares with the typed line. */
  headingLine: string;
  /** The heading and the template's text under it (and its required subsections). */
  insertText: string;
  detail: string;
  documentation: string;
  /** Lines between where the template wants the section and the cursor: the nearest is offered first. */
  distance: number;
}

/** The template sections the document lacks, nearest to where the template puts them first. */
export function missingSections(doc: SpecDocument, type: CompiledType, line: number): SectionCompletion[] {
  const match = matchOutline(doc, type);
  const eol = eolOf(doc.text);
  return match.missing.filter((m) => !m.pattern.wildcard).map((missing) => {
    const { pattern } = missing;
    let insertText = missing.insertion !== undefined
      ? `${missing.insertion.replace(/^(?:\r?\n)+/, '').replace(/(?:\r?\n)+$/, '')}${eol}`
      : `${headingOf(pattern)}${eol}${eol}${pattern.body ? `${pattern.body}${eol}` : ''}`;
    const headingLine = insertText.split(/\r?\n/)[0]!;
    // One blank line under the heading, whatever the template's body starts with.
    insertText = insertText.replace(/^([^\r\n]*)(?:\r?\n){3,}/, `$1${eol}${eol}`);
    const expectedLine = doc.pointAt(Math.min(missing.insertAt, doc.text.length)).line;
    const where = missing.after ? `after "${missing.after.text}"` : missing.before ? `before "${missing.before.text}"` : missing.parent ? `at the start of "${missing.parent.text}"` : 'at the start of the document';
    return {
      label: pattern.text,
      headingLine,
      insertText,
      detail: `${type.id}: missing ${pattern.optional ? 'optional' : 'required'} section, expected ${where} (template line ${pattern.line})`,
      documentation: readableGuidance(pattern.body),
      distance: Math.abs(expectedLine - line),
    };
  }).sort((a, b) => a.distance - b.distance);
}
