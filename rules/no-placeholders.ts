import type { Nodes, Parents, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocumentType, Rule, RuleContext } from '../src/types.js';
import { docsUrl, escapeRegExp } from '../src/rule-helpers.js';
import { codeBlockPoint } from '../src/parse/document.js';
import { findBareUrls } from '../src/parse/bare-urls.js';
import { compiledTypeOf, normalizeSample } from '../src/templates/compile.js';
import {
  DEFAULT_WORDS,
  angleStandInOf,
  findExampleUrls,
  findPlaceholders,
  findVocabulary,
  isAngleStandIn,
  isExampleHost,
  isExampleReference,
  isUnpickedChoice,
  unsafePatternReason,
  type FindOptions,
  type LineOf,
  type PlaceholderMatch,
} from '../src/placeholders.js';

interface Options {
  patterns: string[];
  allow: string[];
  words: string[];
  checkCodeBlocks: boolean;
  allowInInlineCode: boolean;
}

/** User patterns run line by line, and lines longer than this are skipped: a bound on any regex's work. */
const MAX_PATTERN_LINE = 4000;

const REPLACE = "replace it with the real value, or add it to no-placeholders' allow list if it is meant literally";

function messageFor(match: PlaceholderMatch): string {
  const token = match.token.replace(/\s+/g, ' ');
  switch (match.kind) {
    case 'url':
      return `Placeholder URL "${token}": link to the real page, or add the URL to no-placeholders' allow list if it is meant literally`;
    case 'lorem':
      return `Placeholder text "${token}": write the real text`;
    case 'clarification':
      return `Open clarification "${token}": answer it and remove the marker`;
    case 'maybe-link':
      return `Unfilled placeholder or undefined link reference "${token}": replace it, define the link, or add it to no-placeholders' allow list`;
    case 'word':
      return `Unfinished-text marker "${token}": finish the text, or remove the word from no-placeholders' words if it is meant literally`;
    case 'pending':
      return `Unfinished text "${token}": write it, or add it to no-placeholders' allow list if it is meant literally`;
    case 'instruction':
      return `Template instruction "${token}" left in: do what it says and remove it`;
    case 'angle':
      return `Unfilled placeholder "${token}" (read as an HTML tag, it does not render): replace it with the real value, or put it in backticks if it is meant literally`;
    case 'choice':
      return `Unpicked choice "${token}": keep the one that applies`;
    case 'vocabulary':
      // The template's own text: a stand-in (`[Component Name]`, `<service-name>`), an instruction or a sample line.
      if (/^\(.*\)$/.test(token)) return `Template instruction "${token}" left in: do what it says and remove it`;
      if (/\s/.test(token) && !/[[\]<>{}]/.test(token)) return `Template text "${token}" left in: replace it with your own, or add it to no-placeholders' allow list if it is meant literally`;
      return `Unfilled placeholder "${token}": ${REPLACE}`;
    default:
      return `Unfilled placeholder "${token}": ${REPLACE}`;
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

/** A heading's text as the template compiler normalises it: case, markup, numbering and trailing punctuation gone. */
export function normalizeHeadingText(text: string): string {
  return text
    .replace(/[`*_~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+/, '')
    .replace(/[\s:.!?;,]+$/, '')
    .toLowerCase();
}

const rule: Rule<Options> = {
  meta: {
    id: 'no-placeholders',
    description: 'No unfilled placeholders: stand-ins (`[NAME]`, `<service-name>`, `{{owner}}`, `???`), the template’s own tokens, TBD/TODO, `YYYY-MM-DD`, `X.Y.Z`, Lorem ipsum, example.com references, unpicked choice lists',
    defaultSeverity: 'error',
    docsUrl: docsUrl('no-placeholders'),
    optionsSchema: {
      type: 'object',
      properties: {
        patterns: { type: 'array', items: { type: 'string' }, description: 'More placeholder patterns, as regular expressions, matched line by line (lines over 4,000 characters are skipped). A pattern that nests quantifiers (`(a+)+$`) or uses back-references is rejected when the config loads: it can take exponential time.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Exact tokens that are not placeholders in this project (`"[WIP]"`, `"TBD"`, a URL).' },
        words: { type: 'array', items: { type: 'string' }, description: 'Words that mark unfinished text.' },
        checkCodeBlocks: { type: 'boolean', description: 'Look for template tokens inside code blocks too.' },
        allowInInlineCode: { type: 'boolean', description: 'Inline code may quote a placeholder on purpose: only the template’s own tokens count there.' },
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
    const vocabulary = standInsOf(context.documentType);
    const allow = new Set(options.allow);
    const base: FindOptions = { words: options.words, allow, vocabulary };
    const patterns = userPatterns(options.patterns);
    const sectionHeadings = context.documentType?.sectionHeadings;
    // A marker word inside the template's own prose ("What parts of the design are still TBD?") is the template's
    // word, not the author's: no-template-text reports the line left in, with the right advice.
    const compiled = compiledTypeOf(context.documentType);
    const bare = (line: number) => doc.lineText(line).replace(/^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+|\d+[.)][ \t]+)?/, '').trim();
    const inTemplateProse = (start: number) => {
      if (!compiled || (compiled.sampleText.size === 0 && compiled.sampleParagraphs.size === 0)) return false;
      const line = doc.pointAt(start).line;
      const lastLine = doc.pointAt(doc.text.length).line;
      if (compiled.sampleText.has(normalizeSample(bare(line)))) return true;
      // The paragraph around it (a prompt wrapped over several lines, quoted or not).
      let from = line;
      let to = line;
      while (from > 1 && bare(from - 1) !== '' && !bare(from - 1).startsWith('#')) from--;
      while (to < lastLine && bare(to + 1) !== '' && !bare(to + 1).startsWith('#')) to++;
      const lines: string[] = [];
      for (let l = from; l <= to; l++) lines.push(bare(l));
      return compiled.sampleParagraphs.has(normalizeSample(lines.join(' ')));
    };
    const report = (match: PlaceholderMatch, start: number, end: number) => {
      if (match.kind === 'word' && inTemplateProse(start)) return;
      if (match.kind === 'vocabulary' && describesPattern(start, end)) return;
      if (match.kind === 'unknown' && gapCells().some(([a, b]) => start >= a && end <= b)) return;
      context.report({ message: messageFor(match), key: match.token, range: { start: doc.pointAt(start), end: doc.pointAt(end) } });
    };

    /**
     * `???` alone in a cell of a comparison table, where the prose next to the table says the gap is meant ("It fills
     * the gap in the vector/string chart:", "we can leave the top right corner empty"): the point of the chart, not a
     * value left unfilled. Not in a metadata table, and only where another column cell of the table holds content.
     * Computed once, on the first `???`.
     */
    let gaps: Array<[number, number]> | undefined;
    const gapCells = () => {
      if (gaps) return gaps;
      const found: Array<[number, number]> = [];
      gaps = found;
      const metadataLines = new Set(doc.metadata.filter((f) => f.source === 'table').map((f) => f.valueRange.start.line));
      const blocks = doc.root.children;
      blocks.forEach((block, i) => {
        if (block.type !== 'table' || block.children.length < 3) return;
        const near = [blocks[i - 1], blocks[i + 1]].filter((b) => b?.type === 'paragraph').map((b) => toString(b!)).join(' ');
        if (!GAP_PROSE.test(near)) return;
        const body = block.children.slice(1);
        const cellText = (cell: TableCell) => toString(cell).trim();
        const filled = body.some((row) => row.children.slice(1).some((cell) => /[\p{L}\p{N}]/u.test(cellText(cell)) && !/^(?:tbd|tba|todo)$/i.test(cellText(cell))));
        if (!filled) return;
        for (const row of body) {
          for (const cell of row.children.slice(1)) {
            if (/^\?{3,}$/.test(cellText(cell)) && !metadataLines.has(cell.position!.start.line)) found.push([cell.position!.start.offset!, cell.position!.end.offset!]);
          }
        }
      });
      return gaps;
    };

    /**
     * The template's stand-in as one slot of a format the prose explains ("a status label in the title, like
     * **[STATUS] RFC #[number] : [Title]**"): two or more bracketed slots in one run, introduced by "like", "such as",
     * "e.g.", "format", "pattern", "named". A slot name in a described pattern, not a value left unfilled.
     */
    const describesPattern = (start: number, end: number) => {
      const point = doc.pointAt(start);
      const line = doc.lineText(point.line);
      const from = point.column - 1;
      const to = from + (end - start);
      if (line[from] !== '[') return false;
      // The run of slots around the token: bracketed names joined by punctuation, markup and short words.
      const SLOT = /\[[^\]\n]{1,40}\](?![([:])/y;
      const slots: Array<[number, number]> = [];
      for (let i = 0; i < line.length; ) {
        SLOT.lastIndex = i;
        const m = SLOT.exec(line);
        if (m) {
          slots.push([i, i + m[0].length]);
          i += m[0].length;
        } else i++;
      }
      const own = slots.findIndex(([a, b]) => a === from && b === to);
      if (own < 0) return false;
      const joins = (left: number, right: number) => /^[^\p{L}]*(?:\p{L}{1,6}[^\p{L}]+){0,2}$/u.test(line.slice(left, right));
      let first = own;
      let last = own;
      while (first > 0 && joins(slots[first - 1]![1], slots[first]![0])) first--;
      while (last < slots.length - 1 && joins(slots[last]![1], slots[last + 1]![0])) last++;
      if (last === first) return false;
      const before = line.slice(Math.max(0, slots[first]![0] - 60), slots[first]![0]);
      return /\b(?:like|such as|e\.g\.|eg|for example|for instance|format|pattern|named|called|in the form|as in|convention)\b[^\p{L}]*$/iu.test(before.replace(/[*_`]/g, ''));
    };

    /**
     * Where `value[index, index + length)` of a node starting at `nodeStart` lies in the source. The value differs
     * from the source by container prefixes (`> `, list indentation) on continuation lines, escapes and entities:
     * the token is looked for on its own source line, nearest where it would be without them. -1 if it is not there.
     */
    const sourceOffset = (nodeStart: number, value: string, index: number, length: number): number => {
      const token = value.slice(index, index + length);
      const first = doc.pointAt(nodeStart);
      let lineNumber = first.line;
      for (let i = value.indexOf('\n'); i >= 0 && i < index; i = value.indexOf('\n', i + 1)) lineNumber++;
      const valueLineStart = value.lastIndexOf('\n', index - 1) + 1;
      const valueLineEnd = value.indexOf('\n', index);
      const valueLine = value.slice(valueLineStart, valueLineEnd < 0 ? value.length : valueLineEnd);
      const line = doc.lineText(lineNumber);
      const expected = lineNumber === first.line ? first.column - 1 + (index - valueLineStart) : line.length - valueLine.length + (index - valueLineStart);
      let best = -1;
      for (let at = line.indexOf(token); at >= 0; at = line.indexOf(token, at + 1)) {
        if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
      }
      return best < 0 ? -1 : doc.offsetAt(lineNumber, 1) + best;
    };

    /** The source line around a token of a text node (`valueOffset`: where the scanned text starts in the value). */
    const linesOf = (nodeStart: number, value: string, valueOffset: number): LineOf => (start, end) => {
      const at = sourceOffset(nodeStart, value, valueOffset + start, end - start);
      const point = doc.pointAt(at < 0 ? nodeStart : at);
      const line = doc.lineText(point.line);
      return { line, start: point.column - 1, end: Math.min(line.length, point.column - 1 + end - start) };
    };

    // Computed once, on the first `{{…}}`: a document that discusses a template language (Handlebars, Mustache, Jinja
    // in its code blocks, `{{…}}` quoted in inline code) writes `{{x}}` in its prose as code (`the {{yield}} helper`),
    // not as a stand-in. A Helm chart's `{{ .Values.x }}` in a YAML block does not count.
    let templateLanguage: boolean | undefined;
    const usesTemplateLanguage = () =>
      (templateLanguage ??=
        doc.codeBlocks.some((b) => b.value.includes('{{') && (TEMPLATE_LANGUAGES.test(b.lang) || /\{\{[#/]/.test(b.value))) || /`[^`\n]*\{\{/.test(doc.text));
    const keep = (m: PlaceholderMatch) => m.kind !== 'mustache' || !usesTemplateLanguage();

    /**
     * Example-domain URLs, the template's own tokens and unmistakable stand-ins (`[REPO_NAME]`, read as in code) in a
     * link target; `source` is the link's text, from `sourceStart`.
     */
    const reportUrlParts = (url: string, sourceStart: number, source: string, exampleToo: boolean) => {
      const found = [
        ...(exampleToo ? findExampleUrls(url) : []),
        ...findPlaceholders(url, { ...base, words: [], inCode: true }).filter((m) => m.kind === 'bracket' || m.kind === 'vocabulary'),
      ]
        .filter((m) => !allow.has(m.token))
        .sort((a, b) => a.index - b.index);
      for (const m of found) {
        const at = source.lastIndexOf(m.token);
        if (at >= 0) report(m, sourceStart + at, sourceStart + at + m.token.length);
      }
    };

    const reportText = (value: string, start: number, end: number, findIn: (text: string, lineOf: LineOf) => PlaceholderMatch[], withUrls: boolean) => {
      const urls = withUrls ? findBareUrls(value) : [];
      // Most text holds nothing: find that out before anything else.
      const whole = urls.length === 0 ? withUserPatterns(value, findIn(value, linesOf(start, value, 0)), patterns).filter(keep) : undefined;
      if (whole?.length === 0) return;
      const source = doc.text.slice(start, end);
      let cursor = 0;
      const locate = (m: PlaceholderMatch, valueOffset: number) => {
        let at = sourceOffset(start, value, valueOffset + m.index, m.length) - start;
        // The value can differ from its source more than `sourceOffset` knows (an entity in the token): search on.
        if (at < 0 || at < cursor) at = source.indexOf(m.token, cursor);
        if (at < 0) return;
        cursor = at + m.token.length;
        // `\[N2153]`: an escaped bracket is literal on purpose, never a template stand-in.
        if (m.token.startsWith('[') && source[at - 1] === '\\') return;
        report(m, start + at, start + at + m.token.length);
      };
      // A bare URL is a link: prose on either side is read on its own, the URL only as a URL.
      let from = 0;
      for (const url of [...urls, undefined]) {
        const prose = value.slice(from, url?.start);
        const offset = from;
        for (const m of whole ?? withUserPatterns(prose, findIn(prose, linesOf(start, value, offset)), patterns).filter(keep)) locate(m, offset);
        if (!url) break;
        const text = value.slice(url.start, url.end);
        let at = sourceOffset(start, value, url.start, text.length) - start;
        if (at < 0 || at < cursor) at = source.indexOf(text, cursor);
        if (at >= 0) {
          const urlStart = start + at;
          // An e-mail address at an example domain is an example address; a URL is a finding where it reads as a
          // reference (`See https://example.com/spec`), not where it illustrates (`e.g. https://api.example.com`).
          const example = !url.url.startsWith('mailto:') && isExampleHost(url.url) && !allow.has(text);
          if (example) {
            const point = doc.pointAt(urlStart);
            const line = doc.lineText(point.line);
            if (isExampleReference(line, point.column - 1, point.column - 1 + text.length)) report({ index: 0, length: text.length, token: text, kind: 'url' }, urlStart, urlStart + text.length);
          }
          reportUrlParts(url.url, urlStart, source.slice(at, at + text.length), false);
          cursor = at + text.length;
        }
        from = url.end;
      }
    };

    const prose = (text: string, lineOf: LineOf) => findPlaceholders(text, base, lineOf);
    const inlineCode = options.allowInInlineCode ? (text: string) => findVocabulary(text, vocabulary, allow) : prose;

    // Custom elements used on purpose (`<my-element>` closed somewhere, or shown in code) are not stand-ins.
    const usedOnPurpose = (tag: string) => {
      const name = /^<([\w-]+)/.exec(tag)?.[1] ?? '';
      return doc.text.includes(`</${name}`) || doc.codeBlocks.some((b) => b.value.includes(`<${name}`)) || new RegExp(`\`[^\`\\n]*<${name}\\b`).test(doc.text);
    };

    walk(doc.root, (node) => {
      if (node.type === 'heading' && sectionHeadings && sectionHeadings.size > 0 && sectionHeadings.has(normalizeHeadingText(toString(node)))) {
        // `## TODO`, `## Open Questions`: a section the template asks for, not a placeholder.
        return 'skip';
      }
      const position = node.position;
      if (!position) return;
      const start = position.start.offset!;
      const end = position.end.offset!;
      if (node.type === 'text') {
        reportText(node.value, start, end, prose, true);
      } else if (node.type === 'inlineCode') {
        reportText(node.value, start, end, inlineCode, false);
      } else if (node.type === 'html') {
        // Comments (a template's guidance kept out of sight) are not read; the rest of raw HTML is, for the
        // template's tokens (`<td>[Owner]</td>`) and for stand-ins that are not elements (`<service-name>`).
        if (node.value.trimStart().startsWith('<!--')) return undefined;
        const visible = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length));
        const found = findVocabulary(visible, vocabulary, allow);
        if (found.length > 0) {
          reportText(node.value, start, end, () => found, false);
        } else {
          const tag = angleStandInOf(node.value);
          if (tag && !allow.has(tag) && !usedOnPurpose(tag)) report({ index: 0, length: tag.length, token: tag, kind: 'angle' }, start, start + tag.length);
        }
      } else if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
        // `[docs](https://example.com/docs)`: a reference to fill in. `<https://example.com>` reads like a bare URL.
        const source = doc.text.slice(start, end);
        const label = node.type === 'link' ? toString(node) : '';
        const shownAsIs = node.type === 'link' && (label === node.url || `mailto:${label}` === node.url || /^[\w.-]+$/.test(label) && isExampleHost(label));
        if (shownAsIs && isExampleHost(node.url) && !/^mailto:/i.test(node.url)) {
          const point = doc.pointAt(start);
          const line = doc.lineText(point.line);
          if (isExampleReference(line, point.column - 1, Math.min(line.length, point.column - 1 + source.length)) && !allow.has(node.url)) {
            report({ index: 0, length: source.length, token: node.url, kind: 'url' }, start, end);
          }
          reportUrlParts(node.url, start, source, false);
        } else {
          reportUrlParts(node.url, start, source, true);
        }
      }
      return undefined;
    });

    if (options.checkCodeBlocks) checkCode(context, base, patterns);
    checkFrontMatter(context, base, patterns);
    checkChoices(context);
  },
};

/** Code block languages whose `{{…}}` is syntax. */
/** Prose that says a chart's empty cells are meant: a gap to fill, a corner left empty, hypothetical variants. */
const GAP_PROSE = /\b(?:gaps?|holes?|empty|blank|missing|hypothetical|nothing (?:fills|exists)|no (?:equivalent|counterpart|analog(?:ue)?)|(?:does(?:n't| not)|do(?:n't| not)) (?:yet )?exist)\b/i;

const TEMPLATE_LANGUAGES = /^(?:hbs|handlebars|mustache|glimmer|gjs|gts|html|htm|jinja2?|j2|liquid|njk|nunjucks|twig|django|go-?template|gotmpl|tmpl|vue|svelte|ember)$/;

const standIns = new WeakMap<object, string[]>();
/**
 * The type's placeholder tokens, less what its template uses as Markdown: link labels (`[kubernetes/website]` with a
 * `[kubernetes/website]: https://…` definition, or used as `[text][label]`) and closing markers (`<<[/UNRESOLVED]>>`).
 * A document that copies such a line without the definition has a broken link, not an unfilled stand-in.
 */
function standInsOf(type: DocumentType | undefined): readonly string[] | undefined {
  const tokens = type?.placeholderTokens;
  if (!type || !tokens || tokens.length === 0) return tokens;
  let kept = standIns.get(type);
  if (!kept) {
    const template = typeof type.templateText === 'string' ? type.templateText : '';
    const label = (token: string) => escapeRegExp(token.slice(1, -1));
    kept = tokens.filter((token) => {
      if (/^\[\//.test(token)) return false;
      if (!template || !/^\[.*\]$/.test(token)) return true;
      return !new RegExp(`^\\s{0,3}\\[${label(token)}\\]:|\\]\\[${label(token)}\\]`, 'mi').test(template);
    });
    standIns.set(type, kept);
  }
  return kept;
}

/** Depth-first walk that skips the text of links (their words are labels, not stand-ins); 'skip' skips a subtree. */
function walk(node: Nodes, visitor: (node: Nodes) => 'skip' | undefined, insideLink = false): void {
  const linkish = node.type === 'link' || node.type === 'linkReference' || node.type === 'imageReference';
  if (!(insideLink && (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html'))) {
    if (visitor(node) === 'skip') return;
  }
  if ('children' in node) {
    for (const child of (node as Parents).children) walk(child as Nodes, visitor, insideLink || linkish);
  }
}

function checkCode(context: RuleContext<Options>, base: FindOptions, patterns: RegExp[]): void {
  const { doc } = context;
  for (const block of doc.codeBlocks) {
    // A Markdown block quotes a whole document (an example of a bad spec): only the template's own tokens count.
    const quoted = /^(?:markdown|md)$/.test(block.lang);
    const inCode: FindOptions = { ...base, inCode: true, codeLanguage: block.lang };
    const lines = block.value.split(/\r\n|\r|\n/);
    lines.forEach((line, lineIndex) => {
      const found = quoted ? findVocabulary(line, base.vocabulary, base.allow) : withUserPatterns(line, findPlaceholders(line, inCode), patterns);
      for (const match of found) {
        const start = codeBlockPoint(block, lineIndex, match.index + 1);
        const end = codeBlockPoint(block, lineIndex, match.index + 1 + match.length);
        context.report({ message: messageFor(match), key: match.token, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
      }
    });
  }
}

/**
 * Front-matter values, read as values: `owner: TBD`, `status: Draft | Review | Approved`, `title: <The title>`,
 * `date: YYYY-MM-DD`. Keys and YAML comments (`# In format YYYY-MM-DD`) are not values.
 */
function checkFrontMatter(context: RuleContext<Options>, base: FindOptions, patterns: RegExp[]): void {
  const fm = context.doc.frontMatter;
  if (!fm) return;
  fm.raw.split(/\r\n|\r|\n/).forEach((line, i) => {
    const value = frontMatterValue(line);
    if (!value) return;
    const lineNumber = fm.contentStartLine + i;
    const at = (index: number, length: number) => ({ line: lineNumber, column: value.start + index + 1, endLine: lineNumber, endColumn: value.start + index + 1 + length });
    const text = value.text;
    const lineOf: LineOf = (start, end) => ({ line: text, start, end });
    const found = withUserPatterns(text, findPlaceholders(text, { ...base, lineOf }), patterns);
    if (found.length === 0 && isUnpickedChoice(text)) found.push({ index: 0, length: text.length, token: text, kind: 'choice' });
    if (found.length === 0) {
      // `author: <your name>`: in YAML an angle bracket is text, so `<…>` holding words is a stand-in.
      const angle = /^<([^<>@\n]+)>$/.exec(text);
      if (angle && !/:\/\//.test(angle[1]!) && (/\s/.test(angle[1]!.trim()) || isAngleStandIn(angle[1]!, false))) found.push({ index: 0, length: text.length, token: text, kind: 'bracket' });
    }
    for (const match of found) context.report({ message: messageFor(match), key: match.token, ...at(match.index, match.length) });
  });
}

/** The value part of a front-matter line (`key: value # comment`, `- item`), with its column; quotes removed. */
function frontMatterValue(line: string): { text: string; start: number } | undefined {
  if (/^\s*(?:#|$)/.test(line)) return undefined;
  const m = /^(\s*(?:-\s+)?(?:(?:"[^"]*"|'[^']*'|[^\s:#"'][^:#]*?)\s*:(?:\s+|$))?)(.*)$/.exec(line);
  if (!m) return undefined;
  let start = m[1]!.length;
  let text = m[2]!;
  // A comment starts at ` #` outside quotes.
  const quoted = /^(["'])(.*)\1\s*(?:#.*)?$/.exec(text);
  if (quoted) {
    start += 1;
    text = quoted[2]!;
  } else {
    const comment = /\s#/.exec(text);
    if (comment) text = text.slice(0, comment.index);
    if (/^#/.test(text)) text = '';
  }
  const trimmed = text.trimEnd();
  const lead = trimmed.length - trimmed.trimStart().length;
  text = trimmed.trimStart();
  // Block scalars (`|`, `>-`), anchors, empty values: nothing to read on this line.
  if (!text || /^[|>][+-]?\d*$/.test(text)) return undefined;
  return { text, start: start + lead };
}

/** Metadata values and table cells that still hold the template's whole list of choices (inline code is quoted). */
function checkChoices(context: RuleContext<Options>): void {
  const { doc } = context;
  const reported = new Set<number>();
  const reportChoice = (text: string, start: number) => {
    if (reported.has(start)) return;
    reported.add(start);
    context.report({ message: messageFor({ index: 0, length: text.length, token: text, kind: 'choice' }), key: text, range: { start: doc.pointAt(start), end: doc.pointAt(start + text.length) } });
  };
  for (const field of doc.metadata) {
    // Table fields are read below as cells, where inline code (quoted on purpose) is left out.
    if (field.source !== 'frontmatter' && field.source !== 'table' && isUnpickedChoice(field.value)) reportChoice(field.value, field.valueRange.start.offset);
  }
  for (const table of doc.tables) {
    for (const row of table.node.children.slice(1)) {
      for (const cell of row.children as TableCell[]) {
        const text = cellProse(cell);
        // In a table, `true/false` or `Yes/No` describes a column's values; three or more (`Low/Medium/High`) are choices.
        if (!text || !isUnpickedChoice(text) || !cell.position || (!text.includes('|') && text.split('/').length < 3)) continue;
        const cellStart = cell.position.start.offset!;
        const cellEnd = cell.position.end.offset!;
        const offset = doc.text.indexOf(text, cellStart);
        reportChoice(text, offset >= 0 && offset < cellEnd ? offset : cellStart);
      }
    }
  }
}

/** A cell's text without its inline code (`` `string \| null` `` is quoted on purpose); '' when only code. */
function cellProse(cell: TableCell): string {
  if (!cell.children.some((c) => c.type === 'inlineCode')) return toString(cell).trim();
  return cell.children
    .filter((c) => c.type !== 'inlineCode')
    .map((c) => toString(c))
    .join('')
    .trim();
}

export default rule;
