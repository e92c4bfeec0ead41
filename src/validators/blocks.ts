/** What the code-block rules share: which blocks to skip, and mapping block problems into the Markdown file. */
import { createHash } from 'node:crypto';
import { codeBlockPoint } from '../parse/document.js';
import { containsPlaceholder } from '../placeholders.js';
import type { CodeBlock, RuleContext } from '../types.js';
import type { BlockProblem } from './types.js';

const OPT_OUT = /(?:^|\s)(?:fragment|excerpt|skip-validation|no-validate|nolint)(?:\s|$)/i;

/** A block opted out in its info string, or holding a template placeholder (that is no-placeholders' finding). */
export function skipBlock(block: CodeBlock, context: RuleContext): boolean {
  return OPT_OUT.test(block.meta) || containsPlaceholder(block.value, block.lang, context.documentType?.placeholderTokens);
}

/**
 * A finding's identity for a code-block problem: a short hash of the block's content (whitespace-collapsed, so
 * re-indenting the block keeps it) and the error class — never its position.
 */
export function blockKey(content: string, errorClass: string): string {
  const hash = createHash('sha256').update(content.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12);
  return `${hash}:${errorClass}`;
}

export function reportBlockProblems(context: RuleContext, block: CodeBlock, problems: BlockProblem[]): void {
  for (const problem of problems) {
    const start = codeBlockPoint(block, problem.line, problem.column);
    const end = codeBlockPoint(block, problem.endLine ?? problem.line, problem.endColumn ?? problem.column + 1);
    const related = problem.relatedLine === undefined ? '' : ` (first on line ${codeBlockPoint(block, problem.relatedLine, 1).line})`;
    context.report({
      message: problem.message + related,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      key: blockKey(block.value, problem.code ?? 'syntax'),
      ...(problem.severity ? { severity: problem.severity } : {}),
    });
  }
}
