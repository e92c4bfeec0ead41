/**
 * The anchors a Markdown document offers, as GitHub renders it: github-slugger over each heading's rendered text
 * (inline HTML tags dropped, their text kept; image alt text dropped), `-1`, `-2`… for repeats, every heading
 * counted (in lists and quotes too); plus explicit HTML anchors (`<a name="x">`, `id="x"`) anywhere and
 * `{#id}` heading attributes (Pandoc, kramdown, mdBook).
 */
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { Heading, Nodes, Root } from 'mdast';
import { parseMarkdown } from './parse/markdown.js';
import type { SpecDocument } from './types.js';

const ANCHOR = /<[a-z][\w-]*\s[^>]*?\b(?:name|id)\s*=\s*["']([^"']+)["']/gi;
const HEADING_ATTRIBUTE = /\s*\{\s*#([\w:.-]+)(?:\s[^}]*)?\}\s*$/;

/** A heading's text as GitHub slugs it: the rendered text, without HTML tags or image alt text. */
export function headingText(heading: Heading): string {
  return toString(heading, { includeHtml: false, includeImageAlt: false });
}

/** Anchors of a parsed Markdown tree, lower-cased. */
export function treeAnchors(root: Root): Set<string> {
  const slugger = new GithubSlugger();
  // GitHub keeps the spaces a heading's text ends with or doubles (`## Drivers <!-- optional -->` is `#drivers-`);
  // other renderers trim them. Both forms are anchors: a link that works somewhere is not reported.
  const trimmedSlugger = new GithubSlugger();
  const anchors = new Set<string>();
  const pending: Nodes[] = [root];
  // Depth-first in document order: the slugger's -1, -2 follow the order headings appear.
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'heading') {
      const text = headingText(node);
      anchors.add(slugger.slug(text));
      anchors.add(trimmedSlugger.slug(text.replace(/\s+/g, ' ').trim()));
      const attribute = HEADING_ATTRIBUTE.exec(text);
      if (attribute) anchors.add(attribute[1]!.toLowerCase());
    }
    if (node.type === 'html') {
      ANCHOR.lastIndex = 0;
      for (let m = ANCHOR.exec(node.value); m; m = ANCHOR.exec(node.value)) anchors.add(m[1]!.toLowerCase());
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as Nodes);
  }
  return anchors;
}

export function documentAnchors(doc: SpecDocument): Set<string> {
  return treeAnchors(doc.root);
}

const cache = new Map<string, { text: string; anchors: Set<string> }>();
const CACHE_SIZE = 256;

/** Anchors of another Markdown file from the real parser, kept per path while the text is the same. */
function parsedAnchors(path: string, text: string): Set<string> | undefined {
  const hit = cache.get(path);
  if (hit && hit.text === text) return hit.anchors;
  let anchors: Set<string>;
  try {
    anchors = treeAnchors(parseMarkdown(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch {
    return undefined; // a file the parser refuses (nested past its limit): its anchors are not checked
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(path, { text, anchors });
  return anchors;
}

// Fences in list items and quotes too (`1. ```` opens one): a fence mistaken for text would swap code and prose.
const FENCE = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** Inline Markdown removed the way it renders: images dropped, links to their text, tags dropped, emphasis marks gone. */
function renderedText(raw: string): string {
  return raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]/g, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/`+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/\*+|(?<![\w])_+|_+(?![\w])/g, '');
}

/**
 * Anchors of a Markdown text by a line scan: ATX and setext headings outside fenced code, explicit anchors anywhere.
 * About a hundredth of a parse; it can miss an anchor the parser finds (a heading inside a container, unusual inline
 * markup), never the other way round that matters: a miss is confirmed with the parser.
 */
export function scannedAnchors(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const lines = text.split(/\r\n|\r|\n/);
  let fence: string | undefined;
  let previous = '';
  for (const line of lines) {
    const opening = FENCE.exec(line);
    if (fence) {
      if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && /^[`~]+$/.test(line.replace(/^[\s>]*/, '').trim())) fence = undefined;
      previous = '';
      continue;
    }
    if (opening) {
      fence = opening[1]!;
      previous = '';
      continue;
    }
    const atx = ATX.exec(line);
    let heading: string | undefined;
    if (atx) heading = atx[1] ?? '';
    else if (SETEXT.test(line) && previous.trim() !== '' && !ATX.test(previous) && !/^ {0,3}(?:[-*+]|\d+[.)])\s|^\s*[|>]/.test(previous)) heading = previous.trim();
    if (heading !== undefined) {
      const rendered = renderedText(heading);
      anchors.add(slugger.slug(rendered));
      const attribute = HEADING_ATTRIBUTE.exec(rendered);
      if (attribute) anchors.add(attribute[1]!.toLowerCase());
    }
    previous = atx ? '' : line;
  }
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) anchors.add(m[1]!.toLowerCase());
  return anchors;
}

/**
 * Whether another Markdown file offers an anchor: a line scan first, the real parser only when the scan does not find
 * it (so the anchors for a did-you-mean, and the verdict, are the parser's). Undefined when the file cannot be parsed.
 */
export function fileAnchor(path: string, text: string, fragment: string): { found: boolean; anchors: Set<string> } | undefined {
  const scanned = scannedAnchors(text);
  if (scanned.has(fragment)) return { found: true, anchors: scanned };
  const parsed = parsedAnchors(path, text);
  return parsed ? { found: parsed.has(fragment), anchors: parsed } : undefined;
}
