/**
 * The placeholder vocabulary, shared by `no-placeholders` (which reports them) and the code-block validators
 * (which stay silent on a block holding one: one defect, one finding).
 * Owned by the no-placeholders rule; this first version finds bracketed template tokens only.
 */
export interface PlaceholderMatch {
  index: number;
  length: number;
  token: string;
}

const BRACKET_TOKEN = /\[(?:[A-Z][A-Z0-9_ -]*|[A-Za-z][\w .\/-]*)\]/g;

export function findPlaceholders(text: string): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  BRACKET_TOKEN.lastIndex = 0;
  for (let m = BRACKET_TOKEN.exec(text); m; m = BRACKET_TOKEN.exec(text)) out.push({ index: m.index, length: m[0].length, token: m[0] });
  return out;
}

export function containsPlaceholder(text: string): boolean {
  return findPlaceholders(text).length > 0;
}
