/**
 * GFM autolink literals — bare `https://…`, `www.…` and e-mail addresses — found in a text node's value.
 *
 * The parser leaves them as text: the extension that turns them into links cost a third of all parse time
 * (markdown.ts), and only no-placeholders must tell a URL from prose. This is a port of what remark-gfm does, in
 * its two passes: micromark-extension-gfm-autolink-literal's tokenizer (prefixes, domains, paths and the trailing
 * punctuation left out of a link), then mdast-util-gfm-autolink-literal's regular expressions over the text the
 * first pass left. One difference: inside an unclosed `[` the first pass finds nothing and the second does the
 * work; here the first pass runs there too (they agree but for rare trailing punctuation).
 */
export interface BareUrl {
  start: number;
  end: number;
  /** As the link's `url` would be: `www.` gets `http://`, an address gets `mailto:`. */
  url: string;
}

const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const ASCII_ALPHA = /[A-Za-z]/;
const ASCII_ALPHANUMERIC = /[\dA-Za-z]/;
const ATEXT = /[\w+\-.]/;
const TRAIL_CHARACTERS = '!"\')*,.:;?_~';
const PATH_PUNCTUATION = '!"&\')*,.:;<?]_~';

const isSpace = (ch: string | undefined) => ch === undefined || WHITESPACE.test(ch);
const isPunctuation = (s: string, i: number) => PUNCTUATION.test(String.fromCodePoint(s.codePointAt(i)!));
const codePointLength = (s: string, i: number) => (s.codePointAt(i)! > 0xffff ? 2 : 1);

/** Does trailing punctuation run from `i` to a space, `<` or the end (so it is not part of the link)? */
function isTrail(s: string, i: number): boolean {
  for (;;) {
    const ch = s[i];
    if (ch !== undefined && TRAIL_CHARACTERS.includes(ch)) {
      i++;
    } else if (ch === '&') {
      i++;
      if (!ASCII_ALPHA.test(s[i] ?? '')) return false;
      while (ASCII_ALPHA.test(s[i] ?? '')) i++;
      if (s[i] !== ';') return false;
      i++;
    } else if (ch === ']') {
      i++;
      const after = s[i];
      if (after === '(' || after === '[' || isSpace(after)) return true;
    } else {
      return ch === '<' || isSpace(ch);
    }
  }
}

/** End of a domain starting at `i`, or -1: no underscore in its last two labels. */
function domainEnd(s: string, i: number): number {
  let seen = false;
  let underscoreInLast = false;
  let underscoreInLastButOne = false;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '.' || ch === '_') {
      if (isTrail(s, i)) break;
      if (ch === '_') {
        underscoreInLast = true;
      } else {
        underscoreInLastButOne = underscoreInLast;
        underscoreInLast = false;
      }
      i++;
      continue;
    }
    if (WHITESPACE.test(ch) || (ch !== '-' && isPunctuation(s, i))) break;
    seen = true;
    i += codePointLength(s, i);
  }
  return seen && !underscoreInLast && !underscoreInLastButOne ? i : -1;
}

/** End of a path starting at `i`: up to a space or trailing punctuation; a `)` closing a `(` in the path stays. */
function pathEnd(s: string, i: number): number {
  let open = 0;
  let close = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '(') {
      open++;
    } else if (ch === ')' && close < open) {
      close++;
    } else if (PATH_PUNCTUATION.includes(ch)) {
      if (isTrail(s, i)) return i;
      if (ch === ')') close++;
    } else if (WHITESPACE.test(ch)) {
      return i;
    }
    i++;
  }
  return i;
}

function emailEnd(s: string, i: number): number {
  while (ATEXT.test(s[i] ?? '')) i++;
  if (s[i] !== '@') return -1;
  i++;
  let data = false;
  let dot = false;
  for (;;) {
    const ch = s[i];
    if (ch === '.' && ASCII_ALPHANUMERIC.test(s[i + 1] ?? '')) {
      dot = true;
    } else if (ch !== undefined && /[\w-]/.test(ch)) {
      data = true;
    } else {
      return data && dot && ASCII_ALPHA.test(s[i - 1]!) ? i : -1;
    }
    i++;
  }
}

/** The link starting at `i` as micromark's tokenizer would make it, or undefined. */
function literalAt(s: string, i: number): BareUrl | undefined {
  const ch = s[i]!;
  const previous = s[i - 1];
  if (ATEXT.test(ch) && previous !== '/' && !(previous !== undefined && ATEXT.test(previous))) {
    const end = emailEnd(s, i);
    if (end > 0) return { start: i, end, url: `mailto:${s.slice(i, end)}` };
  }
  if ((ch === 'w' || ch === 'W') && (previous === undefined || '(*_[]~'.includes(previous) || WHITESPACE.test(previous))) {
    if (/^www\./i.test(s.slice(i, i + 4)) && i + 4 < s.length) {
      const domain = domainEnd(s, i);
      if (domain > 0) {
        const end = pathEnd(s, domain);
        return { start: i, end, url: `http://${s.slice(i, end)}` };
      }
    }
  }
  if ((ch === 'h' || ch === 'H') && !(previous !== undefined && ASCII_ALPHA.test(previous))) {
    const protocol = /^https?:\/\//i.exec(s.slice(i, i + 8));
    const after = i + (protocol?.[0].length ?? 0);
    if (protocol && after < s.length && !/[\s\p{Cc}]/u.test(s[after]!) && !isPunctuation(s, after)) {
      const domain = domainEnd(s, after);
      if (domain > 0) {
        const end = pathEnd(s, domain);
        return { start: i, end, url: s.slice(i, end) };
      }
    }
  }
  return undefined;
}

// The second pass (mdast-util-gfm-autolink-literal): what the tokenizer's stricter rules about the preceding
// character left behind, e.g. `“www.example.com”`.
const URL_PATTERN = /(?<![\da-z])(https?:\/\/|www(?=\.))([\w-]*\.[\w\-.]*)([^\t\n\r ]*)/gi;
const EMAIL_PATTERN = /(?<![\w+\-.]|(?:^|[^\d@A-Za-z])(?:mailto|xmpp):)([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g;
const TRAILING = /[!"&'),.:;<>?\]}]+$/;

function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.slice(-2).every((label) => !label || (!label.includes('_') && ASCII_ALPHANUMERIC.test(label)));
}

function withoutTrail(url: string): string {
  const trail = TRAILING.exec(url)?.[0];
  if (!trail) return url;
  let kept = url.slice(0, url.length - trail.length);
  let rest = trail;
  let closing = kept.split(')').length - 1;
  const opening = kept.split('(').length - 1;
  for (let paren = rest.indexOf(')'); paren >= 0 && opening > closing; paren = rest.indexOf(')')) {
    kept += rest.slice(0, paren + 1);
    rest = rest.slice(paren + 1);
    closing++;
  }
  return kept;
}

function secondPass(s: string, offset: number, found: BareUrl[]): void {
  const urls: BareUrl[] = [];
  const atBoundary = (index: number) => index === 0 || WHITESPACE.test(s[index - 1]!) || isPunctuation(s, index - 1);
  if (s.includes('://') || /www\./i.test(s)) {
    URL_PATTERN.lastIndex = 0;
    for (let m = URL_PATTERN.exec(s); m; m = URL_PATTERN.exec(s)) {
      if (!atBoundary(m.index)) continue;
      const isWww = /^w/i.test(m[1]!);
      const domain = isWww ? m[1]! + m[2]! : m[2]!;
      if (isPunctuation(domain, 0) || !isDomain(domain)) continue;
      const kept = (isWww ? '' : m[1]!) + withoutTrail(domain + m[3]!);
      urls.push({ start: offset + m.index, end: offset + m.index + kept.length, url: (isWww ? 'http://' : '') + kept });
    }
  }
  if (s.includes('@')) {
    EMAIL_PATTERN.lastIndex = 0;
    for (let m = EMAIL_PATTERN.exec(s); m; m = EMAIL_PATTERN.exec(s)) {
      const start = offset + m.index;
      const end = start + m[0].length;
      if (/[\d\-_]$/.test(m[2]!) || urls.some((url) => start < url.end && url.start < end)) continue;
      urls.push({ start, end, url: `mailto:${m[0]}` });
    }
  }
  found.push(...urls);
}

// Where a link can start: micromark tries every position, but only these can succeed (an address is tried from
// the first character of the run of address characters before its `@`).
const CANDIDATE = /www\.|https?:\/\/|@/gi;

export function findBareUrls(text: string): BareUrl[] {
  // Every autolink literal has a dot in its domain, but for `http://localhost`: most text nodes are done here.
  if (!text.includes('.') && !text.includes('://')) return [];
  const found: BareUrl[] = [];
  let gapStart = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    let start = m.index;
    if (m[0] === '@') {
      while (start > gapStart && ATEXT.test(text[start - 1]!)) start--;
    }
    if (start < gapStart) continue;
    const literal = literalAt(text, start);
    if (!literal) continue;
    if (literal.start > gapStart) secondPass(text.slice(gapStart, literal.start), gapStart, found);
    found.push(literal);
    gapStart = literal.end;
    CANDIDATE.lastIndex = Math.max(CANDIDATE.lastIndex, literal.end);
  }
  if (gapStart < text.length) secondPass(text.slice(gapStart), gapStart, found);
  return found.sort((a, b) => a.start - b.start);
}
