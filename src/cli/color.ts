/**
 * Whether output is coloured: `--color` / `--no-color` first, then FORCE_COLOR (any value but "0" or "false"
 * turns colour on; "0"/"false" turns it off), then NO_COLOR (any non-empty value turns it off, no-color.org),
 * then whether stdout is a terminal. FORCE_COLOR outranks NO_COLOR, as in Node.js itself.
 */
export function colorEnabled(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}
