/**
 * JSON, JSONC and JSON5 validation with positions and messages people can act on.
 * jsonc-parser is a tolerant scanner with exact offsets; json5 has its own grammar.
 */
import { parse as parseJsonc, visit, ParseErrorCode, type ParseError } from 'jsonc-parser';
import JSON5 from 'json5';
import { codePointOffsetToUtf16, offsetToBlockPosition, type BlockProblem } from './types.js';

export type JsonDialect = 'json' | 'jsonc' | 'json5';

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

function describe(error: ParseError, text: string, dialect: JsonDialect): string {
  const found = text.substr(error.offset, Math.max(1, error.length));
  const trailingComma = previousSignificant(text, error.offset) === ',' && /^[}\]]/.test(found);
  switch (error.error) {
    case ParseErrorCode.InvalidSymbol:
      return `Unexpected character "${found.slice(0, 20)}"`;
    case ParseErrorCode.InvalidNumberFormat:
      return `Invalid number "${found}"`;
    case ParseErrorCode.PropertyNameExpected:
      return trailingComma ? 'Trailing comma before "}" is not allowed in JSON (use ```jsonc or ```json5)' : 'Expected a property name in double quotes';
    case ParseErrorCode.ValueExpected:
      if (trailingComma) return `Trailing comma before "${found[0]}" is not allowed in JSON (use \`\`\`jsonc or \`\`\`json5)`;
      return error.offset >= text.length ? 'Unexpected end of block: expected a value' : `Expected a value, found "${found.slice(0, 20)}"`;
    case ParseErrorCode.ColonExpected:
      return "Expected ':' after property name";
    case ParseErrorCode.CommaExpected:
      return enclosing(text, error.offset) === '[' ? "Expected ',' or ']' after array element" : "Expected ',' or '}' after property value";
    case ParseErrorCode.CloseBraceExpected:
      return "Expected '}' to close the object";
    case ParseErrorCode.CloseBracketExpected:
      return "Expected ']' to close the array";
    case ParseErrorCode.EndOfFileExpected:
      return 'Unexpected content after the JSON value: a block holds exactly one value';
    case ParseErrorCode.InvalidCommentToken:
      return dialect === 'json' ? 'Comments are not allowed in JSON (use ```jsonc or ```json5)' : 'Invalid comment';
    case ParseErrorCode.UnexpectedEndOfComment:
      return 'Unterminated comment';
    case ParseErrorCode.UnexpectedEndOfString:
      return 'Unterminated string';
    case ParseErrorCode.UnexpectedEndOfNumber:
      return 'Unexpected end of number';
    case ParseErrorCode.InvalidUnicode:
      return 'Invalid \\u escape';
    case ParseErrorCode.InvalidEscapeCharacter:
      return 'Invalid escape character in string';
    case ParseErrorCode.InvalidCharacter:
      return 'Invalid character in string (control characters must be escaped)';
    default:
      return 'Invalid JSON';
  }
}

/** Lines like `Request:` or `Response (201):` between values: a block of several labelled examples. */
const LABEL_LINE = /^\s*[A-Za-z][\w ()/.-]{0,40}:\s*$|^\s*\d{3}\s*:\s*[{[]/;

function problemAt(text: string, offset: number, length: number, message: string): BlockProblem {
  const start = offsetToBlockPosition(text, offset);
  const end = offsetToBlockPosition(text, offset + Math.max(1, length));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message };
}

export function validateJson(text: string, dialect: JsonDialect): BlockProblem[] {
  if (text.trim() === '') return [{ line: 0, column: 1, message: `Empty ${dialect} block: expected one value` }];
  if (dialect === 'json5') return validateJson5(text);

  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: dialect === 'jsonc', disallowComments: dialect === 'json', allowEmptyContent: false });
  if (errors.length > 0) {
    const labels = text.split(/\r\n|\r|\n/).map((line, index) => ({ line, index })).filter(({ line }) => LABEL_LINE.test(line));
    if (labels.length > 0) {
      const first = labels[0]!;
      const names = labels.slice(0, 3).map(({ line }) => line.trim().replace(/\s*[{[].*$/, '')).join(' ');
      return [{
        line: first.index,
        column: 1,
        endColumn: first.line.length + 1,
        message: `This ${dialect} block holds several labelled values (${names}${labels.length > 3 ? ' …' : ''}): put each value in its own block, or mark the block \`\`\`${dialect} fragment`,
      }];
    }
    const error = errors[0]!;
    return [problemAt(text, error.offset, error.length, describe(error, text, dialect))];
  }
  return duplicateKeys(text, dialect);
}

function duplicateKeys(text: string, dialect: JsonDialect): BlockProblem[] {
  const problems: BlockProblem[] = [];
  const stack: Array<Map<string, number>> = [];
  visit(
    text,
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
          problems.push({ ...problemAt(text, offset, length, `Duplicate key "${property}"`), relatedLine: offsetToBlockPosition(text, first).line });
        } else keys.set(property, offset);
      },
    },
    { allowTrailingComma: dialect !== 'json', disallowComments: dialect === 'json' },
  );
  return problems;
}

function validateJson5(text: string): BlockProblem[] {
  try {
    JSON5.parse(text);
    return [];
  } catch (error) {
    const e = error as SyntaxError & { lineNumber?: number; columnNumber?: number };
    const message = e.message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
    const line = Math.max(1, e.lineNumber ?? 1) - 1;
    const lineText = text.split(/\r\n|\r|\n/)[line] ?? '';
    const column = codePointOffsetToUtf16(lineText, Math.max(1, e.columnNumber ?? 1) - 1) + 1;
    return [{ line, column, message: message.charAt(0).toUpperCase() + message.slice(1) }];
  }
}
