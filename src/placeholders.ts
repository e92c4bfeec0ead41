/**
 * The placeholder vocabulary, shared by `no-placeholders` (which reports them) and the code-block validators
 * (which stay silent on a block holding one: one defect, one finding).
 */
import { escapeRegExp } from './rule-helpers.js';

export interface PlaceholderMatch {
  index: number;
  length: number;
  token: string;
  kind: 'bracket' | 'maybe-link' | 'date' | 'version' | 'word' | 'lorem' | 'url' | 'clarification' | 'vocabulary' | 'pattern';
}

export interface FindOptions {
  /** Code is full of brackets (arrays, indexing, Mermaid labels): only unmistakable template tokens count there. */
  inCode?: boolean;
  /** The code block's language: where brackets are not syntax (SQL, shell, plain text), more tokens count. */
  codeLanguage?: string;
  /** TBD/TODO/FIXME-style words to flag outside code. */
  words?: readonly string[];
  /** Exact tokens to ignore. */
  allow?: ReadonlySet<string>;
  /** Exact tokens of the document type's template (`[Component Name]`). */
  vocabulary?: readonly string[];
}

// `[NEEDS CLARIFICATION: …]` (spec-kit) — before the generic bracket pattern, which it would otherwise split.
const CLARIFICATION = /\[NEEDS CLARIFICATION:[^\]\n]*\]/g;
/** `No [NEEDS CLARIFICATION] markers remain`: naming the marker is not leaving one. */
const MARKER_MENTION = /^\[NEEDS CLARIFICATION\]$/;
// A bracketed token: no nested brackets, no newline, not a footnote (^), alert (!), or task box.
// Not a closing tag either (`<<[/UNRESOLVED]>>` ends a KEP discussion block).
const BRACKET = /\[([^\][\n^!`/][^\][\n`]{0,200})\]/g;
const ALL_CAPS = /^[A-Z][A-Z0-9_]*(?:[ ./-][A-Z0-9_]+)*$/;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
const PROSE_TOKEN = /^[A-Za-z][\w .,'’&+/()#:%-]*[\w)%.]$/;
const DATE = /\b(?:YYYY-MM-DD|YYYY-MM|MM\/DD\/YYYY|DD\/MM\/YYYY|DD\.MM\.YYYY)\b/g;
const VERSION = /(?<![\w.])v?X\.Y\.Z(?![\w.])|(?<![\w.])v\[X\.Y\.Z\]/g;
const LOREM = /\blorem ipsum\b/gi;
const EXAMPLE_URL = /\b(?:https?:\/\/)?(?:[\w-]+\.)*example\.(?:com|org|net)\b(?:\/[^\s)[\]>"'`]*)?/gi;

export const DEFAULT_WORDS = ['TBD', 'TODO', 'FIXME', 'XXX', 'TBA'];

/** One-word stand-ins templates use (`[Date]`, `[Name]`); other lone words in brackets are tags or labels. */
export const STAND_IN_WORDS: ReadonlySet<string> = new Set([
  'date', 'name', 'names', 'title', 'description', 'owner', 'owners', 'author', 'authors', 'link', 'url', 'version',
  'number', 'value', 'reason', 'purpose', 'details', 'feature', 'team', 'email', 'metric', 'target', 'placeholder',
]);

/** Languages where brackets have no meaning of their own, so lower-case stand-ins (`[table_name]`) are clear. */
const BRACKET_FREE = new Set([
  'sql', 'postgresql', 'postgres', 'pgsql', 'plpgsql', 'mysql', 'sqlite', 'tsql', 'bigquery', 'snowflake',
  'bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'text', 'txt', 'plaintext', 'http', 'gherkin', 'env', 'dotenv',
]);

type Context = 'prose' | 'code' | 'loose-code';

/**
 * Is the text inside `[…]` a template stand-in rather than a citation, an index, a tag or a label? 'maybe-link'
 * for prose like `[Blog post on MIR]`, which is a stand-in or a reference link whose definition is missing —
 * a defect either way, but the message should say both.
 */
function classifyBracket(inner: string, context: Context): false | 'bracket' | 'maybe-link' {
  const text = inner.trim();
  if (text.length < 2 || text !== inner) return false;
  if (ALL_CAPS.test(text)) {
    // `[RFC 2119]`, `[ISO 8601]`: citations. `[EL]`, `[WIP]`-like short tags: labels.
    if (/\b[A-Z]{2,}[ -]?\d{1,5}\b|^[A-Z][ -]?\d{2,6}$/.test(text)) return false;
    if (context === 'code') return text.includes('_') && text.length >= 4 ? 'bracket' : false;
    return text.length >= 4 || text.includes('_') || STAND_IN_WORDS.has(text.toLowerCase()) ? 'bracket' : false;
  }
  if (context === 'code') return false;
  if (SNAKE.test(text)) return 'bracket';
  // In SQL or shell, `[field1]`-like lower-case stand-ins have no other meaning.
  if (context === 'loose-code') return /^[a-z]+\d+$/.test(text) ? 'bracket' : false;
  // Code-like contents: ranges (`..`), paths (`::`), assignments, lists of short words (`[a, b]`).
  if (!PROSE_TOKEN.test(text) || /\.\.|::|[=;{}<>]|^\w{1,3}(?:\s*,\s*\w{1,3})+$/.test(text)) return false;
  if (STAND_IN_WORDS.has(text.toLowerCase()) || /\//.test(text)) return 'bracket';
  // `[Your Name]`, `[Feature Name]`, `[Service Name 2]`: addressed to the author, or naming a stand-in word.
  const words = text.toLowerCase().split(/\s+/).filter((w) => !/^\d+$/.test(w));
  if (words.includes('your') || words.includes('e.g.') || STAND_IN_WORDS.has(words[words.length - 1]!)) return 'bracket';
  // Several words (`[Your Name]`, `[Detailed problem description]`); a lone word (`[key]`, `[Alpha]`) is left alone.
  return /\s/.test(text) ? 'maybe-link' : false;
}

function overlaps(found: PlaceholderMatch[], index: number, length: number): boolean {
  return found.some((m) => index < m.index + m.length && m.index < index + length);
}

function scan(text: string, pattern: RegExp, kind: PlaceholderMatch['kind'], out: PlaceholderMatch[], accept?: (m: RegExpExecArray) => boolean): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (accept && !accept(m)) continue;
    if (!overlaps(out, m.index, m[0].length)) out.push({ index: m.index, length: m[0].length, token: m[0], kind });
  }
}

/**
 * One scan that every placeholder needs to pass (a bracket, YYYY, X.Y.Z, lorem ipsum, an example
 * domain, a marker word, a template token): most text holds none, and then the patterns below never run.
 */
const gates = new Map<string, RegExp>();
// Looked up per text node: by the arrays' identity first, so that the common case builds no key string.
const gatesByArrays = new WeakMap<readonly string[], WeakMap<readonly string[], RegExp>>();
const NO_VOCABULARY: readonly string[] = [];
function gateFor(words: readonly string[], vocabulary: readonly string[]): RegExp {
  let byVocabulary = gatesByArrays.get(words);
  let gate = byVocabulary?.get(vocabulary);
  if (gate) return gate;
  const key = `${words.join('\u0000')}\u0001${vocabulary.join('\u0000')}`;
  gate = gates.get(key);
  if (!gate) {
    const literals = [...words, ...vocabulary].filter(Boolean).map(escapeRegExp);
    gate = new RegExp(['\\[', 'X\\.Y\\.Z', 'YYYY', 'lorem ipsum', 'example\\.(?:com|org|net)', ...literals].join('|'), 'i');
    gates.set(key, gate);
  }
  if (!byVocabulary) {
    byVocabulary = new WeakMap();
    gatesByArrays.set(words, byVocabulary);
  }
  byVocabulary.set(vocabulary, gate);
  return gate;
}

export function findPlaceholders(text: string, options: FindOptions = {}): PlaceholderMatch[] {
  const inCode = options.inCode ?? false;
  const context: Context = !inCode ? 'prose' : BRACKET_FREE.has((options.codeLanguage ?? '').toLowerCase()) ? 'loose-code' : 'code';
  const out: PlaceholderMatch[] = [];
  if (!text || !gateFor(options.words ?? DEFAULT_WORDS, options.vocabulary ?? NO_VOCABULARY).test(text)) return out;
  for (const token of options.vocabulary ?? []) {
    for (let i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length)) {
      if (!overlaps(out, i, token.length)) out.push({ index: i, length: token.length, token, kind: 'vocabulary' });
    }
  }
  if (text.includes('[')) {
    scan(text, CLARIFICATION, 'clarification', out);
    scan(text, VERSION, 'version', out);
    BRACKET.lastIndex = 0;
    for (let m = BRACKET.exec(text); m; m = BRACKET.exec(text)) {
      const before = text[m.index - 1] ?? '';
      const after = text[m.index + m[0].length] ?? '';
      // `a[i]`, `#[attr]`, `x][y]` and `[text](url)` / `[text][ref]` shapes are indexing, attributes or links.
      if (/[\w\])#!&*]/.test(before) || after === '(' || (after === '[' && !inCode)) continue;
      if (MARKER_MENTION.test(m[0])) continue;
      const kind = classifyBracket(m[1]!, context);
      if (kind && !overlaps(out, m.index, m[0].length)) out.push({ index: m.index, length: m[0].length, token: m[0], kind });
    }
  } else {
    scan(text, VERSION, 'version', out);
  }
  scan(text, DATE, 'date', out);
  if (!inCode) {
    scan(text, LOREM, 'lorem', out);
    scan(text, EXAMPLE_URL, 'url', out);
    const words = options.words ?? DEFAULT_WORDS;
    if (words.length > 0) scan(text, wordPattern(words), 'word', out);
  }
  const allow = options.allow;
  const kept = allow && allow.size > 0 ? out.filter((m) => !allow.has(m.token)) : out;
  return kept.sort((a, b) => a.index - b.index);
}

const wordPatterns = new Map<string, RegExp>();
function wordPattern(words: readonly string[]): RegExp {
  const key = words.join('\u0000');
  let pattern = wordPatterns.get(key);
  if (!pattern) {
    const alternatives = words.map(escapeRegExp).join('|');
    pattern = new RegExp(`(?<![\\w-])(?:${alternatives})(?![\\w-])`, 'g');
    wordPatterns.set(key, pattern);
  }
  return pattern;
}

/** True when a code block holds a template placeholder (its parse errors would only echo that). */
export function containsPlaceholder(text: string, codeLanguage: string, vocabulary?: readonly string[]): boolean {
  return findPlaceholders(text, { inCode: true, codeLanguage, vocabulary }).some((m) => m.kind !== 'date');
}

/**
 * An unpicked choice list: `Draft | Review | Approved`, `Low/Medium/High` — the template offered choices and the
 * author kept them all.
 */
const CHOICE_WORDS = new Set(['low', 'medium', 'high', 'critical', 'yes', 'no', 'true', 'false', 'must', 'should', 'could', 'p0', 'p1', 'p2', 'p3']);
export function isUnpickedChoice(value: string): boolean {
  const text = value.trim();
  if (/^[^|]{1,40}(?:\s\|\s[^|]{1,40}){1,}$/.test(text)) {
    const parts = text.split(/\s\|\s/).map((p) => p.trim());
    return parts.length >= 2 && parts.every((p) => /^[\p{L}\p{N}_][\p{L}\p{N}_ -]{0,30}$/u.test(p) && p.split(/\s+/).length <= 3);
  }
  if (/^[\p{L}\p{N}]+(?:\/[\p{L}\p{N}]+){1,}$/u.test(text)) {
    const parts = text.split('/');
    return parts.every((p) => CHOICE_WORDS.has(p.toLowerCase())) && parts.length >= 2 && new Set(parts.map((p) => p.toLowerCase())).size === parts.length;
  }
  return false;
}

/** Rejects user patterns that can backtrack catastrophically (a quantified group holding a quantifier). */
export function unsafePatternReason(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `invalid regular expression /${source}/: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  const nestedQuantifier = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;
  if (nestedQuantifier.test(source)) return `regular expression /${source}/ nests quantifiers and could take exponential time; rewrite it without a repeated group that itself repeats`;
  if (/\\[1-9]/.test(source)) return `regular expression /${source}/ uses a back-reference, which can take exponential time`;
  return undefined;
}
