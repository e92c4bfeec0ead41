/**
 * YAML validation: every document of a block, duplicate keys as errors.
 *
 * Examples in documents are excerpts more often than files. A block is read as written; when that fails, its
 * elision lines (`...`, `…`, `- ...`, `[ . . . ]`, `{ ... }`, `// ...`, a line that is only a `<stand-in>`) are read
 * as comments (and template tags such as `{{ .Values.x }}` as values) and the block is parsed again: a block whose
 * only problems are elisions is a fragment, not an error.
 * A block indented as a whole (pasted from a list) is read without that common indentation, so its `---`
 * separators are separators.
 */
import { LineCounter, parseAllDocuments, type YAMLError } from 'yaml';
import { rememberProblems, type BlockProblem } from './types.js';

export interface YamlCheckOptions {
  /** Add the opt-out to syntax messages (code blocks); front matter has no opt-out. */
  excerptHint?: boolean;
}

function readable(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/Map keys must be unique/.test(first)) return 'Duplicate key in mapping (keys must be unique)';
  return first.charAt(0).toUpperCase() + first.slice(1);
}

const ELLIPSIS = String.raw`(?:\.{2,}|…|\.(?:[ \t]\.){2,})`;
/** A line that only stands for omitted content. */
const ELISION_LINE = new RegExp(
  String.raw`^([ \t]*)(?:(?:-[ \t]+)?(?:${ELLIPSIS}|\[[ \t]*${ELLIPSIS}[ \t]*\]|\{[ \t]*${ELLIPSIS}[ \t]*\}|<[^<>\n]+>)[ \t]*,?[ \t]*(?:(?:#|//).*)?|//[ \t]*${ELLIPSIS}.*)$`,
  'gm',
);

/** Elision lines turned into comments of the same length. */
/** An ellipsis opening a collection: `...{` (a spread in an example). */
const LEADING_ELLIPSIS = /^([ \t]*(?:-[ \t]+)?)(\.{3}|…)(?=[{[])/gm;

/** A line that is only template tags: `{{- if .Values.x }}`, `{% for x in y %}`, `{{ end }}`. */
const TEMPLATE_LINE = /^([ \t]*)(?:(?:\{\{-?[^{}\n]*-?\}\}|\{%-?[^%\n]*-?%\}|\{#[^#\n]*#\})[ \t]*)+$/gm;
/** A template expression where a value stands: `replicas: {{ .Values.replicas }}`. */
const TEMPLATE_VALUE = /\{\{[^{}\n]*\}\}|\$\{\{[^{}\n]*\}\}/g;

const asComment = (line: string, indent: string) => (line.length > indent.length ? `${indent}#${' '.repeat(line.length - indent.length - 1)}` : line);

/** Elision lines and template-only lines turned into comments, template values into plain scalars; same length. */
export function maskYamlElisions(text: string): string {
  return text
    .replace(ELISION_LINE, asComment)
    .replace(TEMPLATE_LINE, asComment)
    .replace(TEMPLATE_VALUE, (m) => 'x'.repeat(m.length))
    .replace(LEADING_ELLIPSIS, (_, indent: string, ellipsis: string) => indent + ' '.repeat(ellipsis.length));
}

interface Dedented {
  text: string;
  /** Columns removed from each line (0-based line index). */
  removed: number[];
}

/** Remove the indentation every non-blank line shares. */
function dedent(text: string): Dedented {
  const lines = text.split('\n');
  let common = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    common = Math.min(common, /^ */.exec(line)![0].length);
  }
  if (!Number.isFinite(common) || common === 0) return { text, removed: lines.map(() => 0) };
  const removed = lines.map((line) => Math.min(common, /^ */.exec(line)![0].length));
  return { text: lines.map((line, i) => line.slice(removed[i])).join('\n'), removed };
}

interface FoundError {
  error: YAMLError;
  start: { line: number; col: number };
  end: { line: number; col: number };
}

/** The first error of each document of the text; undefined when it parses. */
function firstErrors(text: string): FoundError[] | undefined {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [documents];
  const found: FoundError[] = [];
  for (const document of list) {
    const error = document.errors[0];
    // The first error of a document; later ones are usually its echo.
    if (error) found.push({ error, start: lineCounter.linePos(error.pos[0]), end: lineCounter.linePos(error.pos[1]) });
  }
  return found.length > 0 ? found : undefined;
}

function duplicateKeyMessage(text: string, offset: number, examplesHint: boolean): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineText = text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart));
  const key = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(lineText)?.[1]?.replace(/^["']|["']$/g, '') ?? '';
  const topLevel = examplesHint && !/^\s/.test(lineText);
  return `Duplicate key${key ? ` "${key}"` : ''}: the second value replaces the first${topLevel ? ' (if the block shows several examples, separate them with a `---` line)' : ''}`;
}

function validateYamlOnce(text: string, options: YamlCheckOptions): BlockProblem[] {
  const { text: source, removed } = dedent(text);
  let errors: FoundError[] | undefined;
  let parsed = source;
  try {
    errors = firstErrors(source);
    if (errors) {
      const masked = maskYamlElisions(source);
      if (masked !== source) {
        const remaining = firstErrors(masked);
        if (!remaining) return [];
        errors = remaining;
        parsed = masked;
      }
    }
  } catch (error) {
    return [{ line: 0, column: 1, message: readable((error as Error).message), code: 'exception' }];
  }
  if (!errors) return [];
  return errors.map(({ error, start, end }) => {
    const duplicate = error.code === 'DUPLICATE_KEY';
    const hint = options.excerptHint && !duplicate ? ' (mark the block ```yaml fragment if it is an excerpt)' : '';
    const message = duplicate ? duplicateKeyMessage(parsed, error.pos[0], options.excerptHint === true) : readable(error.message) + hint;
    const shift = (line: number) => removed[line - 1] ?? 0;
    return {
      line: start.line - 1,
      column: start.col + shift(start.line),
      endLine: end.line - 1,
      endColumn: Math.max(end.col + shift(end.line), end.line === start.line ? start.col + shift(start.line) + 1 : 1),
      message,
      code: error.code,
    };
  });
}

const remembered = rememberProblems(validateYamlOnce, (options: YamlCheckOptions) => (options.excerptHint ? 'hint' : ''));

export function validateYaml(text: string, options: YamlCheckOptions = {}): BlockProblem[] {
  return remembered(text, options);
}
