/**
 * Markdown → mdast: remark-parse with GFM and YAML front matter, as remark-gfm parses it, with three savings that
 * leave the tree unchanged for what speclint reads. Together: 10.4–11.5 s → 7.1–7.5 s on rust-rfcs (640 files);
 * each, measured there on its own:
 *
 * - No autolink literals (bare `https://…`, `www.…`, e-mail addresses as link nodes): a third of all parse time
 *   (11.4 s → 7.1 s). A bare URL stays text; no-placeholders, the one rule that must tell it from prose, asks
 *   bare-urls.ts, and valid-links never checked URLs with a scheme.
 * - The table extension only for a document with a line that could be a delimiter row (`|---|:-:|`): it tries
 *   every line of every paragraph as a table head, a fifth of the rest (7.1 s → 5.6 s), and without a delimiter
 *   row there is no table to find.
 * - The footnote extension only for a document holding `[^`: without it there is no footnote to find (5 %).
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root } from 'mdast';

interface GfmParts {
  tables: boolean;
  footnotes: boolean;
}

function gfm(this: Processor, parts: GfmParts): void {
  const data = this.data();
  const micromark = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  // remark-gfm's order, which decides between constructs starting with the same character.
  if (parts.footnotes) {
    micromark.push(gfmFootnote());
    fromMarkdown.push(gfmFootnoteFromMarkdown());
  }
  micromark.push(gfmStrikethrough());
  fromMarkdown.push(gfmStrikethroughFromMarkdown());
  if (parts.tables) {
    micromark.push(gfmTable());
    fromMarkdown.push(gfmTableFromMarkdown());
  }
  micromark.push(gfmTaskListItem());
  fromMarkdown.push(gfmTaskListItemFromMarkdown());
}

const processors = new Map<string, Processor>();

function processorFor(parts: GfmParts): Processor {
  const key = `${parts.tables}${parts.footnotes}`;
  let processor = processors.get(key);
  if (!processor) {
    processor = unified().use(remarkParse).use(gfm, parts).use(remarkFrontmatter, ['yaml']) as unknown as Processor;
    processors.set(key, processor);
  }
  return processor;
}

const PIPE = 0x7c;
const DASH = 0x2d;

/**
 * Could any line be a GFM table's delimiter row? Such a row holds only pipes, dashes, colons and spaces, with at
 * least one pipe and one dash, after any container prefix (indentation, `>`). A line-by-line scan, not a regular
 * expression, so that a 5 MB line of dashes costs one pass.
 */
export function mayHoldTable(text: string): boolean {
  if (!text.includes('|')) return false;
  let lineStart = true;
  let valid = true;
  let pipe = false;
  let dash = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code === 10 || code === 13) {
      if (valid && pipe && dash) return true;
      lineStart = true;
      valid = true;
      pipe = false;
      dash = false;
      continue;
    }
    if (!valid) continue;
    if (code === 0x20 || code === 0x09 || code === 0x3a) continue;
    if (lineStart && code === 0x3e) continue;
    lineStart = false;
    if (code === PIPE) pipe = true;
    else if (code === DASH) dash = true;
    else valid = false;
  }
  return false;
}

/** Parse Markdown into an mdast tree, as specs are parsed (templates use this too). */
export function parseMarkdown(text: string): Root {
  return processorFor({ tables: mayHoldTable(text), footnotes: text.includes('[^') }).parse(text) as Root;
}
