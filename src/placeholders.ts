/**
 * The placeholder vocabulary, shared by `no-placeholders` (which reports them) and the code-block validators
 * (which stay silent on a block holding one: one defect, one finding).
 *
 * Two kinds of evidence. A *strong* token is a stand-in wherever it stands (`[FEATURE_NAME]`, `[Your Name]`,
 * `[Describe the problem]`, `{{owner}}`, the template's own tokens). A *weak* one (`[initial state]`, `YYYY-MM-DD`,
 * `$ARGUMENTS`) is also how people write annotations, tags, broken links, formats and environment variables, so
 * it counts only where a value is expected: alone on its line, list item or table cell, or right after a label
 * (`Owner: …`, `**Created**: …`). Everything else — citations, intervals, CLI synopses, status tags, list labels,
 * math — is not a stand-in.
 */
import { escapeRegExp } from './rule-helpers.js';

export interface PlaceholderMatch {
  index: number;
  length: number;
  token: string;
  kind:
    | 'bracket'
    | 'maybe-link'
    | 'date'
    | 'version'
    | 'word'
    | 'lorem'
    | 'url'
    | 'clarification'
    | 'vocabulary'
    | 'pattern'
    | 'angle'
    | 'mustache'
    | 'unknown'
    | 'variable'
    | 'instruction'
    | 'pending'
    | 'choice';
}

export interface FindOptions {
  /** Code is full of brackets (arrays, indexing, Mermaid labels): only unmistakable template tokens count there. */
  inCode?: boolean;
  /** The code block's language: where brackets are not syntax (SQL), lower-case stand-ins count too. */
  codeLanguage?: string;
  /** TBD/TODO/FIXME-style words to flag outside code. */
  words?: readonly string[];
  /** Exact tokens to ignore. */
  allow?: ReadonlySet<string>;
  /** Exact tokens of the document type's template (`[Component Name]`, `<service-name>`, `(fill me in …)`). */
  vocabulary?: readonly string[];
  /**
   * The source line holding [start, end) of `text`, and where the token lies in it: weak tokens are judged by their
   * line (is a value expected there? is it a label, a synopsis?). Defaults to `text`'s own line; the rule passes
   * the Markdown source line, markup included.
   */
  lineOf?: LineOf;
}

export type LineOf = (start: number, end: number) => { line: string; start: number; end: number };

/* ------------------------------------------------------------------ vocabularies */

export const DEFAULT_WORDS = ['TBD', 'TODO', 'FIXME', 'XXX', 'TBA'];

/** One-word stand-ins templates use (`[Date]`, `[Name]`); other lone words in brackets are tags or labels. */
export const STAND_IN_WORDS: ReadonlySet<string> = new Set([
  'date', 'name', 'names', 'title', 'description', 'owner', 'owners', 'author', 'authors', 'link', 'url', 'version',
  'number', 'value', 'reason', 'purpose', 'details', 'feature', 'team', 'email', 'metric', 'target', 'placeholder',
]);

/** More lone words that stand for a value (`[COMPANY]`, `[Project]`), beyond the ones templates share. */
const LONE_STAND_INS: ReadonlySet<string> = new Set([
  ...STAND_IN_WORDS, 'company', 'project', 'product', 'organization', 'organisation', 'org', 'role', 'summary',
  'deadline', 'amount', 'ticket', 'reviewer', 'reviewers', 'approver', 'approvers', 'assignee', 'sponsor', 'service',
  'region', 'environment', 'component', 'module', 'customer', 'user', 'username', 'repo', 'repository',
]);

/** Words that name a value wherever they stand in a short phrase: `[Date of decision]`, `[Pod name]`. */
const CORE_STAND_INS: ReadonlySet<string> = new Set(['name', 'names', 'date', 'description', 'title', 'placeholder', 'email', 'e-mail']);

/** Last words that make a phrase a stand-in (`[Feature Name]`, `[Brief description]`, `[Link to the design]`). */
const STRONG_LAST_WORDS: ReadonlySet<string> = new Set([...CORE_STAND_INS, 'owner', 'owners', 'author', 'authors', 'link', 'url', 'details', 'reason', 'purpose', 'here']);

/** How template instructions start: `[Describe the problem]`, `[Why this priority]`. */
const INSTRUCTION_START = new Set([
  'describe', 'explain', 'list', 'add', 'provide', 'enter', 'insert', 'specify', 'summarize', 'summarise', 'write',
  'include', 'define', 'identify', 'fill', 'replace', 'outline', 'give', 'mention', 'justify', 'clarify', 'choose',
  'pick', 'select', 'paste', 'put', 'attach', 'extract', 'link', 'remove', 'delete', 'briefly', 'one-line',
  'what', 'why', 'how', 'which', 'who', 'whom', 'when', 'where', 'whether',
]);

/** `[Option 1]`, `[Alternative B]`, `[Entity 2]`: a generic noun numbered by the template. */
const NUMBERED_SLOT = /^(?:option|alternative|argument|step|item|entity|goal|non-goal|requirement|metric|milestone|phase|scenario|story|user story|component|service|risk|assumption|constraint|question|pro|con|decision|approach|solution|endpoint|field|param|parameter|dependency|stakeholder|persona|use case|criterion|example|feature|module|system|actor|role|value|reason)\s+(?:\d+|[a-z])$/i;

/** First words of tags and statuses written in capitals: `[OUT OF SCOPE - MVP]`, `[IN PROGRESS]`. */
const STATUS_WORDS = new Set([
  'wip', 'draft', 'deprecated', 'breaking', 'done', 'complete', 'completed', 'in', 'not', 'out', 'blocked', 'unresolved',
  'resolved', 'rejected', 'reject', 'approved', 'accepted', 'obsolete', 'superseded', 'experimental', 'stable', 'alpha',
  'beta', 'ga', 'new', 'removed', 'fixed', 'optional', 'required', 'mandatory', 'recommended', 'high', 'medium', 'low',
  'critical', 'must', 'should', 'may', 'ignore', 'modify', 'skip', 'future', 'later', 'no', 'yes', 'note', 'warning',
  'info', 'important', 'updated', 'update', 'edit', 'edited', 'closed', 'open', 'pending', 'merged', 'partial', 'all',
]);

/** Synopsis metavariables: `cmd [options]`, `[OPTIONS]`, `[FLAGS]`, `[ARGS...]`. */
const CLI_WORDS = new Set(['options', 'option', 'flags', 'flag', 'args', 'arguments', 'command', 'subcommand', 'opts', 'file', 'files', 'path', 'paths', 'dir', 'directory']);

/** Languages where brackets are not syntax, so lower-case stand-ins (`[table_name]`) are clear. */
const SQL_LIKE = new Set(['sql', 'postgresql', 'postgres', 'pgsql', 'plpgsql', 'mysql', 'sqlite', 'bigquery', 'snowflake', 'http', 'env', 'dotenv']);

/* ------------------------------------------------------------------ patterns */

// `[NEEDS CLARIFICATION: …]` (spec-kit) — before the generic bracket pattern, which it would otherwise split.
const CLARIFICATION = /\[NEEDS CLARIFICATION:[^\]\n]*\]/g;
/** `No [NEEDS CLARIFICATION] markers remain`: naming the marker is not leaving one. */
const MARKER_MENTION = /^\[NEEDS CLARIFICATION\]$/;
// A bracketed token: no nested brackets, no newline, not a footnote (^), alert (!), or task box.
// Not a closing tag either (`<<[/UNRESOLVED]>>` ends a KEP discussion block).
const BRACKET = /\[([^\][\n^!`/][^\][\n`]{0,200})\]/g;
const ALL_CAPS = /^[A-Z][A-Z0-9_]*(?:[ ./-][A-Z0-9_]+)*$/;
const CAPS_UNDERSCORE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
const PROSE_TOKEN = /^[A-Za-z][\w .,'’&+/()#:%-]*[\w)%.]$/;
// Standing alone: `YYYY-MM-DD`, not `YYYY-MM-DDTHH:MM` (a format) or `YYYY-MM-DD-name` (a file pattern).
const DATE = /(?<![\w./-])(?:YYYY-MM-DD|YYYY-MM|MM\/DD\/YYYY|DD\/MM\/YYYY|DD\.MM\.YYYY)(?![\w/:-]|\.\w)/g;
const VERSION = /(?<![\w.])v?X\.Y\.Z(?![\w.-])|(?<![\w.])v\[X\.Y\.Z\]/g;
const BRACKET_VERSION = /(?<![\w.])v\[X\.Y\.Z\]/g;
const LOREM = /\blorem ipsum\b/gi;
const EXAMPLE_HOST = /^(?:[\w-]+\.)*example\.(?:com|org|net)$/i;
const EXAMPLE_URL = /\b(?:https?:\/\/|www\.)(?:[\w-]+\.)*example\.(?:com|org|net)\b(?:[/?#][^\s)[\]>"'`]*)?/gi;
// `{{owner}}`, `{{ project-name }}`: mustache stand-ins. Not Handlebars blocks (`{{#if}}`, `{{/each}}`, `{{!…}}`).
const MUSTACHE = /\{\{(?![#/!>^&@])\s*([^{}\n]{1,200}?)\s*\}\}/g;
// `???` standing alone (not `Really???`).
const UNKNOWN = /(?<![\p{L}\p{N}?!])\?{3,}(?![\p{L}\p{N}?])/gu;
// `$ARGUMENTS`, `${FEATURE_NAME}`: template variables (outside code; environment variables aside).
/** Environment variables a document names in prose: conventional names and the `*_HOME`/`*_PATH`/`*_DIR` families. */
const ENVIRONMENT = /^(?:PATH|HOME|USER|USERNAME|SHELL|PWD|OLDPWD|TMPDIR|TEMP|TMP|LANG|LC_[A-Z]+|TERM|EDITOR|VISUAL|PAGER|HOSTNAME|CI|DEBUG|DISPLAY|(?:GO|CARGO|RUST|PYTHON)[A-Z0-9_]*|NODE_[A-Z_]+|NPM_[A-Z_]+|JAVA_[A-Z_]+|KUBE[A-Z_]*|XDG_[A-Z_]+|DOCKER_[A-Z_]+|AWS_[A-Z_]+|GITHUB_[A-Z_]+|[A-Z0-9_]+_(?:HOME|PATH|DIR|ROOT|URL|HOST|PORT|TOKEN|KEY|SECRET|ENV|BIN|CACHE|CONFIG|FLAGS|OPTS))$/;
const VARIABLE = /(?<![\w$\\])\$(?:\{[A-Z][A-Z0-9_]{2,}\}|[A-Z][A-Z0-9_]{2,}(?![\w{(]))/g;
// `(fill me in with today's date)`, `(leave this empty)`, `(replace with …)`, `(to be completed)`.
const INSTRUCTION = /\((?:please\s+)?(?:fill(?:\s+(?:me|this|it|these))?\s+(?:in|out)\b|fill\s+me\b|leave\s+(?:this\s+|it\s+)?(?:empty|blank)\b|replace\s+(?:this|me|with)\b|insert\s+(?:your|the|a|an)\s|[^()\n]{1,60}\sgoes\s+here\b)[^()\n]{0,200}\)/gi;
// `(to be determined)`, `(To Be Defined)`, `(to be added)`: text the author means to write later, like TBD.
const PENDING = /\(to\s+be\s+(?:filled|completed|written|provided|added|determined|decided|defined|confirmed)\b[^()\n]{0,200}\)/gi;
// `<service-name>` written where Markdown keeps it as text (`<service_name>`, front matter).
const ANGLE_TEXT = /(?<![\w<])<([A-Za-z][^<>@\n]{0,200}?)>(?![\w>])/g;
// A `$…$` or `$$…$$` math span: its brackets are intervals and its `$X_1` are symbols.
const MATH = /\$\$[^$]+\$\$|\$(?=[^\s$])[^$\n]*?[^\s$\\]\$(?!\w)/g;

/* ------------------------------------------------------------------ slots */

const OPEN_MARKUP = /[*_~`"'“‘(\s]+$/;
const CLOSE_MARKUP = /^[*_~`"'”’)\s.,;!?]+/;

/** The text of a table cell around an offset: the row is cut at unescaped pipes. */
function cellOf(prefix: string, suffix: string): [string, string] {
  if (!prefix.includes('|') && !suffix.includes('|')) return [prefix, suffix];
  const pipes = [...prefix.matchAll(/(?<!\\)\|/g)];
  const last = pipes[pipes.length - 1];
  const next = /(?<!\\)\|/.exec(suffix);
  return [last ? prefix.slice(last.index + 1) : prefix, next ? suffix.slice(0, next.index) : suffix];
}

/**
 * Is [start, end) of `line` where a value is expected? Alone on its line, list item, heading or table cell (markup
 * and quotes around it ignored), or right after a short label: `Owner: …`, `**Created**: …`, `| Updated | … |`.
 * `labelled`: only after a label (`Owner: …`, `**Given** …`, a table cell after the row's first) — a line holding
 * nothing but `[CSI driver]` is as often content written in brackets as a stand-in.
 */
export function isSlot(line: string, start: number, end: number, labelled = false): boolean {
  const rawPrefix = line.slice(0, start);
  let [prefix, suffix] = cellOf(rawPrefix, line.slice(end));
  const laterCell = prefix.length < rawPrefix.length && /(?<!\\)\|[^|]*[^\s|][^|]*(?<!\\)\|/.test(rawPrefix);
  // `**Given** [initial state], **When** [action], **Then** [expected outcome]`: values after emphasised labels.
  if (labelled && /(?:\*\*|__)[^*_]{1,40}(?:\*\*|__)\s*$/.test(prefix) && /^[*_"'”’)]*(?:[,;.]?\s*(?:\*\*|__)|\s*$)/.test(suffix)) return true;
  prefix = prefix
    .replace(/^\s*(?:>\s*)*(?:#{1,6}\s+)?(?:(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)?/, '')
    .replace(OPEN_MARKUP, '');
  suffix = suffix.replace(CLOSE_MARKUP, '').replace(/\s*#+\s*$/, '').trim();
  if (suffix !== '' && !/^(?:<!--.*-->|<br\s*\/?>)$/.test(suffix)) return false;
  if (prefix === '') return !labelled || laterCell;
  const label = prefix.replace(/[*_`]/g, '').trim();
  return /^(?:[^:\s][^:]{0,60}:\s*){1,3}$/.test(label) && label.split(/\s+/).length <= 8;
}

/** Is the token the first thing of its line or list item, with more text after it (a label: `- [Server] Add …`)? */
export function isLeadingLabel(line: string, start: number, end: number): boolean {
  const prefix = line.slice(0, start).replace(/^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)?/, '').replace(/[*_~]+$/, '');
  if (prefix !== '') return false;
  const suffix = line.slice(end).replace(/^[*_~]+/, '');
  return /^\s*[^\s:|]/.test(suffix) && !/^\s*$/.test(suffix);
}

/* ------------------------------------------------------------------ brackets */

type Context = 'prose' | 'code' | 'sql';
/** 'strong': a stand-in anywhere; 'weak': only where a value is expected; 'label': a stand-in unless it leads a line. */
type Evidence = { kind: 'bracket' | 'maybe-link' | 'choice'; strength: 'strong' | 'weak' | 'lone' };

const CITATION = /#\d+\b|\b[A-Z]{2,}[ -]?\d{1,5}\b|^[A-Z][ -]?\d{2,6}$|\b(?:1[6-9]|20)\d\d[a-z]?\b|'\d\d\b|\bet al\b|§|^\d+(?:\s*[,–-]\s*\d+)*$|^p{1,2}\.\s*\d/;

/**
 * Is the text inside `[…]` a template stand-in rather than a citation, an index, an interval, a tag or a label?
 * 'maybe-link' for prose like `[Blog post on MIR]`, which is a stand-in or a reference link whose definition is
 * missing — a defect either way, but the message should say both.
 */
function classifyBracket(inner: string, context: Context): Evidence | false {
  const text = inner.trim();
  if (text.length < 2 || text !== inner) return false;
  if (context !== 'prose') {
    // Code: `[FEATURE_NAME]` is a template's; `[i]`, `[Client]`, `[dbo]` are syntax. SQL has no brackets of its own.
    if (CAPS_UNDERSCORE.test(text) && text.length >= 4 && !CITATION.test(text)) return { kind: 'bracket', strength: 'strong' };
    if (context === 'sql' && (SNAKE.test(text) || /^[a-z]+\d+$/.test(text))) return { kind: 'bracket', strength: 'strong' };
    return false;
  }
  const lower = text.toLowerCase();
  const words = lower.split(/\s+/);
  // A synopsis (`[--flag]`, `[<path>]`, `[args...]`), a citation, a number list or an interval.
  if (/^[-<]|\.\.\.$|…$/.test(text) || CITATION.test(text)) return false;
  if (isUnpickedChoice(text)) return { kind: 'choice', strength: 'strong' };
  if (/\b(?:your|e\.g\.|eg\.|i\.e\.|etc\.?|if applicable|or n\/a|tbd|todo|fixme|tba)\b/i.test(lower) || /\byou\b/.test(lower)) return { kind: 'bracket', strength: 'strong' };
  if (ALL_CAPS.test(text)) {
    if (CAPS_UNDERSCORE.test(text)) return { kind: 'bracket', strength: 'strong' };
    if (words.length === 1) return LONE_STAND_INS.has(lower) ? { kind: 'bracket', strength: 'lone' } : false;
    // `[FEATURE NAME]`, `[REMOVE IF UNUSED]`; not `[IN PROGRESS]`, `[OUT OF SCOPE - MVP]`.
    if (STATUS_WORDS.has(words[0]!) || /\d/.test(text)) return false;
    return { kind: 'bracket', strength: 'strong' };
  }
  // Tuples, intervals, shapes and tag lists: `[a, b]`, `[T_begin, T_end]`, `[batch_size, 1]`, `[Coverage, Gap]`.
  if (/,/.test(text) && text.split(/\s*,\s*/).every((part) => part.split(/\s+/).length <= 2)) return false;
  if (SNAKE.test(text)) return { kind: 'maybe-link', strength: 'weak' };
  // Code-like contents: ranges (`..`), paths (`::`), assignments, operators.
  if (!PROSE_TOKEN.test(text) || /\.\.|::|[=;{}<>]/.test(text)) return false;
  if (words.length === 1) {
    if (CLI_WORDS.has(lower)) return false;
    // `[Date]`, `[Name]`: a stand-in; `[key]`, `[Alpha]`, `[x86]`, `[Draft]`: a word, tag or ticker.
    if (text.includes('/')) return choiceList(text);
    return LONE_STAND_INS.has(lower) ? { kind: 'bracket', strength: /^[A-Z]/.test(text) ? 'lone' : 'weak' } : false;
  }
  if (text.includes('/') && !/\s/.test(text.replace(/\s*\/\s*/g, '/'))) return choiceList(text.replace(/\s*\/\s*/g, '/'));
  const content = words.filter((w) => !/^\d+$/.test(w));
  const first = content[0] ?? '';
  const last = content[content.length - 1] ?? '';
  if (INSTRUCTION_START.has(first.replace(/[^a-z-]/g, ''))) return { kind: 'bracket', strength: 'strong' };
  // `[Option 1]` — but `- [Phase 3] All tenants` leads its item as a label.
  if (NUMBERED_SLOT.test(text)) return { kind: 'bracket', strength: 'lone' };
  // `[A short summary of the proposal.]`: a sentence in brackets is an instruction.
  if (content.length >= 4 && /[a-z]\.$/.test(text)) return { kind: 'bracket', strength: 'strong' };
  if (STRONG_LAST_WORDS.has(last) || (content.length <= 5 && CORE_STAND_INS.has(first))) return { kind: 'bracket', strength: 'strong' };
  // `[Network Policy Provider]`, `[Adrien Delorme]`: a proper name, written in brackets.
  if (text.split(/\s+/).every((w) => /^[A-Z0-9]/.test(w))) return false;
  // Several words (`[initial state]`, `[CRI version]`): a stand-in, a label, an annotation or a reference link
  // without its definition — only after a label, where a value is expected.
  return { kind: 'maybe-link', strength: 'weak' };
}

/** `[npm/yarn/pnpm]`: choices; `[kubernetes/website]`, `[encoding/json]`: two-part paths, names of things. */
function choiceList(text: string): Evidence {
  return { kind: 'bracket', strength: text.split('/').length >= 3 ? 'strong' : 'weak' };
}

/* ------------------------------------------------------------------ scanning */

function overlaps(found: readonly PlaceholderMatch[], index: number, length: number): boolean {
  return found.some((m) => index < m.index + m.length && m.index < index + length);
}

function push(out: PlaceholderMatch[], index: number, token: string, kind: PlaceholderMatch['kind']): void {
  if (!overlaps(out, index, token.length)) out.push({ index, length: token.length, token, kind });
}

/** A date or version written as a format (`ISO 8601 (YYYY-MM-DD)`, `semantic versioning (X.Y.Z)`), not a value. */
const FORMAT_WORDS = /\b(?:format(?:s|ted)?|iso(?:[ -]?8601)?|rfc ?3339|pattern|syntax|semver|semantic versioning|notation|convention|e\.g\.|i\.e\.|for example|such as|like|in the form|string|regex|template|where [xyz]\b|[xyz]\s*[≥>=<≤])/i;

function lineAround(text: string, index: number): { line: string; start: number } {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return { line: text.slice(start, end < 0 ? text.length : end), start };
}

/** Default: the text's own line. */
function ownLines(text: string): LineOf {
  return (start, end) => {
    const { line, start: lineStart } = lineAround(text, start);
    return { line, start: start - lineStart, end: end - lineStart };
  };
}

function slotAt(lineOf: LineOf, start: number, end: number): boolean {
  const at = lineOf(start, end);
  return isSlot(at.line, at.start, at.end);
}

/**
 * One scan that every placeholder needs to pass (a bracket, YYYY, X.Y.Z, lorem ipsum, a marker word, `{{`, `???`,
 * `$X`, `<x_y>`, an instruction, a template token): most text holds none, and then the patterns below never run.
 */
const gates = new Map<string, RegExp>();
// Looked up per text node: by the arrays' identity first, so that the common case builds no key string.
const gatesByArrays = new WeakMap<readonly string[], WeakMap<readonly string[], RegExp>>();
const NO_VOCABULARY: readonly string[] = [];
// Case-sensitive (a case-insensitive alternation is several times slower, and this runs on every text node).
const GATE_PARTS = ['\\[', 'X\\.Y\\.Z', 'YYYY', 'MM/DD', '[Ll]orem [Ii]psum', 'example\\.(?:com|org|net)', '\\{\\{', '\\?\\?\\?', '\\$\\{?[A-Z]', '<[A-Za-z]', '\\((?:[Pp]lease |[Ff]ill|[Ll]eave|[Rr]eplace|[Ii]nsert|[Tt]o [Bb]e|TO BE)', 'goes here'];
function gateFor(words: readonly string[], vocabulary: readonly string[]): RegExp {
  let byVocabulary = gatesByArrays.get(words);
  let gate = byVocabulary?.get(vocabulary);
  if (gate) return gate;
  const key = `${words.join('\u0000')}\u0001${vocabulary.join('\u0000')}`;
  gate = gates.get(key);
  if (!gate) {
    const literals = [...words.filter(Boolean).map(escapeRegExp), ...vocabularyFor(vocabulary).gateParts];
    gate = new RegExp([...GATE_PARTS, ...literals].join('|'));
    gates.set(key, gate);
  }
  if (!byVocabulary) {
    byVocabulary = new WeakMap();
    gatesByArrays.set(words, byVocabulary);
  }
  byVocabulary.set(vocabulary, gate);
  return gate;
}

interface CompiledVocabulary {
  /** One pattern for every token, longest first, whitespace-insensitive; undefined when there is none. */
  pattern?: RegExp;
  /** Literal prefixes for the gate (a token's first word, escaped). */
  gateParts: string[];
}
const vocabularies = new WeakMap<readonly string[], CompiledVocabulary>();

/** A template token as text nodes hold it: emphasis and code markers around it are Markdown, not text. */
function vocabularyText(token: string): string {
  return token.trim().replace(/^[*_`]+(?=\S)|(?<=\S)[*_`]+$/g, '').trim();
}

function vocabularyFor(tokens: readonly string[]): CompiledVocabulary {
  let compiled = vocabularies.get(tokens);
  if (compiled) return compiled;
  const texts = [...new Set(tokens.map(vocabularyText).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
  const sources = texts.map((t) => t.split(/\s+/).map(escapeRegExp).join('\\s+'));
  // A token that starts or ends with a word character must not start or end inside a word (`Title` in `Titles`).
  const bounded = texts.map((t, i) => `${/^\w/.test(t) ? '(?<!\\w)' : ''}${sources[i]}${/\w$/.test(t) ? '(?!\\w)' : ''}`);
  compiled = {
    pattern: texts.length > 0 ? new RegExp(bounded.join('|'), 'g') : undefined,
    gateParts: [...new Set(texts.map((t) => escapeRegExp(t.split(/\s+/)[0]!)))],
  };
  vocabularies.set(tokens, compiled);
  return compiled;
}

/** The template's own tokens in `text` (everywhere: prose, headings, cells, inline code, code, front matter). */
export function findVocabulary(text: string, vocabulary: readonly string[] | undefined, allow?: ReadonlySet<string>): PlaceholderMatch[] {
  if (!vocabulary || vocabulary.length === 0 || !text) return [];
  const { pattern } = vocabularyFor(vocabulary);
  if (!pattern) return [];
  const out: PlaceholderMatch[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (!allow?.has(m[0])) out.push({ index: m.index, length: m[0].length, token: m[0], kind: 'vocabulary' });
  }
  return out;
}

/** Ranges of `$…$` math in a line of prose. */
function mathSpans(text: string): Array<[number, number]> {
  if (!text.includes('$')) return [];
  MATH.lastIndex = 0;
  return [...text.matchAll(MATH)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

/** A line that shows command usage (`tool [--flag] [<path>]`, `cmd [options] <file>...`): its brackets are syntax. */
const SYNOPSIS = /\[-{1,2}\w|\[<|\w+\.\.\.\]|\]\.\.\.|\[\w+\s*\|\s*-|\w \[(?:options?|flags?|args|arguments|opts|command)\](?:\s|$)/i;

/**
 * The placeholders of `text`. `lineOf` (see `FindOptions.lineOf`) may also be passed on its own, so that a caller
 * scanning every text node need not build an options object for each.
 */
export function findPlaceholders(text: string, options: FindOptions = {}, lineOf: LineOf | undefined = options.lineOf): PlaceholderMatch[] {
  const inCode = options.inCode ?? false;
  const words = options.words ?? DEFAULT_WORDS;
  const vocabulary = options.vocabulary ?? NO_VOCABULARY;
  if (!text || !gateFor(words, vocabulary).test(text)) return [];
  const context: Context = !inCode ? 'prose' : SQL_LIKE.has((options.codeLanguage ?? '').toLowerCase()) ? 'sql' : 'code';
  lineOf ??= ownLines(text);
  const slot = (start: number, end: number) => slotAt(lineOf, start, end);
  const out = findVocabulary(text, vocabulary);
  const math = inCode ? [] : mathSpans(text);
  const inMath = (index: number) => math.some(([s, e]) => index >= s && index < e);
  if (text.includes('[')) {
    for (const m of text.matchAll(CLARIFICATION)) push(out, m.index, m[0], 'clarification');
    for (const m of text.matchAll(inCode ? BRACKET_VERSION : VERSION)) if (m[0].includes('[')) push(out, m.index, m[0], 'version');
    scanBrackets(text, context, lineOf, inMath, out);
  }
  if (!inCode) {
    // An instruction first: `(fill me in with today's date, YYYY-MM-DD)` is one finding, not a date.
    if (text.includes('(')) {
      for (const m of text.matchAll(INSTRUCTION)) push(out, m.index, m[0], 'instruction');
      for (const m of text.matchAll(PENDING)) push(out, m.index, m[0], 'pending');
    }
    for (const m of text.matchAll(VERSION)) if (!m[0].includes('[')) pushFormat(m.index, m[0], 'version', lineOf, out);
    for (const m of text.matchAll(DATE)) pushFormat(m.index, m[0], 'date', lineOf, out);
    // Filler (`Lorem ipsum dolor sit amet`), not a mention (`two Lorem Ipsum generators`).
    for (const m of text.matchAll(LOREM)) if (/^\s*dolor\b/i.test(text.slice(m.index + m[0].length)) || slot(m.index, m.index + m[0].length)) push(out, m.index, m[0], 'lorem');
    // A full URL to an example domain counts where a value is expected (a metadata value, a table cell); the rule
    // reads URLs in prose on its own (see `isExampleReference`).
    for (const m of text.matchAll(EXAMPLE_URL)) if (slot(m.index, m.index + m[0].length)) push(out, m.index, m[0], 'url');
    if (text.includes('{{')) {
      for (const m of text.matchAll(MUSTACHE)) {
        if (!isMustacheStandIn(m[1]!)) continue;
        // A template token `{Title}` inside `{{Title}}`: report the whole stand-in, once.
        const inner = out.findIndex((v) => v.kind === 'vocabulary' && v.index > m.index && v.index + v.length < m.index + m[0].length);
        if (inner >= 0) out.splice(inner, 1);
        push(out, m.index, m[0], 'mustache');
      }
    }
    if (text.includes('???')) for (const m of text.matchAll(UNKNOWN)) push(out, m.index, m[0], 'unknown');
    if (text.includes('$')) {
      for (const m of text.matchAll(VARIABLE)) {
        // `$HOME/.kube`, `in $GOPATH`: a path or an environment variable, not a template's variable.
        if (inMath(m.index) || text[m.index + m[0].length] === '/' || ENVIRONMENT.test(m[0].replace(/[${}]/g, ''))) continue;
        push(out, m.index, m[0], 'variable');
      }
    }
    if (text.includes('<')) {
      // `<service_name>` stays text in Markdown, so it renders: a stand-in where a value is expected, a format
      // elsewhere (`{<authorizer_name>}`, `/main/<git_sha>`, `<PAGE_SIZE>.limit`).
      for (const m of text.matchAll(ANGLE_TEXT)) if (isAngleStandIn(m[1]!, false) && slot(m.index, m.index + m[0].length)) push(out, m.index, m[0], 'bracket');
    }
    if (words.length > 0) {
      for (const m of text.matchAll(wordPattern(words))) {
        // `XXX` is also the usual metavariable: inside a quoted name (`"receiver for web server XXX"`,
        // `“convertibility to XXX”`) a word made of one repeated letter stands for any name, not for unfinished text.
        if (/^(.)\1+$/.test(m[0]) && /^["”’'`]/.test(text.slice(m.index + m[0].length))) continue;
        if (isWordMention(text, m.index, m[0])) continue;
        push(out, m.index, m[0], 'word');
      }
    }
  }
  const allow = options.allow;
  const kept = allow && allow.size > 0 ? out.filter((m) => !allow.has(m.token)) : out;
  return kept.sort((a, b) => a.index - b.index);
}

/**
 * The word named rather than used: quoted (`"TBD" behavior`), as a noun (`a TODO or similar flag`, `on the TODO
 * list`, `see FIXME above`), or glossing its quoted expansion (`"To Be Determined" (TBD)`).
 */
function isWordMention(text: string, index: number, word: string): boolean {
  const before = text.slice(Math.max(0, index - 60), index);
  const after = text.slice(index + word.length, index + word.length + 30);
  // Quoted: `"TBD"`, or opening a quoted term (`referred to as "TBD behavior"`).
  if ((/["“‘']$/.test(before) && /^["”’']/.test(after)) || /(?:^|\s)[“"]$/.test(before)) return true;
  if (/\b(?:a|an|the|any|no|each|every|this|that|these|those|see|its|their|our)\s+$/i.test(before)) return true;
  if (/^\s+(?:above|below|lists?|items?|comments?|markers?|tags?|flags?|entries|entry|files?)\b/i.test(after)) return true;
  const expansion = /["“']((?:[A-Za-z]+[\s-]+){0,4}[A-Za-z]+)["”']\s*\($/.exec(before);
  if (expansion && /^\)/.test(after)) {
    const initials = expansion[1]!.trim().split(/[\s-]+/).map((w) => w[0]!.toUpperCase()).join('');
    if (initials.endsWith(word)) return true;
  }
  return false;
}

function pushFormat(index: number, token: string, kind: 'date' | 'version', lineOf: LineOf, out: PlaceholderMatch[]): void {
  const at = lineOf(index, index + token.length);
  const before = at.line.slice(0, at.start);
  const after = at.line.slice(at.end);
  // `(YYYY-MM-DD)` glossing the word before it, or a sentence about the format: a description, not a value.
  const gloss = /\w\s*\($/.test(before) && /^\)/.test(after);
  if (!gloss && (!FORMAT_WORDS.test(at.line) || isSlot(at.line, at.start, at.end))) push(out, index, token, kind);
}

function scanBrackets(text: string, context: Context, lineOf: LineOf, inMath: (i: number) => boolean, out: PlaceholderMatch[]): void {
  const inCode = context !== 'prose';
  const candidates: Array<{ index: number; token: string; evidence: Evidence }> = [];
  for (const m of text.matchAll(BRACKET)) {
    const before = text[m.index - 1] ?? '';
    const after = text[m.index + m[0].length] ?? '';
    // `a[i]`, `#[attr]`, `x][y]`, `[[wiki]]`, `<<[UNRESOLVED]>>` and `[text](url)` / `[text][ref]` shapes are
    // indexing, attributes, markers or links.
    if (/[\w\])#!&*[]/.test(before) || after === '(' || after === ']' || (after === '[' && !inCode) || (before === '<' && text[m.index - 2] === '<')) continue;
    // Code: `[KEY]: value`, `[X_Y].z`, `bytes([TAG])`, `x = [MAX] * n` are keys, indexing and list literals.
    if (inCode) {
      const previous = text.slice(0, m.index).trimEnd().slice(-1);
      const next = text.slice(m.index + m[0].length).trimStart()[0] ?? '';
      if (/^[:=.[]/.test(after) || (context === 'code' && (/[(,=+*[{]/.test(previous) || /^[(]/.test(after) || /[=*+),:]/.test(next)))) continue;
      // `"message": "Unfilled \"[NAME_X]\""`: quoted inside a string, a mention.
      if (/\\["']$/.test(text.slice(0, m.index))) continue;
      // `# [PROJECT_DIR]/Cargo.toml`: a path variable, like `$PROJECT_DIR`.
      if (after === '/' && /_(?:DIR|ROOT|PATH|HOME)$/.test(m[1]!)) continue;
    }
    if (MARKER_MENTION.test(m[0]) || inMath(m.index)) continue;
    // `tool extract [OPTIONS] [SOURCE_PATTERN]` in a code block: usage, its brackets are optional arguments.
    if (inCode && SYNOPSIS.test(lineAround(text, m.index).line)) continue;
    const evidence = classifyBracket(m[1]!, context);
    if (evidence) candidates.push({ index: m.index, token: m[0], evidence });
  }
  if (candidates.length === 0) return;
  for (const { index, token, evidence } of candidates) {
    const end = index + token.length;
    if (!inCode) {
      const at = lineOf(index, end);
      // A synopsis line's brackets are syntax: `tool [OPTIONS] [SOURCE_PATTERN] [<path>]`.
      if (SYNOPSIS.test(at.line) && !/^\[(?:your|describe|e\.g\.)/i.test(token)) continue;
      // `[namespace]/[configmap name]`, `logs/[component]/`: a path or message format, unless a template's token.
      if (!CAPS_UNDERSCORE.test(token.slice(1, -1)) && (at.line[at.start - 1] === '/' || at.line[at.end] === '/')) continue;
      // `- [Server] Add …`, `[REPO: core] tasks`: a label leading its line, unless it is an instruction.
      if ((evidence.strength !== 'strong' || evidence.kind === 'maybe-link') && isLeadingLabel(at.line, at.start, at.end)) continue;
      // Weak: only after a label, where a value is expected.
      if (evidence.strength === 'weak' && !isSlot(at.line, at.start, at.end, true)) continue;
    }
    push(out, index, token, evidence.kind === 'choice' ? 'choice' : evidence.kind);
  }
}

/** `{{owner}}`, `{{Project Name}}`, `{{TITLE: …}}`; not Handlebars/Go templates (`{{this.name}}`, `{{foo ...}}`, `{{index .X}}`). */
function isMustacheStandIn(inner: string): boolean {
  if (/^(?:else|yield|outlet|end|this)\b|[.(=|"]|\.\.\./.test(inner)) return false;
  return /^[\p{L}\p{N}_][\p{L}\p{N}_ :,'!?-]*$/u.test(inner);
}

/* ------------------------------------------------------------------ angle brackets */

/** HTML, SVG and MathML element names a document may use on purpose (`<br>`, `<details>`, `<kbd>`, `<path>`). */
const HTML_ELEMENTS = new Set(
  ('a abbr address area article aside audio b base bdi bdo big blink blockquote body br button canvas caption center cite code col ' +
    'colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset ' +
    'h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta meter ' +
    'nav nobr noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select ' +
    'slot small source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ' +
    'ul var video wbr svg path g rect circle ellipse line polyline polygon text tspan defs use symbol marker image math mi mo mn ms mrow ' +
    'msup msub mfrac msqrt annotation semantics foreignobject clippath lineargradient radialgradient stop filter mask pattern').split(' '),
);
/** Hyphenated names that are SVG/MathML elements, not custom elements. */
const HYPHENATED_ELEMENTS = new Set(['annotation-xml', 'color-profile', 'font-face', 'font-face-src', 'font-face-uri', 'font-face-format', 'font-face-name', 'missing-glyph']);

/**
 * Is `<inner>` a stand-in (`<service-name>`, `<your name>`, `<project_name>`) rather than an element? An unknown
 * "tag" whose name holds a hyphen or underscore, or that is followed by bare words, without attribute values. In
 * Markdown such a tag is raw HTML that does not even render. `html`: the text was parsed as an HTML node.
 */
export function isAngleStandIn(inner: string, html: boolean): boolean {
  if (/[=@"'`]|:\/\/|^\/|\/$/.test(inner)) return false;
  const parts = inner.trim().split(/\s+/);
  const name = parts[0]!.toLowerCase();
  if (!/^[a-z][\w-]*$/i.test(name) || HYPHENATED_ELEMENTS.has(name)) return false;
  if (parts.length > 1) return !HTML_ELEMENTS.has(name) && parts.every((p) => /^[\p{L}\p{N}][\p{L}\p{N}'’_,.-]*$/u.test(p));
  // `<T>`, `<name>`, `<path>`: a generic, a word or an element; `<service-name>`, `<service_name>`: a stand-in.
  return /[-_]/.test(name) && (html || /[a-z]/i.test(name.replace(/[-_]/g, '')));
}

/** The opening tag of an HTML node, when it is the whole node (inline) or the whole first line (a block). */
export function angleStandInOf(html: string): string | undefined {
  const first = html.split(/\r?\n/, 1)[0]!.trim();
  const m = /^<([A-Za-z][^<>]*)>$/.exec(first);
  if (!m || !isAngleStandIn(m[1]!, true)) return undefined;
  return m[0];
}

/* ------------------------------------------------------------------ example domains */

/**
 * RFC 2606 reserves example.com/.org/.net for examples. A bare URL to one is a finding only where it reads as a
 * reference left unfilled — `See https://example.com/spec for details`, `Docs: https://example.com/docs` — not
 * where it illustrates: `e.g. https://api.example.com/v1`, a quoted value, a request sample.
 */
const EXAMPLE_SIGNAL = /\b(?:e\.g\.|eg\.|i\.e\.|for example|for instance|such as|like|example|sample|say|suppose|assume|imagine|hypothetical|would|could|might|curl|wget|GET|POST|PUT|PATCH|DELETE|HEAD|Host|request(?:s|ed)?|respon(?:d|ds|se|ses)|called|named|resolve[sd]?)\b/;
const REFERENCE_SIGNAL = /\b(?:see|refer(?:ence)?|documented|documentation|docs?|details|available|found|link(?:ed)?|here|visit|spec(?:ification)?|described|published|hosted|read|more information|dashboard|runbook|design doc|tracking|issue|ticket|pull request|repo(?:sitory)?|download|playbook|wiki)\b/i;

export function isExampleHost(url: string): boolean {
  const host = /^(?:[a-z][\w+.-]*:\/\/)?([^/?#:\s]+)/i.exec(url)?.[1] ?? '';
  return EXAMPLE_HOST.test(host);
}

/** `line` holds the URL at [start, end): is it a reference to fill in rather than an illustration? */
export function isExampleReference(line: string, start: number, end: number): boolean {
  const before = line[start - 1] ?? '';
  const after = line[end] ?? '';
  if (/["'“‘`<]/.test(before) && /["'”’`>]/.test(after || '"')) return false;
  const sentenceStart = Math.max(line.lastIndexOf('. ', start), line.lastIndexOf('? ', start), line.lastIndexOf('! ', start)) + 1;
  const nextStop = /[.?!](?:\s|$)/.exec(line.slice(end));
  const sentence = line.slice(sentenceStart, nextStop ? end + nextStop.index : line.length);
  // The words around it, without the example domains themselves (`user@example.com` is not the word "example").
  const around = `${sentence.slice(0, start - sentenceStart)} ${sentence.slice(end - sentenceStart)}`.replace(/\S*example\.(?:com|org|net)\S*/gi, ' ');
  if (EXAMPLE_SIGNAL.test(around)) return false;
  return isSlot(line, start, end) || REFERENCE_SIGNAL.test(sentence);
}

/** Example-domain URLs in a link target (`[docs](https://example.com/docs)`): a reference not yet filled in. */
export function findExampleUrls(url: string): PlaceholderMatch[] {
  if (!/example\.(?:com|org|net)/i.test(url) || /^mailto:/i.test(url)) return [];
  const out: PlaceholderMatch[] = [];
  for (const m of url.matchAll(EXAMPLE_URL)) push(out, m.index, m[0], 'url');
  if (out.length === 0 && isExampleHost(url)) push(out, 0, url, 'url');
  return out;
}

/* ------------------------------------------------------------------ words */

const wordPatterns = new Map<string, RegExp>();
function wordPattern(words: readonly string[]): RegExp {
  const key = words.join('\u0000');
  let pattern = wordPatterns.get(key);
  if (!pattern) {
    const alternatives = words.map(escapeRegExp).join('|');
    // Not part of a name or a list of the words: `TODO.md`, `forward_XXX`, `XXX-YYY`, `TBD/TODO/FIXME`.
    pattern = new RegExp(`(?<![\\w/-])(?:${alternatives})(?![\\w-]|\\.\\w|/\\w)`, 'g');
    wordPatterns.set(key, pattern);
  }
  return pattern;
}

/** True when a code block holds a template placeholder (its parse errors would only echo that). */
export function containsPlaceholder(text: string, codeLanguage: string, vocabulary?: readonly string[]): boolean {
  return findPlaceholders(text, { inCode: true, codeLanguage, vocabulary }).length > 0;
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
