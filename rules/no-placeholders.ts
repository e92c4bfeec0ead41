import type { Nodes, Parents } from 'mdast';
import type { Rule, RuleContext } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { codeBlockPoint } from '../src/parse/document.js';
import { findBareUrls } from '../src/parse/bare-urls.js';
import { DEFAULT_WORDS, findPlaceholders, isUnpickedChoice, unsafePatternReason, type FindOptions, type PlaceholderMatch } from '../src/placeholders.js';

interface Options {
  patterns: string[];
  allow: string[];
  words: string[];
  checkCodeBlocks: boolean;
  allowInInlineCode: boolean;
}

/** User patterns run line by line, and lines longer than this are skipped: a bound on any regex's work. */
const MAX_PATTERN_LINE = 4000;

function messageFor(match: PlaceholderMatch): string {
  switch (match.kind) {
    case 'url':
      return `Placeholder URL "${match.token}"`;
    case 'lorem':
      return `Placeholder text "${match.token}"`;
    case 'clarification':
      return `Open clarification "${match.token}"`;
    case 'maybe-link':
      return `Unfilled placeholder or undefined link reference "${match.token}"`;
    default:
      return `Unfilled placeholder "${match.token}"`;
  }
}

const compiledPatterns = new Map<string, RegExp>();
function userPatterns(sources: string[]): RegExp[] {
  return sources.map((source) => {
    let pattern = compiledPatterns.get(source);
    if (!pattern) {
      pattern = new RegExp(source, 'gu');
      compiledPatterns.set(source, pattern);
    }
    return pattern;
  });
}

function withUserPatterns(text: string, found: PlaceholderMatch[], patterns: RegExp[]): PlaceholderMatch[] {
  if (patterns.length === 0) return found;
  const out = [...found];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.length <= MAX_PATTERN_LINE) {
      for (const pattern of patterns) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
          if (m[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          const index = lineStart + m.index;
          if (!out.some((o) => index < o.index + o.length && o.index < index + m![0].length)) out.push({ index, length: m[0].length, token: m[0], kind: 'pattern' });
        }
      }
    }
    lineStart += line.length + 1;
  }
  return out.sort((a, b) => a.index - b.index);
}

const rule: Rule<Options> = {
  meta: {
    id: 'no-placeholders',
    description: 'No unfilled placeholders: bracket tokens, YYYY-MM-DD, X.Y.Z, TBD/TODO/FIXME, Lorem ipsum, example.com, unpicked choice lists',
    defaultSeverity: 'error',
    docsUrl: docsUrl('no-placeholders'),
    optionsSchema: {
      type: 'object',
      properties: {
        patterns: { type: 'array', items: { type: 'string' }, description: 'More placeholder patterns (regular expressions, matched line by line).' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Exact tokens that are not placeholders here, e.g. "[WIP]".' },
        words: { type: 'array', items: { type: 'string' }, description: 'Words that mark unfinished text.' },
        checkCodeBlocks: { type: 'boolean', description: 'Look for template tokens inside code blocks too.' },
        allowInInlineCode: { type: 'boolean', description: 'Inline code may quote a placeholder on purpose.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { patterns: [], allow: [], words: DEFAULT_WORDS, checkCodeBlocks: true, allowInInlineCode: true },
    fixable: false,
    tags: ['content'],
  },
  validateOptions(options) {
    for (const source of (options.patterns as string[] | undefined) ?? []) {
      const problem = unsafePatternReason(source);
      if (problem) return problem;
    }
    return undefined;
  },
  check(context) {
    const { doc, options } = context;
    const base: FindOptions = {
      words: options.words,
      allow: new Set(options.allow),
      vocabulary: context.documentType?.placeholderTokens,
    };
    const patterns = userPatterns(options.patterns);
    const reportAll = (found: PlaceholderMatch[], toRange: (m: PlaceholderMatch) => { start: number; end: number } | undefined) => {
      for (const match of found) {
        const span = toRange(match);
        if (!span) continue;
        context.report({ message: messageFor(match), range: { start: doc.pointAt(span.start), end: doc.pointAt(span.end) } });
      }
    };

    /**
     * Example-domain URLs, the template's own tokens and unmistakable stand-ins (`[REPO_NAME]`, read as in code) in a
     * link target; `source` is the link's text, from `sourceStart`.
     */
    const reportUrlPlaceholders = (url: string, sourceStart: number, source: string) => {
      const found = [
        ...findPlaceholders(url, { ...base, words: [] }).filter((m) => m.kind === 'url' || m.kind === 'vocabulary'),
        ...findPlaceholders(url, { ...base, words: [], inCode: true }).filter((m) => m.kind === 'bracket'),
      ].sort((a, b) => a.index - b.index);
      reportAll(found, (m) => {
        const at = source.lastIndexOf(m.token);
        return at < 0 ? undefined : { start: sourceStart + at, end: sourceStart + at + m.token.length };
      });
    };

    walk(doc.root, false, (node) => {
      const position = node.position;
      if (!position) return;
      const start = position.start.offset!;
      const end = position.end.offset!;
      if (node.type === 'text' || (node.type === 'inlineCode' && !options.allowInInlineCode)) {
        const urls = node.type === 'text' ? findBareUrls(node.value) : [];
        // Most text holds nothing: find that out before slicing its source.
        const whole = urls.length === 0 ? withUserPatterns(node.value, findPlaceholders(node.value, base), patterns) : undefined;
        if (whole?.length === 0) return;
        const source = doc.text.slice(start, end);
        let cursor = 0;
        // The node's value can differ from its source (escapes, entities): find each token in the source.
        const locate = (m: PlaceholderMatch) => {
          const at = source.indexOf(m.token, cursor);
          if (at < 0) return undefined;
          cursor = at + m.token.length;
          // `\[N2153]`: an escaped bracket is literal on purpose, never a template stand-in.
          if (m.token.startsWith('[') && source[at - 1] === '\\') return undefined;
          return { start: start + at, end: start + at + m.token.length };
        };
        // A bare URL is a link: prose on either side is read on its own, the URL only as a URL.
        let from = 0;
        for (const url of [...urls, undefined]) {
          const prose = node.value.slice(from, url?.start);
          reportAll(whole ?? withUserPatterns(prose, findPlaceholders(prose, base), patterns), locate);
          if (!url) break;
          const text = node.value.slice(url.start, url.end);
          const at = source.indexOf(text, cursor);
          if (at >= 0) {
            reportUrlPlaceholders(url.url, start + at, source.slice(at, at + text.length));
            cursor = at + text.length;
          }
          from = url.end;
        }
      } else if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
        reportUrlPlaceholders(node.url, start, doc.text.slice(start, end));
      }
    });

    if (options.checkCodeBlocks) checkCode(context, base, patterns);
    checkFrontMatter(context, base);
    checkChoices(context);
  },
};

/** Depth-first walk that skips the text of links (their words are labels, not stand-ins). */
function walk(node: Nodes, insideLink: boolean, visitor: (node: Nodes) => void): void {
  const linkish = node.type === 'link' || node.type === 'linkReference' || node.type === 'imageReference';
  if (!(insideLink && node.type === 'text')) visitor(node);
  if ('children' in node) {
    for (const child of (node as Parents).children) walk(child as Nodes, insideLink || linkish, visitor);
  }
}

function checkCode(context: RuleContext<Options>, base: FindOptions, patterns: RegExp[]): void {
  const { doc } = context;
  for (const block of doc.codeBlocks) {
    const lines = block.value.split(/\r\n|\r|\n/);
    lines.forEach((line, lineIndex) => {
      const found = withUserPatterns(line, findPlaceholders(line, { ...base, inCode: true, codeLanguage: block.lang }), patterns);
      for (const match of found) {
        const start = codeBlockPoint(block, lineIndex, match.index + 1);
        const end = codeBlockPoint(block, lineIndex, match.index + 1 + match.length);
        context.report({ message: messageFor(match), line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
      }
    });
  }
}

function checkFrontMatter(context: RuleContext<Options>, base: FindOptions): void {
  const fm = context.doc.frontMatter;
  if (!fm) return;
  fm.raw.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const match of findPlaceholders(line, { ...base, words: [] })) {
      const lineNumber = fm.contentStartLine + i;
      context.report({ message: messageFor(match), line: lineNumber, column: match.index + 1, endLine: lineNumber, endColumn: match.index + 1 + match.length });
    }
  });
}

/** Metadata values and table cells that still hold the template's whole list of choices. */
function checkChoices(context: RuleContext<Options>): void {
  const { doc } = context;
  for (const field of doc.metadata) {
    if (field.source !== 'frontmatter' && isUnpickedChoice(field.value)) {
      context.report({ message: `Unpicked choice "${field.value}": keep the one that applies`, range: field.valueRange });
    }
  }
  for (const table of doc.tables) {
    for (const row of table.rows) {
      for (const cell of row) {
        if (isUnpickedChoice(cell.text)) {
          const offset = doc.text.indexOf(cell.text, cell.range.start.offset);
          const start = offset >= 0 && offset < cell.range.end.offset ? offset : cell.range.start.offset;
          context.report({ message: `Unpicked choice "${cell.text}": keep the one that applies`, range: { start: doc.pointAt(start), end: doc.pointAt(start + cell.text.length) } });
        }
      }
    }
  }
}

export default rule;
