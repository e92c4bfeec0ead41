/**
 * Markdown → mdast: remark-parse with GFM and YAML front matter, as remark-gfm parses it, with four savings that
 * leave the tree unchanged for what speclint reads. The first three together: 10.4–11.5 s → 7.1–7.5 s on rust-rfcs (640 files);
 * each, measured there on its own:
 *
 * - No autolink literals (bare `https://…`, `www.…`, e-mail addresses as link nodes): a third of all parse time
 *   (11.4 s → 7.1 s). A bare URL stays text; no-placeholders, the one rule that must tell it from prose, asks
 *   bare-urls.ts, and valid-links never checked URLs with a scheme.
 * - The table extension only for a document with a line that could be a delimiter row (`|---|:-:|`): it tries
 *   every line of every paragraph as a table head, a fifth of the rest (7.1 s → 5.6 s), and without a delimiter
 *   row there is no table to find.
 * - The footnote extension only for a document holding `[^`: without it there is no footnote to find (5 %).
 *
 * And patched copies of two parser pieces (vendor/: mdast-util-from-markdown's compile step, which allocated a
 * context object per micromark event, and micromark-util-subtokenize, which the bundles alias): a sixth less CPU per
 * worker on spec-kit-sized trees. remark-parse is mdast-util-from-markdown with unified around it, so the copy is
 * called directly.
 */
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root } from 'mdast';
import { fromMarkdown } from './vendor/mdast-util-from-markdown.js';

interface GfmParts {
  tables: boolean;
  footnotes: boolean;
}

export interface ParseOptions {
  extensions: MicromarkExtension[];
  mdastExtensions: FromMarkdownExtension[];
}

/** remark-parse with remark-gfm and remark-frontmatter(['yaml']), minus the parts `parts` leaves out. */
function parseOptions(parts: GfmParts): ParseOptions {
  const extensions: MicromarkExtension[] = [];
  const mdastExtensions: FromMarkdownExtension[] = [];
  // remark-gfm's order, which decides between constructs starting with the same character.
  if (parts.footnotes) {
    extensions.push(gfmFootnote());
    mdastExtensions.push(gfmFootnoteFromMarkdown());
  }
  extensions.push(gfmStrikethrough());
  mdastExtensions.push(gfmStrikethroughFromMarkdown());
  if (parts.tables) {
    extensions.push(gfmTable());
    mdastExtensions.push(gfmTableFromMarkdown());
  }
  extensions.push(gfmTaskListItem());
  mdastExtensions.push(gfmTaskListItemFromMarkdown());
  // remark-frontmatter is applied after remark-gfm.
  extensions.push(frontmatter(['yaml']));
  mdastExtensions.push(frontmatterFromMarkdown(['yaml']));
  return { extensions, mdastExtensions };
}

const optionSets = new Map<string, ParseOptions>();

function optionsFor(parts: GfmParts): ParseOptions {
  const key = `${parts.tables}${parts.footnotes}`;
  let options = optionSets.get(key);
  if (!options) {
    options = parseOptions(parts);
    optionSets.set(key, options);
  }
  return options;
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

/**
 * Lists and quotes nested deeper than this are refused before parsing. micromark's cost grows with the cube of the
 * list depth (100 levels 0.13 s, 300 levels 1.4 s, 900 levels 37 s on this machine) and no real document nests
 * past a dozen; markdown-it stops at 100 too.
 */
export const MAX_CONTAINER_DEPTH = 100;

/** Thrown for a document nested past MAX_CONTAINER_DEPTH; the shell reports its message as the reason. */
export class NestingError extends RangeError {
  constructor() {
    super(`the document nests lists or quotes more than ${MAX_CONTAINER_DEPTH} levels deep`);
    this.name = 'NestingError';
  }
}

const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;

/**
 * The deepest nesting of quotes and list items, estimated line by line without parsing: `>` markers, plus the open
 * list items whose content column a line's indentation reaches. Lazy continuation lines can only lower the
 * estimate, so a document a real parse would accept is never refused. Stops counting once past `limit`.
 */
export function containerDepth(text: string, limit = MAX_CONTAINER_DEPTH): number {
  const openItems: number[] = [];
  let deepest = 0;
  let fence: string | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    lineStart = lineEnd + 1;
    let i = 0;
    let quotes = 0;
    for (;;) {
      let j = i;
      while (j < line.length && j - i < 3 && line[j] === ' ') j++;
      if (line[j] !== '>') break;
      quotes++;
      i = j + 1;
      if (line[i] === ' ') i++;
    }
    let rest = line.slice(i);
    const indentation = rest.length - rest.trimStart().length;
    rest = rest.trimStart();
    if (fence) {
      if (rest.startsWith(fence)) fence = undefined;
      continue;
    }
    if (rest === '') continue;
    while (openItems.length > 0 && openItems[openItems.length - 1]! > indentation) openItems.pop();
    if (!THEMATIC_BREAK.test(rest)) {
      let column = indentation;
      for (let m = LIST_MARKER.exec(rest); m; m = LIST_MARKER.exec(rest)) {
        column += m[0].length;
        openItems.push(column);
        rest = rest.slice(m[0].length);
      }
    }
    const opened = /^(`{3,}|~{3,})/.exec(rest);
    if (opened) fence = opened[1];
    deepest = Math.max(deepest, quotes + openItems.length);
    if (deepest > limit) return deepest;
  }
  return deepest;
}

/**
 * A level of nesting takes at least two characters of a line's prefix, so a document nested past the limit has a
 * line with a long prefix of spaces, tabs and `>`, or many list markers on one line. One regular expression rules
 * that out for almost every file (60 ms for the whole corpus, against 900 ms for the line scan).
 */
const MAY_NEST_DEEPLY = /(?:^|\n)(?:[ \t>]{64}|[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*){8})/;

/** Throws NestingError for a text nested past MAX_CONTAINER_DEPTH (checked before any parse). */
export function assertNestingWithinLimit(text: string): void {
  if (MAY_NEST_DEEPLY.test(text) && containerDepth(text) > MAX_CONTAINER_DEPTH) throw new NestingError();
}

/** The micromark and mdast extensions a text is parsed with (only those it can use). */
export function markdownOptionsFor(text: string): ParseOptions {
  return optionsFor({ tables: mayHoldTable(text), footnotes: text.includes('[^') });
}

/** One micromark parse of a text already checked by assertNestingWithinLimit (chunks.ts parses pieces with it). */
export function parseMarkdownUnchecked(text: string): Root {
  return fromMarkdown(text, undefined, markdownOptionsFor(text)) as Root;
}

/** Parse Markdown into an mdast tree, as specs are parsed (templates use this too). Throws NestingError. */
export function parseMarkdown(text: string): Root {
  assertNestingWithinLimit(text);
  return parseMarkdownUnchecked(text);
}
