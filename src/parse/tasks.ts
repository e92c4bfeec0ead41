/**
 * Task-item look-alikes that GFM does not parse as task items, found line by line outside code and HTML.
 */
export interface MalformedTask {
  line: number;
  /** 1-based column where `found` starts. */
  column: number;
  found: string;
  expected: string;
  checked: boolean;
  text: string;
}

// marker, spacing, box. Valid GFM is `- [ ] ` / `- [x] `; everything else that is clearly meant as a box is malformed.
const LOOKALIKE = /^([ \t]*(?:>[ \t]?)*[ \t]*)([-*+]|\d{1,9}[.)])([ \t]*)\[([^\]\n]{0,3})\](.*)$/;

export function findMalformedTaskItems(text: string, lineStarts: number[], literalLines: Set<number>): MalformedTask[] {
  const out: MalformedTask[] = [];
  for (let index = 0; index < lineStarts.length; index++) {
    const line = index + 1;
    if (literalLines.has(line)) continue;
    const start = lineStarts[index]!;
    // Cheap pre-check before the regex: the line must contain `[`.
    const end = index + 1 < lineStarts.length ? lineStarts[index + 1]! : text.length;
    const raw = text.slice(start, end).replace(/[\r\n]+$/, '');
    if (!raw.includes('[')) continue;
    const m = LOOKALIKE.exec(raw);
    if (!m) continue;
    const [, prefix, marker, gap, inside, rest] = m as unknown as [string, string, string, string, string, string];
    const insideTrim = inside.trim();
    if (insideTrim !== '' && insideTrim.toLowerCase() !== 'x') continue; // `- [link]`, `- [1]`: not a box
    const checked = insideTrim !== '';
    const validBox = inside === ' ' || inside === 'x' || inside === 'X';
    const validGap = gap.length >= 1 && gap.length <= 4 && !gap.includes('\t');
    const validTail = rest === '' || /^[ \t]/.test(rest);
    if (validBox && validGap && validTail) continue; // real task item (or GFM's own business)
    const box = checked ? '[x]' : '[ ]';
    const found = `${marker}${gap}[${inside}]`;
    out.push({
      line,
      column: prefix.length + 1,
      found,
      expected: `${marker} ${box}${validTail ? '' : ' '}`,
      checked,
      text: rest.trim(),
    });
  }
  return out;
}
