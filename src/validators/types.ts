/** A parse problem inside a code block: 0-based line of the block, 1-based UTF-16 column. */
export interface BlockProblem {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** 0-based block line of an earlier, related place (the first definition of a duplicate key). */
  relatedLine?: number;
  /** The error class, for the finding's key (`comment`, `trailing-comma`, `DUPLICATE_KEY`, `syntax-postgresql`…). */
  code?: string;
  /** Set for advice that is not a parse error (a block that only looks like another dialect). */
  severity?: 'warn';
}

/** Convert a 0-based UTF-16 offset in `text` to a block position. */
export function offsetToBlockPosition(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Convert a 0-based code-point offset (as WASM parsers count) to a UTF-16 offset. */
export function codePointOffsetToUtf16(text: string, codePoints: number): number {
  let units = 0;
  for (let seen = 0; seen < codePoints && units < text.length; seen++) {
    const c = text.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff && units + 1 < text.length ? 2 : 1;
  }
  return units;
}

/** UTF-16 offset of a 1-based line and code-point column (as sqlparser-rs reports). */
export function lineCodePointColumnToOffset(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset + codePointOffsetToUtf16(text.slice(offset), Math.max(0, column - 1));
}

/**
 * A validator that remembers its answers for the last `size` texts: an editor lints a document on every keystroke,
 * and its code blocks rarely change between two lints (on a 150 KB KEP, YAML and JSON blocks cost a third of a
 * re-lint). Answers are plain data, handed out as copies.
 */
export function rememberProblems<Options>(
  validate: (text: string, options: Options) => BlockProblem[], keyOf: (options: Options) => string, size = 512,
): (text: string, options: Options) => BlockProblem[] {
  const answers = new Map<string, BlockProblem[]>();
  return (text, options) => {
    const key = `${keyOf(options)}\u0000${text}`;
    let problems = answers.get(key);
    if (problems) answers.delete(key);
    else {
      problems = validate(text, options);
      if (answers.size >= size) answers.delete(answers.keys().next().value!);
    }
    answers.set(key, problems);
    return problems.map((problem) => ({ ...problem }));
  };
}
