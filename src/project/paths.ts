/** Paths as reports show them. */
import { relative, sep } from 'node:path';

/** Relative to the working directory with `/` separators; absolute when outside it. */
export function displayPath(cwd: string, absolutePath: string): string {
  const rel = relative(cwd, absolutePath);
  return (rel && !rel.startsWith('..') ? rel : absolutePath).split(sep).join('/');
}
