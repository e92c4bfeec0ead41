/**
 * JSON, JSONC, JSON5 and JSON Lines validation with positions and messages people can act on.
 * jsonc-parser is a tolerant scanner with exact offsets; json5 has its own grammar.
 *
 * Examples in documents are excerpts more often than files. A block is read, in this order, as:
 * 1. one value;
 * 2. with its elisions (`...`, `…`, `// ...`, `{ ... }`, `[ . . . ]`, `"key": ...`) and stand-ins (`<STRING>`,
 *    `{{ var }}`, `$var`) replaced by something neutral for the grammar, of the same length (positions stay put):
 *    one value; several values each starting on its own line (concatenated JSON, as `jq` prints and logs hold);
 *    the members of an object (`"name": {…}`) or the elements of an array (`{…},\n{…}`) without their brackets.
 * A block that parses in one of these readings is valid (a block whose only problems are elisions is a fragment);
 * otherwise the error that got furthest into the block is reported.
 */
import { createScanner, parse as parseJsonc, printParseErrorCode, visit, ParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';
import JSON5 from 'json5';
import { codePointOffsetToUtf16, offsetToBlockPosition, rememberProblems, type BlockProblem } from './types.js';

export type JsonDialect = 'json' | 'jsonc' | 'json5' | 'jsonl';

function previousSignificant(text: string, offset: number): string {
  for (let i = offset - 1; i >= 0; i--) {
    if (!/\s/.test(text[i]!)) return text[i]!;
  }
  return '';
}

/** Innermost open container at an offset: decides between "'}'" and "']'" in messages. */
function enclosing(text: string, offset: number): '{' | '[' | '' {
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c);
    else if (c === '}' || c === ']') stack.pop();
  }
  return (stack[stack.length - 1] as '{' | '[' | undefined) ?? '';
}

const fence = (dialect: JsonDialect) => '```' + (dialect === 'jsonl' ? 'json' : dialect);

/** The message and the error class (the finding's key) of a jsonc-parser error. */
function describe(error: ParseError, text: string, dialect: JsonDialect): { message: string; code: string } {
  const found = text.substr(error.offset, Math.max(1, error.length));
  const trailingComma = previousSignificant(text, error.offset) === ',' && /^[}\]]/.test(found);
  const excerpt = ` (mark the block ${fence(dialect)} fragment if it is an excerpt)`;
  const syntax = (message: string) => ({ message: message + excerpt, code: printParseErrorCode(error.error) });
  if (trailingComma && (error.error === ParseErrorCode.PropertyNameExpected || error.error === ParseErrorCode.ValueExpected)) {
    return { message: `Trailing comma before "${found[0]}" is not allowed in JSON (use \`\`\`jsonc or \`\`\`json5)`, code: 'trailing-comma' };
  }
  switch (error.error) {
    case ParseErrorCode.InvalidSymbol:
      if (/^[A-Za-z_$][\w$]*$/.test(found) && /^\s*:/.test(text.slice(error.offset + error.length))) {
        return { message: `Property name ${found} is not in double quotes: write "${found}" (or mark a JavaScript-style object \`\`\`json5)`, code: 'unquoted-key' };
      }
      return syntax(`Unexpected character "${found.slice(0, 20)}"`);
    case ParseErrorCode.InvalidNumberFormat:
      return syntax(`Invalid number "${found}"`);
    case ParseErrorCode.PropertyNameExpected:
      return syntax('Expected a property name in double quotes');
    case ParseErrorCode.ValueExpected:
      return syntax(error.offset >= text.length ? `Unexpected end of ${dialect === 'jsonl' ? 'line' : 'block'}: expected a value` : `Expected a value, found "${found.slice(0, 20)}"`);
    case ParseErrorCode.ColonExpected:
      return syntax("Expected ':' after property name");
    case ParseErrorCode.CommaExpected:
      return syntax(enclosing(text, error.offset) === '[' ? "Expected ',' or ']' after array element" : "Expected ',' or '}' after property value");
    case ParseErrorCode.CloseBraceExpected:
      return syntax("Expected '}' to close the object");
    case ParseErrorCode.CloseBracketExpected:
      return syntax("Expected ']' to close the array");
    case ParseErrorCode.EndOfFileExpected:
      return { message: 'Unexpected content after the JSON value: start each value on its own line, or put it in its own block', code: 'several-values' };
    case ParseErrorCode.InvalidCommentToken:
      return dialect === 'json' || dialect === 'jsonl'
        ? { message: 'Comments are not allowed in JSON (use ```jsonc or ```json5)', code: 'comment' }
        : syntax('Invalid comment');
    case ParseErrorCode.UnexpectedEndOfComment:
      return syntax('Unterminated comment');
    case ParseErrorCode.UnexpectedEndOfString:
      return syntax('Unterminated string');
    case ParseErrorCode.UnexpectedEndOfNumber:
      return syntax('Unexpected end of number');
    case ParseErrorCode.InvalidUnicode:
      return syntax('Invalid \\u escape');
    case ParseErrorCode.InvalidEscapeCharacter:
      return syntax('Invalid escape character in string');
    case ParseErrorCode.InvalidCharacter:
      return syntax('Invalid character in string (control characters must be escaped)');
    default:
      return syntax('Invalid JSON');
  }
}

/** Lines like `Request:` or `Response (201):` between values: a block of several labelled examples. */
const LABEL_LINE = /^\s*[A-Za-z][\w ()/.-]{0,40}:\s*$|^\s*\d{3}\s*:\s*[{[]/;

function problemAt(text: string, offset: number, length: number, message: string, code: string): BlockProblem {
  const start = offsetToBlockPosition(text, offset);
  const end = offsetToBlockPosition(text, offset + Math.max(1, length));
  return { line: start.line, column: start.column, endLine: start.line === end.line ? end.line : start.line, endColumn: start.line === end.line ? end.column : start.column + 1, message, code };
}

/* ------------------------------------------------------------------ elisions and stand-ins */

/**
 * Elisions and stand-ins outside strings: `...`, `…`, `... # as above`, `. . .`, `<STRING>`, `<...SNIP...>`, `{{ var }}`, `${var}`,
 * `$var`, and comments that only hold an elision (`// ...`, `/* ... *\/`, `# ...`).
 */
const STAND_IN = /(?:\.{3,}|…)(?:[ \t]+(?:\/\/|#)[^\n]*)?|\.(?:[ \t]\.){2,}|<[^<>"\n]{1,80}>|\{\{[^{}\n]*\}\}|\$\{[^}\n]*\}|\$[A-Za-z_]\w*|(?:\/\/|#)[ \t]*(?:\.{2,}|…)[^\n]*|\/\*[ \t]*(?:\.{2,}|…)[\s\S]*?\*\//y;

const isValueEnd = (c: string) => /["}\]\w]/.test(c);
const isValueStart = (c: string) => /["{[\w-]/.test(c);

const QUOTED_ELISION = /^[ \t]*(?:\.{3,}|…|\.(?:[ \t]\.){2,})[ \t]*$/;

/**
 * The string from `open` to `close` (its quotes) holds only an ellipsis (`"..."`, `"…"`, `". . ."`) and stands alone
 * in member or element position: after `{`, `[`, `,` or the block start, before `,`, `}`, `]` or the block end. As a
 * value (`"key": "..."`) or a key (`"...": 1`) it is ordinary JSON, left as written.
 */
function isQuotedElision(text: string, open: number, close: number, chars: string[], significantBefore: (offset: number) => number): boolean {
  if (!QUOTED_ELISION.test(text.slice(open + 1, close))) return false;
  const before = significantBefore(open);
  const prev = before >= 0 ? chars[before]! : '';
  if (!['{', '[', ',', ''].includes(prev)) return false;
  let after = close + 1;
  while (after < text.length && /\s/.test(text[after]!)) after++;
  return after >= text.length || [',', '}', ']'].includes(text[after]!);
}

/**
 * The block with elisions and stand-ins replaced, same UTF-16 length. An elided value (`"key": ...`) becomes `0`;
 * an elided member or element disappears with one comma, or becomes the comma its neighbours need.
 */
export function maskJsonElisions(text: string, dialect: JsonDialect): string {
  const chars = text.split('');
  const quotes = dialect === 'json5' ? `"'` : '"';
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (chars[k] !== '\n' && chars[k] !== '\r') chars[k] = ' ';
  };
  const significantBefore = (offset: number): number => {
    for (let k = offset - 1; k >= 0; k--) if (!/\s/.test(chars[k]!)) return k;
    return -1;
  };
  const significantAfter = (offset: number): number => {
    for (let k = offset; k < chars.length; k++) if (!/\s/.test(chars[k]!)) return k;
    return -1;
  };
  let changed = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let m: RegExpExecArray | readonly string[] | null = null;
    if (quotes.includes(c)) {
      // Skip the string (a JSON string never spans lines: stop at the line end if it is unterminated).
      let k = i + 1;
      while (k < text.length && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      // A quoted ellipsis standing alone where a member or element goes (`{ "a": 1, "..." }`) is an elision too.
      if (!(text[k] === c && isQuotedElision(text, i, k, chars, significantBefore))) {
        i = k + 1;
        continue;
      }
      m = [text.slice(i, k + 1)];
    }
    if (!m) {
      STAND_IN.lastIndex = i;
      m = STAND_IN.exec(text);
    }
    if (!m) {
      // An ordinary comment is the parser's business (an error in JSON): step over it so `//` in it is not read.
      if (c === '/' && text[i + 1] === '/') {
        const end = text.indexOf('\n', i);
        i = end < 0 ? text.length : end;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? text.length : end + 2;
      } else i++;
      continue;
    }
    const start = i;
    const end = i + m[0].length;
    changed = true;
    const before = significantBefore(start);
    const prev = before >= 0 ? chars[before]! : '';
    blank(start, end);
    if (prev === ':') {
      chars[start] = '0';
    } else {
      const after = significantAfter(end);
      const next = after >= 0 ? text[after]! : '';
      const isComment = /^(?:\/\/|#|\/\*)/.test(m[0]);
      if (isValueEnd(prev) && isValueStart(next) && !isComment) chars[start] = ',';
      else if ((prev === ',' || prev === '{' || prev === '[' || prev === '') && next === ',') chars[after] = ' ';
      else if (prev === ',' && (next === '}' || next === ']' || next === '')) chars[before] = ' ';
    }
    i = end;
  }
  return changed ? chars.join('') : text;
}

/* ------------------------------------------------------------------ readings */

interface Reading {
  errors: ParseError[];
  /** Duplicate-key problems, computed when the reading parses. */
  duplicates?: BlockProblem[];
}

function parseErrors(text: string, dialect: JsonDialect): ParseError[] {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: dialect === 'jsonc', disallowComments: dialect === 'json' || dialect === 'jsonl', allowEmptyContent: false });
  return errors;
}

/** Parse `prefix + text + suffix` and report offsets in `text`. */
function wrappedReading(text: string, dialect: JsonDialect, prefix: string, suffix: string): Reading {
  // An excerpt of a longer list may end with the comma that preceded the rest.
  const last = previousSignificant(text, text.length);
  const body = last === ',' ? text.slice(0, text.lastIndexOf(',')) + ' ' + text.slice(text.lastIndexOf(',') + 1) : text;
  const wrapped = prefix + body + suffix;
  const shift = (offset: number) => Math.min(text.length, Math.max(0, offset - prefix.length));
  const errors = parseErrors(wrapped, dialect).map((e) => ({ ...e, offset: shift(e.offset) }));
  return errors.length > 0 ? { errors } : { errors, duplicates: duplicateKeys(wrapped, dialect, prefix.length, text) };
}

/**
 * Top-level values of a block that holds several, each starting on a line of its own; undefined when the block is
 * not shaped like that (one value, values separated by commas, or two values on one line).
 */
function topLevelValues(text: string): Array<{ start: number; end: number }> | undefined {
  const scanner = createScanner(text, false);
  const values: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let start = -1;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia || token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) continue;
    const offset = scanner.getTokenOffset();
    const end = offset + scanner.getTokenLength();
    if (depth === 0) {
      const previous = values[values.length - 1];
      if (previous && !/[\r\n]/.test(text.slice(previous.end, offset))) return undefined;
      if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
        start = offset;
        depth = 1;
      } else if (token === SyntaxKind.StringLiteral || token === SyntaxKind.NumericLiteral || token === SyntaxKind.TrueKeyword || token === SyntaxKind.FalseKeyword || token === SyntaxKind.NullKeyword) {
        values.push({ start: offset, end });
      } else return undefined;
    } else {
      if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
      else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
      if (depth === 0) values.push({ start, end });
    }
  }
  if (depth !== 0) values.push({ start, end: text.length });
  return values.length >= 2 ? values : undefined;
}

function sequenceReading(text: string, dialect: JsonDialect): Reading | undefined {
  const values = topLevelValues(text);
  if (!values) return undefined;
  const errors: ParseError[] = [];
  const duplicates: BlockProblem[] = [];
  for (const { start, end } of values) {
    const part = text.slice(start, end);
    const partErrors = parseErrors(part, dialect);
    if (partErrors.length > 0) errors.push(...partErrors.map((e) => ({ ...e, offset: e.offset + start })));
    else duplicates.push(...duplicateKeys(part, dialect, -start, text));
  }
  return errors.length > 0 ? { errors } : { errors, duplicates };
}

function validateJsonOnce(text: string, dialect: JsonDialect): BlockProblem[] {
  if (text.trim() === '') return [{ line: 0, column: 1, message: `Empty ${dialect} block: add a value or remove the block`, code: 'empty' }];
  if (dialect === 'json5') return validateJson5(text);
  if (dialect === 'jsonl') return validateJsonLines(text);

  const asWritten = parseErrors(text, dialect);
  if (asWritten.length === 0) return duplicateKeys(text, dialect, 0, text);

  const masked = maskJsonElisions(text, dialect);
  const readings: Reading[] = [{ errors: masked === text ? asWritten : parseErrors(masked, dialect) }];
  if (readings[0]!.errors.length === 0) return duplicateKeys(masked, dialect, 0, text);
  const sequence = sequenceReading(masked, dialect);
  if (sequence) readings.push(sequence);
  readings.push(wrappedReading(masked, dialect, '[', '\n]'), wrappedReading(masked, dialect, '{', '\n}'));
  const parsed = readings.find((r) => r.errors.length === 0);
  if (parsed) return parsed.duplicates ?? [];

  const labels = text.split(/\r\n|\r|\n/).map((line, index) => ({ line, index })).filter(({ line }) => LABEL_LINE.test(line));
  if (labels.length > 0) {
    const first = labels[0]!;
    const names = labels.slice(0, 3).map(({ line }) => line.trim().replace(/\s*[{[].*$/, '')).join(' ');
    return [{
      line: first.index,
      column: 1,
      endColumn: first.line.length + 1,
      message: `This ${dialect} block holds several labelled values (${names}${labels.length > 3 ? ' …' : ''}): put each value in its own block, or mark the block \`\`\`${dialect} fragment`,
      code: 'labelled-values',
    }];
  }
  // The reading that got furthest explains the block best; the block as one value wins ties.
  let best = readings[0]!.errors[0]!;
  for (const reading of readings.slice(1)) if (reading.errors[0]!.offset > best.offset) best = reading.errors[0]!;
  const { message, code } = describe(best, masked, dialect);
  return [problemAt(text, best.offset, best.length, message, code)];
}

/** JSON Lines / NDJSON: every non-blank line is one JSON value. */
function validateJsonLines(text: string): BlockProblem[] {
  let offset = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const content = line.replace(/\r?\n$/, '');
    if (content.trim() !== '') {
      const errors = parseErrors(content, 'jsonl');
      if (errors.length > 0) {
        const error = errors[0]!;
        const described = error.error === ParseErrorCode.EndOfFileExpected
          ? { message: 'Unexpected content after the value: a JSON Lines block holds one value per line', code: 'several-values' }
          : describe(error, content, 'jsonl');
        return [problemAt(text, offset + error.offset, error.length, described.message, described.code)];
      }
    }
    offset += line.length;
  }
  return [];
}

/**
 * Duplicate keys of `part`, a text whose offset `o` is offset `o - shift` of `block` (shift is the length of a
 * wrapping prefix, or minus the start of a slice).
 */
function duplicateKeys(part: string, dialect: JsonDialect, shift: number, block: string): BlockProblem[] {
  const problems: BlockProblem[] = [];
  const stack: Array<Map<string, number>> = [];
  const toBlock = (offset: number) => Math.min(block.length, Math.max(0, offset - shift));
  visit(
    part,
    {
      onObjectBegin: () => {
        stack.push(new Map());
      },
      onObjectEnd: () => {
        stack.pop();
      },
      onObjectProperty: (property, offset, length) => {
        const keys = stack[stack.length - 1];
        if (!keys) return;
        const first = keys.get(property);
        if (first !== undefined) {
          problems.push({ ...problemAt(block, toBlock(offset), length, `Duplicate key "${property}": one of the two values is lost`, 'duplicate-key'), relatedLine: offsetToBlockPosition(block, toBlock(first)).line });
        } else keys.set(property, offset);
      },
    },
    { allowTrailingComma: dialect !== 'json', disallowComments: dialect === 'json' },
  );
  return problems;
}

/** JSON5: the block as written, then with elisions masked, as one value or as object members / array elements. */
function validateJson5(text: string): BlockProblem[] {
  const first = json5Error(text);
  if (!first) return [];
  const masked = maskJsonElisions(text, 'json5');
  const second = masked === text ? first : json5Error(masked);
  if (!second) return [];
  // JSON5 allows a trailing comma, so the wrapped readings need no care for one.
  if (!json5Error(`{${masked}\n}`) || !json5Error(`[${masked}\n]`)) return [];
  return [second.line > first.line || (second.line === first.line && second.column > first.column) ? second : first];
}

function json5Error(text: string): BlockProblem | undefined {
  try {
    JSON5.parse(text);
    return undefined;
  } catch (error) {
    const e = error as SyntaxError & { lineNumber?: number; columnNumber?: number };
    const message = e.message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
    const line = Math.max(1, e.lineNumber ?? 1) - 1;
    const lineText = text.split(/\r\n|\r|\n/)[line] ?? '';
    const column = codePointOffsetToUtf16(lineText, Math.max(1, e.columnNumber ?? 1) - 1) + 1;
    return { line, column, message: `${message.charAt(0).toUpperCase()}${message.slice(1)} (mark the block \`\`\`json5 fragment if it is an excerpt)`, code: 'json5-syntax' };
  }
}

const remembered = rememberProblems(validateJsonOnce, (dialect: JsonDialect) => dialect);

export function validateJson(text: string, dialect: JsonDialect): BlockProblem[] {
  return remembered(text, dialect);
}
