/** YAML validation: every document of a block, duplicate keys as errors. */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { BlockProblem } from './types.js';

function readable(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/Map keys must be unique/.test(first)) return 'Duplicate key in mapping (keys must be unique)';
  return first.charAt(0).toUpperCase() + first.slice(1);
}

export function validateYaml(text: string): BlockProblem[] {
  const lineCounter = new LineCounter();
  let documents;
  try {
    documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    return [{ line: 0, column: 1, message: readable((error as Error).message) }];
  }
  const list = Array.isArray(documents) ? documents : [documents];
  const problems: BlockProblem[] = [];
  for (const document of list) {
    for (const error of document.errors) {
      const [start, end] = [lineCounter.linePos(error.pos[0]), lineCounter.linePos(error.pos[1])];
      let message = readable(error.message);
      if (error.code === 'DUPLICATE_KEY') {
        const lineStart = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
        const key = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(text.slice(lineStart))?.[1]?.replace(/^["']|["']$/g, '') ?? '';
        message = `Duplicate key${key ? ` "${key}"` : ''}`;
      }
      problems.push({ line: start.line - 1, column: start.col, endLine: end.line - 1, endColumn: Math.max(end.col, start.col + 1), message });
      break; // the first error of a document; later ones are usually its echo
    }
  }
  return problems;
}
