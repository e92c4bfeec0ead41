/**
 * Headings as people write them, brought to the forms speclint compares: the same functions read a template's
 * headings and a document's, so that `## 2.1 Problem statement:` in a spec matches `### Problem Statement` in its
 * template. Used by the compiler, outline matching, detection and the placeholder rule alike.
 */
import { escapeRegExp } from '../rule-helpers.js';

/** Elements people put inside headings on purpose; their tags are dropped, their text kept. */
const HTML_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
  'details', 'summary', 'div', 'p', 'picture', 'source', 'svg', 'center',
]);
const HTML_TAG = /<\/?([A-Za-z][A-Za-z0-9]*)(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

/**
 * Markers of optionality a template writes into a heading: `(Optional)`, `*(optional)*`, `\[Optional\]`, `(if applicable)`,
 * `Optional:`, and a condition (`(include if feature involves data)`, `(only if …)`).
 */
const OPTIONAL_IN_HEADING = /[[(]\s*(?:optional|if applicable|if any|if needed|if relevant|when applicable|as needed|as applicable|as appropriate|(?:include(?:d)? )?only if|include(?:d)? if|(?:include|add) when)\b[^\])]*[\])]|^optional\s*[:–—-]\s*/gi;
/** Markers that say nothing about the outline: `(mandatory)`, `(required)`. */
const REQUIRED_IN_HEADING = /[[(]\s*(?:mandatory|required)\s*[\])]/gi;

const EMOJI_PREFIX = /^(?:[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]|\d\uFE0F?\u20E3)+\s*/u;
const CUSTOM_ID = /\s*\{#[^{}]*\}\s*$/;
/** `1.`, `1.2`, `2.1.3`, `A.`, `IV.`, `§ 2`, `3)`: a numbering prefix, followed by the heading's words. */
const NUMBERING = /^(?:§+\s*(?:\d{1,3}(?:\.\d{1,3})*\.?)?|\d{1,3}(?:\.\d{1,3})*[.)]?|[A-Za-z](?:\.\d{1,3})*[.)]|[IVXLCivxlc]{1,6}[.)])(?=\s)\s*(?:[:–—-]\s+)?/;
/** `Step 3:`, `Phase 2 -`, `Appendix A.`, `Part IV:`: a numbered word before the heading's own words. */
const WORD_NUMBERING = /^(?:step|phase|part|stage|section|chapter|appendix|milestone)\s+(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[IVXLCivxlc]{1,6})\s*(?:[:.)–—-]\s*|\s+)(?=\S)/i;
const TRAILING = /[\s:.;,!?–—-]+$/;

/** Stand-in sentinel: a template's `[NAME]`, `{title}`, `<name>` while its heading is normalised. */
export const STAND_IN_MARK = '\u0001';

/** Drop HTML tags of real elements; other `<…>` (`<Component Name>`) stay, as text. */
export function stripHtmlTags(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(/<!--[\s\S]*?-->/g, ' ').replace(HTML_TAG, (tag, name: string) => (HTML_ELEMENTS.has(name.toLowerCase()) ? ' ' : tag));
}

export function isOptionalHeading(text: string): boolean {
  OPTIONAL_IN_HEADING.lastIndex = 0;
  return OPTIONAL_IN_HEADING.test(text.replace(/[*_`]/g, ''));
}

/** The heading without optionality and requirement markers (`Notes *(optional)*` → `Notes`). */
export function stripMarkers(text: string): string {
  return text.replace(/[*_]*([[(])/g, '$1').replace(OPTIONAL_IN_HEADING, ' ').replace(REQUIRED_IN_HEADING, ' ').replace(/[*_]{1,2}(?=\s|$)/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The comparable text of a heading: markup, tags, markers, emoji, custom ids, a numbering prefix and trailing
 * punctuation removed; whitespace collapsed; lower case. `## 2.1 **Problem Statement**:` → `problem statement`.
 */
export function cleanHeading(text: string): string {
  let out = stripHtmlTags(text).replace(/[*_`]/g, '').replace(CUSTOM_ID, '');
  out = stripMarkers(out).replace(EMOJI_PREFIX, '');
  for (let i = 0; i < 2 && NUMBERING.test(out); i++) out = out.replace(NUMBERING, '');
  return out.replace(TRAILING, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The key headings are matched by: the clean form, without a numbered word before it (`Step 3: Deploy` → `deploy`),
 * `&` read as `and`, hyphens and slashes as spaces, typographic quotes as plain ones.
 */
export function headingKey(text: string): string {
  return keyOfClean(cleanHeading(text));
}

function keyOfClean(clean: string): string {
  // `Motivation ("The Why")`, `Risks (and how we handle them)`: a qualifier in parentheses or quotes is not the name.
  const unqualified = clean.replace(/\s*\([^()]*\)|\s*"[^"]*"|\s*“[^”]*”/g, ' ').trim() || clean;
  const unnumbered = unqualified.replace(WORD_NUMBERING, '');
  return unnumbered
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s*[/–—-]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A document heading's two forms, computed once per heading. */
export interface HeadingForms {
  clean: string;
  key: string;
}

export function headingForms(text: string): HeadingForms {
  const clean = cleanHeading(text);
  return { clean, key: keyOfClean(clean) };
}

/* ------------------------------------------------------------------ stand-ins in template headings */

const OPENERS: Record<string, string> = { '[': ']', '{': '}', '<': '>' };

/**
 * Spans of template stand-ins: `[NAME]`, `{title}`, nested `{short title {of option}}`, `{{owner}}`, `<name>`. An
 * HTML tag of a real element is not one. Balanced per bracket kind, so nesting stays one stand-in.
 */
export function standInSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const open = text[i]!;
    const close = OPENERS[open];
    if (!close) continue;
    if (open === '<') {
      const tag = /^<\/?([A-Za-z][A-Za-z0-9]*)[\s/>]/.exec(text.slice(i, i + 40));
      if (tag && HTML_ELEMENTS.has(tag[1]!.toLowerCase())) continue;
      if (!/^<[A-Za-z{[]/.test(text.slice(i, i + 2))) continue;
    }
    let depth = 0;
    let end = -1;
    for (let j = i; j < text.length; j++) {
      if (text[j] === open) depth++;
      else if (text[j] === close && --depth === 0) {
        end = j;
        break;
      }
    }
    if (end < 0 || end - i < 2) continue;
    spans.push([i, end + 1]);
    i = end;
  }
  return spans;
}

/** The text with each stand-in replaced by STAND_IN_MARK. */
export function markStandIns(text: string): string {
  const spans = standInSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    out += `${text.slice(cursor, start)}${STAND_IN_MARK}`;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** Nothing but stand-ins and punctuation (`#### [Component Name]`, `` #### `table_name` ``): any heading goes there. */
export function isAllStandIn(raw: string): boolean {
  const marked = markStandIns(stripMarkers(raw.trim()));
  if (!marked.includes(STAND_IN_MARK) && !/^`[^`]+`$/.test(marked.trim())) return false;
  return marked.replace(/^`[^`]+`$/, '').replace(new RegExp(STAND_IN_MARK, 'g'), '').replace(/[\s:.\-–—`*_]/g, '') === '';
}

/** How a template heading matches document headings. */
export interface HeadingPattern {
  /** Matched against HeadingForms.key. */
  key: RegExp;
  /** For numbered siblings: matched against HeadingForms.clean (`alternative 2: use redis`). */
  repeat?: RegExp;
  /** The template heading's key, when it has no stand-in: equality is enough (detection uses it as a set key). */
  literal?: string;
}

/**
 * A template heading's pattern. Stand-ins match any text; `Alternative 1: [Name]`, `Phase 2: Core Features` and
 * `User Story 1 - [Title] (Priority: P1)` are numbered siblings: the number and what follows vary.
 */
/**
 * The text a template heading's pattern is read from: its plain text, except that a code span beside words
 * (``## Format: `[ID] [P?] Description` ``) shows a sample value, which any value matches. `raw` is the heading as
 * written (Markdown); links keep the plain text, as their brackets are not stand-ins.
 */
export function templateHeadingText(raw: string, text: string): string {
  if (!/`[^`\n]+`/.test(raw) || raw.includes('](') || !/[A-Za-z]/.test(raw.replace(/`[^`\n]*`/g, ''))) return text;
  return raw.replace(/`[^`\n]+`/g, '[value]');
}

export function headingPattern(text: string): { pattern: HeadingPattern; repeatable: boolean } {
  // `Phase N: Polish`: a lone N or X stands for the number.
  const marked = markStandIns(stripMarkers(stripHtmlTags(text).replace(/[*_`]/g, ''))).replace(/(?<=\S\s)[NX](?=[:.\s]|$)/g, '1');
  const clean = cleanHeading(marked);
  const numbered = /^(\D*?[a-z][^\d\u0001]*?)\s+\d+(?:\.\d+)*\b/.exec(clean);
  const repeatable = Boolean(numbered && numbered[1]!.trim().length >= 2);
  const key = keyOfClean(clean);
  const source = key
    .split(STAND_IN_MARK)
    .map((part) => escapeRegExp(part).replace(/ /g, '\\s*'))
    .join('.+?');
  const pattern: HeadingPattern = { key: new RegExp(`^${source}$`) };
  if (!key.includes(STAND_IN_MARK)) pattern.literal = key;
  // A document that keeps the template's own `Phase N` (or `Step X`) is one of the numbered siblings too.
  if (repeatable) pattern.repeat = new RegExp(`^${escapeRegExp(numbered![1]!.trim()).replace(/ /g, '\\s+')}\\s+(?:\\d+(?:\\.\\d+)*|[nx])\\b.*$`);
  return { pattern, repeatable };
}

export function matchesHeading(pattern: HeadingPattern, forms: HeadingForms): boolean {
  if (pattern.literal !== undefined && pattern.literal === forms.key) return true;
  if (pattern.repeat) return pattern.repeat.test(forms.clean);
  return pattern.key.test(forms.key);
}
