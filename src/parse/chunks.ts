/**
 * Incremental Markdown parsing for the editor: an edit re-parses the part of the document it touched, not all of it.
 *
 * The text is cut before ATX headings (`#`…`######` at the start of a line) that are top-level headings of the whole
 * document. Such a heading closes every open block and container, so the parse of what follows it does not depend on
 * what precedes it, and the parse of what precedes it is the same as if the heading were the end of the text. One
 * thing crosses a cut: whether `[x]` (a reference link) or `[^x]` (a footnote call) is one depends on a definition
 * of `x` anywhere in the document. Each piece that holds a `[` is therefore parsed with the document's definition
 * labels it could use appended as stand-in definitions (`[x]: #`, `[^x]: x`), which are dropped from its tree.
 *
 * A cut is never assumed, it is proved: a piece is parsed together with the next piece's heading line, and the cut
 * holds only if that line came out as a top-level heading at its offset (not code, not HTML, not a table row, not
 * part of a list). A cheap scan proposes the cuts (headings outside fences and multi-line HTML comments); when one
 * fails, the rest of the document is parsed in one go and the cuts that its tree shows are learned. Front matter,
 * the one construct that looks ahead (for its closing `---`), must end inside the first piece. Anything the
 * scheme cannot vouch for (non-ASCII definition labels, a link label starting with `^`, stand-ins that did not come
 * out as definitions) falls back to one parse of the whole text.
 *
 * Pieces are cached by their text (and the next heading line, and the definition labels when they matter), so a
 * keystroke re-parses one piece: on a 150 KB KEP about 1/100 of the whole parse. Cached trees are never handed out:
 * each parse gets copies with positions moved to where the piece now starts. tests/parse/chunks.slow.test.ts checks
 * that the tree equals the whole-document parse for every corpus document, cold and after edits.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { assertNestingWithinLimit, parseMarkdownUnchecked } from './markdown.js';
import { computeLineStarts } from './positions.js';

/** The document's definition labels that pieces are parsed with. */
interface Definitions {
  links: string[];
  footnotes: string[];
  /** Cache-key form of both lists; '' when there are none. */
  signature: string;
}

const NO_DEFINITIONS: Definitions = { links: [], footnotes: [], signature: '' };

/** A parsed piece: its top-level nodes with positions relative to the piece's start, and the definitions in it. */
interface ParsedPiece {
  children: RootContent[];
  links: string[];
  footnotes: string[];
}

/** What a piece's cut is known to be: a proved boundary (with the piece's definitions) or not a boundary. */
type Boundary = { links: string[]; footnotes: string[] } | false;

interface Piece {
  start: number;
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** The next piece's heading line (undefined for the last piece). */
  next: string | undefined;
}

/**
 * Parsed pieces, least recently used first out. Keys hold the piece text, so `maxChars` bounds memory by text size.
 */
export class ChunkCache {
  private readonly entries = new Map<string, ParsedPiece | Boundary>();
  private chars = 0;
  /** The definitions of the last document parsed: the first guess for the next one (usually the same document). */
  lastDefinitions: Definitions = NO_DEFINITIONS;
  /** Pieces parsed (not found in the cache) since the cache was made: for tests and the bench. */
  parses = 0;

  /**
   * `maxChars`: the texts (pieces, twice: their cut and their tree) kept; a tree weighs some 20 to 40 times its text.
   * A document larger than a third of it raises it for as long as the cache lives, so that its own pieces never
   * push each other out.
   */
  constructor(private maxChars = 1_000_000) {}

  /** Room for the pieces of a text of this length, their previous versions and a few other documents'. */
  makeRoomFor(length: number): void {
    this.maxChars = Math.max(this.maxChars, 3 * length);
  }

  get<T extends ParsedPiece | Boundary>(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value as T | undefined;
  }

  set(key: string, value: ParsedPiece | Boundary): void {
    if (this.entries.has(key)) this.entries.delete(key);
    else this.chars += key.length;
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }
}

let shared: { cache: ChunkCache; minLength: number } | undefined;

/**
 * Turns incremental parsing on for this process (the language server does; a batch run gains nothing from it):
 * parseDocument then parses texts of `minLength` characters or more piecewise, through one shared cache.
 */
export function useIncrementalParsing(options: { maxChars?: number; minLength?: number } | false = {}): void {
  shared = options === false ? undefined : { cache: new ChunkCache(options.maxChars), minLength: options.minLength ?? 16_384 };
}

/** parseMarkdown, piecewise when incremental parsing is on and the text is long enough. */
export function parseMarkdownForDocument(text: string): Root {
  if (!shared || text.length < shared.minLength) {
    assertNestingWithinLimit(text);
    return parseMarkdownUnchecked(text);
  }
  return parseMarkdownChunked(text, shared.cache);
}

const HASH = 0x23;

/** The end of the line starting at `start` (before its line ending). */
function lineEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === 10 || code === 13) break;
    end++;
  }
  return end;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;

/**
 * Offsets (with their lines) of the lines that may start a top-level ATX heading: `#{1,6}` at column 1 followed by
 * a space, a tab or the line's end, outside fenced code and multi-line HTML comments that start a line. Only a
 * proposal: a wrong one costs a parse, never a wrong tree (each cut is proved by parsing).
 */
export function candidateCuts(text: string, lineStarts: number[]): { offsets: number[]; lines: number[] } {
  const offsets: number[] = [];
  const lines: number[] = [];
  let fence: string | undefined;
  let inComment = false;
  // YAML front matter (its `# comment` lines look like headings) runs to the next `---` line.
  let inFrontMatter = FRONT_MATTER_FENCE.test(text.slice(0, lineEnd(text, 0)));
  for (let index = 0; index < lineStarts.length; index++) {
    const start = lineStarts[index]!;
    if (start >= text.length) break;
    if (inFrontMatter) {
      if (index > 0 && FRONT_MATTER_FENCE.test(text.slice(start, lineEnd(text, start)))) inFrontMatter = false;
      continue;
    }
    if (inComment) {
      const end = lineEnd(text, start);
      if (text.slice(start, end).includes('-->')) inComment = false;
      continue;
    }
    const first = text.charCodeAt(start);
    if (first === HASH && !fence && start > 0) {
      let level = 1;
      while (level <= 6 && text.charCodeAt(start + level) === HASH) level++;
      const after = text.charCodeAt(start + level);
      if (level <= 6 && (Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 10 || after === 13)) {
        offsets.push(start);
        lines.push(index + 1);
      }
      continue;
    }
    if (first !== 0x20 && first !== 0x60 && first !== 0x7e && first !== 0x3c) continue;
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    const opened = FENCE.exec(line);
    if (opened) {
      const marker = opened[1]!;
      if (!fence) {
        // A backtick fence's info string holds no backtick; otherwise the line is inline code, not a fence.
        if (marker[0] === '`' && line.slice(opened[0].length).includes('`')) continue;
        fence = marker;
      } else if (marker[0] === fence[0] && marker.length >= fence.length && line.slice(opened[0].length).trim() === '') {
        fence = undefined;
      }
      continue;
    }
    if (!fence && /^ {0,3}<!--/.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) inComment = true;
  }
  return { offsets, lines };
}

const ASCII = /^[\x20-\x7e]*$/;

/** The link and footnote definition identifiers in a list of nodes (at any depth). */
function definitionsIn(children: readonly RootContent[]): { links: string[]; footnotes: string[] } {
  const links: string[] = [];
  const footnotes: string[] = [];
  const pending: Nodes[] = [...children];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'definition') links.push(node.identifier);
    else if (node.type === 'footnoteDefinition') footnotes.push(node.identifier);
    if ('children' in node) for (const child of node.children) pending.push(child as Nodes);
  }
  return { links, footnotes };
}

/** Past this many definitions, standing them in for every piece costs more than one whole parse. */
const MAX_DEFINITIONS = 300;

function definitionsOf(links: Iterable<string>, footnotes: Iterable<string>): Definitions | undefined {
  const linkList = [...new Set(links)].sort();
  const footnoteList = [...new Set(footnotes)].sort();
  if (linkList.length + footnoteList.length > MAX_DEFINITIONS) return undefined;
  // Stand-ins must normalise to the same label as the originals: ASCII case folding is exact; `^x` would be read
  // as a footnote definition.
  if (!linkList.every((id) => ASCII.test(id) && !id.startsWith('^')) || !footnoteList.every((id) => ASCII.test(id))) return undefined;
  if (linkList.length === 0 && footnoteList.length === 0) return NO_DEFINITIONS;
  return { links: linkList, footnotes: footnoteList, signature: `${linkList.join('\n')}\u0002${footnoteList.join('\n')}` };
}

/**
 * The definitions a piece could use: those whose every word occurs in the piece, case-folded as micromark folds
 * labels (a reference to `x` holds each word of `x` contiguously, whatever the line breaks and container prefixes
 * between words). Keeps a piece's cache entry valid when a definition it cannot reference comes or goes.
 */
function relevantTo(piece: string, definitions: Definitions): Definitions {
  if (definitions.signature === '' || !piece.includes('[')) return NO_DEFINITIONS;
  const folded = piece.toLowerCase().toUpperCase().toLowerCase();
  const usable = (id: string) => id.split(' ').every((word) => folded.includes(word));
  return definitionsOf(definitions.links.filter(usable), definitions.footnotes.filter(usable)) ?? NO_DEFINITIONS;
}

const endsWithLineEnding = (text: string) => {
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13;
};

/**
 * Parse one piece. `next`: the heading line that must follow it as a top-level heading (the proof of the cut);
 * undefined for the last piece. Returns undefined when the cut (or the stand-in definitions) does not hold.
 */
function parsePiece(piece: string, next: string | undefined, all: Definitions): ParsedPiece | undefined {
  const definitions = relevantTo(piece, all);
  const needsDefinitions = definitions.signature !== '';
  let source = piece;
  let headingAt = -1;
  if (next !== undefined) {
    headingAt = source.length;
    source += `${next}\n`;
  } else if (needsDefinitions) {
    // The stand-ins go after a heading that proves the piece's blocks are all closed by then.
    if (source !== '' && !endsWithLineEnding(source)) source += '\n';
    headingAt = source.length;
    source += '#\n';
  }
  let standIns = 0;
  if (needsDefinitions) {
    for (const id of definitions.links) source += `[${id}]: #\n`;
    for (const id of definitions.footnotes) source += `[^${id}]: x\n`;
    standIns = definitions.links.length + definitions.footnotes.length;
  }
  const children = parseMarkdownUnchecked(source).children;
  let kept = children.length;
  if (headingAt >= 0) {
    kept = children.length - 1 - standIns;
    const heading = children[kept];
    if (kept < 0 || heading?.type !== 'heading' || heading.position?.start.offset !== headingAt) return undefined;
    for (let i = kept + 1; i < children.length; i++) {
      const type = children[i]!.type;
      if (type !== 'definition' && type !== 'footnoteDefinition') return undefined;
    }
  }
  const own = children.slice(0, kept);
  if (own.some((node) => node.position!.end.offset! > piece.length)) return undefined;
  return { children: own, ...definitionsIn(own) };
}

/** Copies of nodes with positions moved by whole lines and offsets (pieces start at line starts: columns stay). */
function shifted(nodes: readonly RootContent[], lines: number, offset: number): RootContent[] {
  const move = (point: Point): Point => ({ line: point.line + lines, column: point.column, offset: point.offset! + offset });
  const copy = (node: Nodes): Nodes => {
    const out = { ...node } as Nodes;
    if (node.position) out.position = { start: move(node.position.start), end: move(node.position.end) };
    if ('children' in node) (out as { children: Nodes[] }).children = node.children.map((child) => copy(child as Nodes));
    return out;
  };
  return nodes.map((node) => copy(node) as RootContent);
}

/** Refuted cuts in a row after which the rest of the text is parsed at once. */
const MAX_REFUTED = 16;

const boundaryKey = (piece: string, next: string | undefined) => `B${piece}\u0000${next ?? '\u0001'}`;
const treeKey = (piece: string, next: string | undefined, definitions: Definitions) =>
  `T${relevantTo(piece, definitions).signature}\u0000${piece}\u0000${next ?? '\u0001'}`;

/**
 * The mdast tree of `text`, equal to parseMarkdown(text), parsed piecewise through `cache`. Throws NestingError as
 * parseMarkdown does.
 */
export function parseMarkdownChunked(text: string, cache: ChunkCache): Root {
  assertNestingWithinLimit(text);
  cache.makeRoomFor(text.length);
  const lineStarts = computeLineStarts(text);
  const whole = (): Root => {
    cache.parses++;
    return parseMarkdownUnchecked(text);
  };
  // micromark drops a byte order mark and counts offsets after it; parseDocument strips it before parsing anyway.
  if (text.charCodeAt(0) === 0xfeff) return whole();
  const cuts = candidateCuts(text, lineStarts);
  const nextLineAt = (offset: number) => text.slice(offset, lineEnd(text, offset));
  const guess = cache.lastDefinitions;

  // Pass 1: the pieces, each end proved a cut (from the cache, or by parsing with the guessed definitions).
  const pieces: Piece[] = [];
  const boundaries: { links: string[]; footnotes: string[] }[] = [];
  let start = 0;
  let line = 1;
  let cut = 0;
  /** The rest of the text from `start` as pieces, in one parse; false when it cannot be parsed as a last piece. */
  const takeRest = (): boolean => {
    const rest = learnRest(text, start, line, cuts, cut, nextLineAt, guess, cache);
    if (!rest) return false;
    pieces.push(...rest.pieces);
    boundaries.push(...rest.boundaries);
    start = text.length;
    cut = cuts.offsets.length;
    return true;
  };
  for (;;) {
    let found = false;
    let refuted = 0;
    for (; cut < cuts.offsets.length; cut++) {
      const end = cuts.offsets[cut]!;
      // Many proposals in a row inside one block (headings in a long HTML block): each longer piece would be sliced
      // and hashed again. Parse the rest once instead.
      if (refuted > MAX_REFUTED) {
        if (!takeRest()) return whole();
        found = true;
        break;
      }
      const piece = text.slice(start, end);
      const next = nextLineAt(end);
      const key = boundaryKey(piece, next);
      let known = cache.get<Boundary>(key);
      if (known === undefined) {
        cache.parses++;
        const parsed = parsePiece(piece, next, guess);
        known = parsed ? { links: parsed.links, footnotes: parsed.footnotes } : false;
        cache.set(key, known);
        if (parsed) cache.set(treeKey(piece, next, guess), parsed);
        else {
          // Not a cut (an unclosed fence or HTML block, a table going on): parse the rest at once, learn its cuts.
          if (!takeRest()) return whole();
          found = true;
          break;
        }
      }
      if (known === false) {
        refuted++;
        continue;
      }
      pieces.push({ start, end, line, next });
      boundaries.push(known);
      start = end;
      line = cuts.lines[cut]!;
      cut++;
      found = true;
      break;
    }
    if (!found || cut >= cuts.offsets.length) break;
  }
  if (start < text.length || pieces.length === 0) {
    const piece = text.slice(start);
    const key = boundaryKey(piece, undefined);
    let known = cache.get<Boundary>(key);
    if (known === undefined) {
      cache.parses++;
      const parsed = parsePiece(piece, undefined, guess);
      if (!parsed) return whole();
      known = { links: parsed.links, footnotes: parsed.footnotes };
      cache.set(key, known);
      cache.set(treeKey(piece, undefined, guess), parsed);
    }
    if (known === false) return whole();
    pieces.push({ start, end: text.length, line, next: undefined });
    boundaries.push(known);
  }

  // Pass 2: every piece's tree with the document's own definitions.
  const definitions = definitionsOf(boundaries.flatMap((b) => b.links), boundaries.flatMap((b) => b.footnotes));
  if (!definitions) return whole();
  cache.lastDefinitions = definitions;
  const children: RootContent[] = [];
  for (const piece of pieces) {
    const pieceText = text.slice(piece.start, piece.end);
    const key = treeKey(pieceText, piece.next, definitions);
    let parsed = cache.get<ParsedPiece>(key);
    if (!parsed) {
      cache.parses++;
      parsed = parsePiece(pieceText, piece.next, definitions);
      if (!parsed) return whole();
      cache.set(key, parsed);
    }
    children.push(...shifted(parsed.children, piece.line - 1, piece.start));
  }
  // Front matter is the one construct that looks ahead past a cut (for its closing `---`): when the text opens one,
  // the first piece must hold all of it, as its first node shows.
  if (FRONT_MATTER_FENCE.test(text.slice(0, lineEnd(text, 0))) && children[0]?.type !== 'yaml') return whole();
  const lastLine = lineStarts.length;
  const end = { line: lastLine, column: text.length - lineStarts[lastLine - 1]! + 1, offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/**
 * Parse text[start..] in one go (a proposed cut inside it failed), record the cuts its tree shows (top-level headings
 * at proposed cut offsets) with their pieces, and return those pieces. Undefined when the rest cannot be parsed as
 * a last piece with the guessed definitions.
 */
function learnRest(
  text: string, start: number, line: number, cuts: { offsets: number[]; lines: number[] }, from: number,
  nextLineAt: (offset: number) => string, guess: Definitions, cache: ChunkCache,
): { pieces: Piece[]; boundaries: { links: string[]; footnotes: string[] }[] } | undefined {
  const rest = text.slice(start);
  cache.parses++;
  const parsed = parsePiece(rest, undefined, guess);
  if (!parsed) return undefined;
  const proposed = new Map<number, number>();
  for (let i = from; i < cuts.offsets.length; i++) proposed.set(cuts.offsets[i]!, cuts.lines[i]!);
  const pieces: Piece[] = [];
  const boundaries: { links: string[]; footnotes: string[] }[] = [];
  let pieceStart = start;
  let pieceLine = line;
  let first = 0;
  const close = (end: number, upTo: number) => {
    const next = end < text.length ? nextLineAt(end) : undefined;
    const own = shifted(parsed.children.slice(first, upTo), -(pieceLine - line), -(pieceStart - start));
    const entry: ParsedPiece = { children: own, ...definitionsIn(own) };
    const pieceText = text.slice(pieceStart, end);
    cache.set(boundaryKey(pieceText, next), { links: entry.links, footnotes: entry.footnotes });
    cache.set(treeKey(pieceText, next, guess), entry);
    pieces.push({ start: pieceStart, end, line: pieceLine, next });
    boundaries.push({ links: entry.links, footnotes: entry.footnotes });
  };
  parsed.children.forEach((node, index) => {
    const at = start + node.position!.start.offset!;
    const cutLine = proposed.get(at);
    if (node.type !== 'heading' || cutLine === undefined || at === pieceStart) return;
    close(at, index);
    first = index;
    pieceStart = at;
    pieceLine = cutLine;
  });
  close(text.length, parsed.children.length);
  return { pieces, boundaries };
}
