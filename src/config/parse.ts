/**
 * Reading config text: JSON files accept comments and trailing commas (JSONC, as tsconfig.json and VS Code settings
 * do), and a syntax error is one line, `Invalid config <file>: line L, column C: <what is wrong>`, for JSON and YAML
 * alike. These are cosmiconfig's loaders for `.json`, `.yaml`, `.yml` and the extension-less `.specrc`.
 */
import { parse as parseJsonc, type ParseError, ParseErrorCode } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { ConfigError } from '../errors.js';

const JSON_PROBLEMS: Record<number, string> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value',
  [ParseErrorCode.ColonExpected]: 'expected ":" after the property name',
  [ParseErrorCode.CommaExpected]: 'expected "," between entries',
  [ParseErrorCode.CloseBraceExpected]: 'expected "}"',
  [ParseErrorCode.CloseBracketExpected]: 'expected "]"',
  [ParseErrorCode.EndOfFileExpected]: 'expected the end of the file after the value',
  [ParseErrorCode.InvalidCommentToken]: 'invalid comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'comment not closed (missing "*/")',
  [ParseErrorCode.UnexpectedEndOfString]: 'string not closed (missing ")',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'number not finished',
  [ParseErrorCode.InvalidUnicode]: 'invalid \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape sequence',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in a string (escape control characters)',
};

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function syntaxError(filePath: string, line: number, column: number, message: string): ConfigError {
  return new ConfigError(`Invalid config ${filePath}: line ${line}, column ${column}: ${message}`);
}

export function parseJsoncConfig(filePath: string, text: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return undefined;
  const errors: ParseError[] = [];
  const data = parseJsonc(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const { line, column } = lineColumn(source, first.offset);
    const found = source.slice(first.offset, first.offset + Math.max(1, Math.min(first.length, 20))).split(/\r?\n/)[0];
    const shown = found && (found.includes('"') ? `'${found}'` : `"${found}"`);
    const at = first.offset >= source.length ? ' at the end of the file' : shown ? ` (found ${shown})` : '';
    throw syntaxError(filePath, line, column, `not valid JSON: ${JSON_PROBLEMS[first.error] ?? 'syntax error'}${at}`);
  }
  return data;
}

export function parseYamlConfig(filePath: string, text: string): unknown {
  if (text.trim() === '') return undefined;
  const document = parseDocument(text, { prettyErrors: true });
  const first = document.errors[0];
  if (first) {
    const position = first.linePos?.[0] ?? lineColumn(text, first.pos[0]);
    const line = 'line' in position ? position.line : 1;
    const column = 'col' in position ? position.col : (position as { column: number }).column;
    const what = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw syntaxError(filePath, line, column, `not valid YAML: ${what}`);
  }
  return document.toJS();
}

/** `.specrc` holds JSON (comments allowed) or YAML: an object that opens with `{` is read as JSON. */
export function parseSpecrc(filePath: string, text: string): unknown {
  const withoutComments = text.replace(/^\uFEFF/, '').replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, '');
  if (withoutComments.startsWith('{')) return parseJsoncConfig(filePath, text);
  return parseYamlConfig(filePath, text);
}
