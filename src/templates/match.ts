/**
 * Matching a document's sections against its type's outline. Computed once per document and shared by
 * required-sections, section-order and empty-section.
 *
 * Structure is compared by position, not by heading level: a section belongs to its template parent when it lies
 * in the parent's region — from the parent's heading to the next section that the template puts elsewhere. So a
 * document that writes `## Use case 1` where the template has `#### Use case 1`, or its sections one level up, or
 * beside its title rather than under it, has the template's outline.
 */
import { toString } from 'mdast-util-to-string';
import type { Nodes, Parents } from 'mdast';
import type { Section, SpecDocument } from '../types.js';
import { isRealDate } from '../rule-helpers.js';
import { cleanHeading, headingForms, headingKey, matchesHeading, type HeadingForms } from './headings.js';
import type { CompiledType, SectionPattern } from './compile.js';

/** How a message says --fix will insert a section from the template (the engine rewrites it when it will not). */
export const INSERTS_FROM_TEMPLATE = '--fix inserts it from the template';
/** The same for several sections in one finding. */
export const INSERTS_ALL_FROM_TEMPLATE = '--fix inserts them from the template';

/**
 * The document as type detection would read it once these template insertions were made: its own headings with
 * the inserted ones in place. Detection reads headings, the title and header fields only, so the headings of the
 * inserted Markdown (ATX headings outside code fences) are enough and nothing is parsed again: this is what lets a
 * message say whether --fix will insert, without running --fix.
 */
export function withInsertedHeadings(doc: SpecDocument, insertions: ReadonlyArray<{ at: number; text: string }>): SpecDocument {
  const added: Array<{ at: number; order: number; section: Section }> = [];
  let order = 0;
  for (const { at, text } of insertions) {
    let fence: string | undefined;
    for (const line of text.split(/\r\n|\r|\n/)) {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length && /^\s*[`~]+\s*$/.test(line)))) {
        fence = fence ? undefined : marker;
        continue;
      }
      const atx = fence ? undefined : /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
      if (!atx) continue;
      added.push({ at, order: order++, section: { text: atx[2]!.trim(), level: atx[1]!.length, children: [], line: 0, contentStart: at, contentEnd: at, bodyEnd: at, index: -1 } });
    }
  }
  if (added.length === 0) return doc;
  added.sort((a, b) => a.at - b.at || a.order - b.order);
  const startOf = (section: Section) => section.heading?.position?.start.offset ?? 0;
  const merged: Section[] = [];
  let next = 0;
  for (const section of doc.sections) {
    while (next < added.length && added[next]!.at <= startOf(section)) merged.push(added[next++]!.section);
    merged.push(section);
  }
  while (next < added.length) merged.push(added[next++]!.section);
  return { ...doc, sections: merged };
}

export interface MissingSection {
  pattern: SectionPattern;
  /** The found section it belongs after, or (when none) the one it belongs before, or the parent it opens. */
  after?: Section;
  before?: Section;
  parent?: Section;
  /** Where --fix inserts it. */
  insertAt: number;
  /** The Markdown --fix inserts: the template's section, at the document's heading level, without what exists. Undefined: report only. */
  insertion?: string;
}

export interface Misplaced {
  pattern: SectionPattern;
  section: Section;
  /** The section the template puts it under (undefined: the top level). */
  expectedParent?: SectionPattern;
}

export interface Scope {
  /** The section whose subsections are compared (undefined: the top level). */
  scope?: Section;
  patterns: SectionPattern[];
  /** Is a section inside this scope's region? */
  contains(section: Section): boolean;
}

export interface OutlineMatch {
  matched: Map<SectionPattern, Section[]>;
  missing: MissingSection[];
  misplaced: Misplaced[];
  /** Scopes in which section-order compares siblings. */
  scopes: Scope[];
  titleMismatch?: { section?: Section };
  /** The document's title heading, if it has one (never matched against sections). */
  title?: Section;
  /**
   * Sections present whose every required subsection is missing (three or more): reported once, for the section
   * (a KEP's "Feature Enablement and Rollback" answered in prose, not question by question).
   */
  unanswered: Array<{ scope: Section; missing: MissingSection[] }>;
  /** The document's date (Created, Date, …) when `since` annotations made sections optional for it. */
  documentDate?: string;
}

const cache = new WeakMap<SpecDocument, WeakMap<CompiledType, OutlineMatch>>();
const formsCache = new WeakMap<Section, HeadingForms>();

export function formsOf(section: Section): HeadingForms {
  let forms = formsCache.get(section);
  if (!forms) {
    forms = headingForms(section.text);
    formsCache.set(section, forms);
  }
  return forms;
}

/** `Objective and Motivation`, `Acknowledgments & Prior Art`, `Risks/Mitigations`: the parts of a combined heading. */
function partsOf(clean: string): string[] {
  const parts = clean.split(/\s*(?:&|\/|,|;|\band\b)\s*/).map((p) => headingKey(p)).filter((p) => p.length > 2);
  return parts.length >= 2 ? parts : [];
}

const words = (key: string) => new Set(key.split(/\s+/).filter((w) => w.length > 2 || w === 'we'));
/** Words that do not name a section: auxiliaries, pronouns, and generic nouns a heading may add or drop. */
const FILLER_WORDS = new Set(['the', 'and', 'for', 'of', 'do', 'does', 'did', 'we', 'you', 'our', 'your', 'are', 'is', 'will', 'should', 'details', 'detail', 'notes', 'overview', 'proposal', 'proposed', 'section', 'information', 'considerations', 'graph']);

/**
 * Names the same section goes by in specs of every kind. Used only as loose matches: within the template parent's
 * region, never when the template itself has the other name as a section of its own.
 */
const SYNONYMS: string[][] = [
  ['abstract', 'summary', 'overview', 'tl dr', 'tldr', 'executive summary', 'simple summary'],
  ['future possibilities', 'future work', 'future directions', 'future considerations', 'future plans'],
  ['alternatives', 'alternatives considered', 'considered alternatives', 'alternative approaches', 'alternative designs', 'alternate designs', 'rejected alternatives', 'other options considered'],
  ['unresolved questions', 'open questions', 'open issues', 'outstanding questions', 'unresolved issues', 'open points', 'open items'],
  ['prior art', 'related work'],
  ['drawbacks', 'downsides', 'disadvantages'],
  ['detailed design', 'design details', 'technical design', 'proposed design'],
  ['basic example', 'example', 'examples', 'usage example', 'usage examples'],
  ['acknowledgments', 'acknowledgements', 'credits'],
  ['compatibility', 'backwards compatibility', 'backward compatibility'],
  ['test plan', 'testing plan', 'testing strategy', 'testing'],
];
const synonymGroup = new Map<string, number>();
SYNONYMS.forEach((group, i) => group.forEach((name) => synonymGroup.set(name, i)));

/** Pairs every word with an equal one, or one a single edit away when both are six letters or longer. */
function sameWordsButTypos(doc: string[], template: string[]): boolean {
  if (doc.length !== template.length || doc.length === 0) return false;
  const left = [...template];
  for (const word of doc) {
    const at = left.findIndex((t) => t === word || (t.length >= 6 && word.length >= 6 && oneEditApart(t, word)));
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

/** Levenshtein distance of at most one (insert, delete or replace a letter), in linear time. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Looser matches for literal template headings: a combined heading covers each of its parts (`Objective and
 * Motivation`, `Prior Art and Alternatives` for `Rationale and alternatives`), common synonyms (`Future Work` for
 * `Future possibilities`), and a long question matches a rewording that keeps four in five of its words.
 */
function looseMatch(pattern: SectionPattern, forms: HeadingForms): boolean {
  const literal = pattern.heading.literal;
  if (literal === undefined || pattern.repeatable) return false;
  const docNames = [forms.key, ...partsOf(forms.clean)];
  const templateNames = [literal, ...partsOf(cleanHeading(pattern.text))];
  for (const name of docNames) {
    if (templateNames.includes(name)) return true;
    const group = synonymGroup.get(name);
    if (group !== undefined && templateNames.some((t) => synonymGroup.get(t) === group)) return true;
  }
  // `How do we teach this` for `How we teach this`, `Implementation details` for `Implementation`, `Design` for
  // `Design Proposal`: the same words once filler and generic words are set aside.
  // Plurals set aside too: `Dependency` for `Dependencies`.
  const stem = (w: string) => w.replace(/ies$/, 'y').replace(/(?<=[a-z]{3}[^s])s$/, '');
  const essential = (key: string) => [...words(key)].filter((w) => !FILLER_WORDS.has(w)).map(stem).sort().join(' ');
  const essentialDoc = essential(forms.key);
  const essentialTemplate = essential(literal);
  if (essentialDoc && essentialDoc === essentialTemplate) return true;
  // One qualifier added (`Alternative Platforms` for `Alternatives`, `Security Model` for `Security`).
  if (essentialTemplate && essentialDoc) {
    const have = essentialDoc.split(' ');
    const want = essentialTemplate.split(' ');
    if (have.length === want.length + 1 && want.every((w) => have.includes(w))) return true;
  }
  // A misspelt long word (`Future Posibilities`): the same words, one letter off in words of six letters or more.
  if (essentialDoc && sameWordsButTypos(essentialDoc.split(' '), essentialTemplate.split(' '))) return true;
  const wanted = words(literal);
  if (wanted.size < 5) return false;
  const have = words(forms.key);
  let shared = 0;
  for (const w of wanted) if (have.has(w)) shared++;
  return shared / Math.max(wanted.size, have.size) >= 0.8;
}

/* ------------------------------------------------------------------ distinctive words */

/** Words that name no particular section: function words, and nouns any heading may add, drop or change. */
const GENERIC_WORDS = new Set([
  'the', 'and', 'for', 'of', 'on', 'in', 'to', 'with', 'from', 'into', 'about', 'by', 'at', 'as', 'or', 'an', 'a', 'is', 'are', 'be', 'do', 'does', 'did',
  'we', 'you', 'our', 'your', 'this', 'that', 'these', 'those', 'it', 'its', 'can', 'will', 'should', 'would', 'could', 'may', 'how', 'what', 'why', 'when',
  'which', 'where', 'who', 'each', 'all', 'any', 'some', 'more', 'other', 'others', 'only', 'first', 'new', 'main', 'key', 'general', 'additional', 'details',
  'detail', 'notes', 'note', 'overview', 'section', 'information', 'considerations', 'consideration', 'graph', 'scope', 'summary', 'description', 'plan',
  'items', 'item', 'list', 'part', 'step', 'phase', 'story', 'stories', 'user', 'users', 'feature', 'features', 'there', 'not', 'no', 'yes', 'if', 'than', 'then',
  'use', 'uses', 'using', 'used', 'make', 'add', 'get', 'set', 'run', 'work', 'works', 'need', 'needs', 'why', 'one', 'two',
]);

/**
 * A light stem: the word less one common inflectional or derivational ending, keeping four letters at least, so
 * that `proposal`, `proposed` and `proposals` share `propos`, and `dependency` and `dependencies` share `dependenc`.
 */
export function stemOf(word: string): string {
  const w = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (w.length <= 4) return w;
  for (const suffix of ['ational', 'ations', 'ation', 'ities', 'ility', 'ity', 'ings', 'ing', 'ments', 'ment', 'ness', 'ives', 'ive', 'ions', 'ion', 'ies', 'ied', 'als', 'al', 'ers', 'er', 'ed', 'es', 'ly', 's', 'y', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) return w.slice(0, -suffix.length);
  }
  return w;
}

/** The stems of a heading key's words that could name a section. */
function contentStems(key: string): Set<string> {
  return new Set(key.split(/[\s:,.;!?'"()[\]]+/).filter((w) => /\p{L}/u.test(w) && !GENERIC_WORDS.has(w.toLowerCase())).map(stemOf).filter((w) => w.length >= 2));
}

const stemsCache = new WeakMap<Section, Set<string>>();

/** A document heading's content stems, once per heading (each missing section compares them with every heading). */
function sectionStems(section: Section): Set<string> {
  let stems = stemsCache.get(section);
  if (!stems) {
    stems = contentStems(formsOf(section).key);
    stemsCache.set(section, stems);
  }
  return stems;
}

/** The words of a pattern's heading that may be compared: before the number of a numbered one, none of a stand-in. */
function patternStems(pattern: SectionPattern): Set<string> {
  if (pattern.wildcard) return new Set();
  let key = headingKey(pattern.text.replace(/\[[^\]]*\]|\{[^}]*\}|<[^>]*>/g, ' '));
  if (pattern.repeatable) key = key.replace(/\s*\d.*$/, '');
  return contentStems(key);
}

const distinctiveCache = new WeakMap<CompiledType, Map<SectionPattern, Set<string>>>();

/**
 * Each pattern's distinctive stems: the content words of its heading that no other heading of the template has
 * (`abi` of `ABI compatibility` beside `Source compatibility`; `propos` of `Proposal`). A heading sharing one of them
 * names that section and no other.
 */
function distinctiveStems(type: CompiledType): Map<SectionPattern, Set<string>> {
  let out = distinctiveCache.get(type);
  if (out) return out;
  const stems = new Map(type.allPatterns.map((p) => [p, patternStems(p)] as const));
  const count = new Map<string, number>();
  for (const set of stems.values()) for (const stem of set) count.set(stem, (count.get(stem) ?? 0) + 1);
  out = new Map([...stems].map(([p, set]) => [p, new Set([...set].filter((stem) => count.get(stem) === 1))] as const));
  distinctiveCache.set(type, out);
  return out;
}

/** A section body that only says it does not apply. */
const NOT_APPLICABLE = /^(?:n\/?a|not applicable|none|no|nothing|not relevant|does not apply)\b[^\n]{0,80}$/i;

const matches = (pattern: SectionPattern, section: Section) => matchesHeading(pattern.heading, formsOf(section));
const matchesLoosely = (pattern: SectionPattern, section: Section) => looseMatch(pattern, formsOf(section));

const DATE_KEYS = ['created', 'date', 'creation date', 'start date', 'created at', 'created on', 'date created', 'proposed', 'submitted'];

/** The document's date: the first of Created, Date, creation-date, Start Date… that holds an ISO date (or date-time). */
export function documentDate(doc: SpecDocument): string | undefined {
  for (const key of DATE_KEYS) {
    for (const field of doc.metadata) {
      if (field.normalizedKey.replace(/[-_]+/g, ' ') !== key) continue;
      const iso = /^(\d{4}-\d{2}-\d{2})/.exec(field.value.replace(/[*_`]/g, '').trim())?.[1];
      if (iso && isRealDate(iso)) return iso;
    }
  }
  return undefined;
}

/** The document's title: its first heading when that is level 1, or a level-2 first heading where the template's title is one. */
function titleOf(doc: SpecDocument, type: CompiledType): Section | undefined {
  const first = doc.sections[0];
  if (!first) return undefined;
  if (first.level === 1) {
    // A first `# Summary` is one of the template's sections, not a title: the document has none.
    const isSection = type.outline.some((p) => !p.wildcard && matches(p, first)) && !(type.title && !type.title.wildcard && type.title.matcher.test(cleanHeading(first.text)));
    if (isSection) return undefined;
    if (type.title) return first;
    // No title in the template: a level-1 heading over the document's sections is still its title.
    return first.children.length > 0 || doc.sections.filter((s) => s.level === 1).length === 1 ? first : undefined;
  }
  if (type.title?.level === 2 && first.level === 2 && !doc.sections.some((s) => s.level === 1)) {
    const fieldsUnder = doc.metadata.some((m) => m.keyRange.start.offset >= first.contentStart && m.keyRange.start.offset < first.bodyEnd);
    if (fieldsUnder || type.title.matcher.test(cleanHeading(first.text))) return first;
  }
  return undefined;
}

interface PseudoHeading {
  offset: number;
  forms: HeadingForms;
}

/**
 * Bold text standing in for a heading: a paragraph that is all bold, or a list item that opens with bold text
 * (`* **How can a rollout fail?**`). Older documents wrote a template's questions so.
 */
function pseudoHeadings(doc: SpecDocument): PseudoHeading[] {
  const found: PseudoHeading[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph') {
      const first = node.children[0];
      if (first?.type === 'strong') {
        const rest = node.children.slice(1).map((c) => toString(c)).join('').trim();
        const text = toString(first).trim();
        if (text && (rest === '' || rest.startsWith(':') || /[?:]$/.test(text))) found.push({ offset: node.position!.start.offset!, forms: headingForms(text) });
      }
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'heading') return;
    if ('children' in node) for (const child of (node as Parents).children) visit(child as Nodes);
  };
  visit(doc.root);
  return found;
}

export function matchOutline(doc: SpecDocument, type: CompiledType): OutlineMatch {
  let perDoc = cache.get(doc);
  if (!perDoc) {
    perDoc = new WeakMap();
    cache.set(doc, perDoc);
  }
  const cached = perDoc.get(type);
  if (cached) return cached;

  const result: OutlineMatch = { matched: new Map(), missing: [], misplaced: [], scopes: [], unanswered: [] };
  const title = titleOf(doc, type);
  result.title = title;
  if (type.title && !type.title.wildcard) {
    if (!title) result.titleMismatch = {};
    else if (!type.title.matcher.test(cleanHeading(title.text))) result.titleMismatch = { section: title };
  }
  const date = type.allPatterns.some((p) => p.since) ? documentDate(doc) : undefined;
  if (date) result.documentDate = date;
  const exempt = (pattern: SectionPattern) => pattern.optional || Boolean(pattern.since && date && date < pattern.since);

  const sections = doc.sections.filter((s) => s !== title);
  const startOf = (section: Section) => section.heading!.position!.start.offset!;
  /** The parent in the heading tree: the title and the document root are both the top level (undefined). */
  const parentOf = (section: Section): Section | undefined => (section.parent && section.parent !== title && section.parent.level > 0 ? section.parent : undefined);
  /** Sections matched exactly are taken; one matched by a part of a combined heading may answer several patterns. */
  const used = new Set<Section>();
  const insideLiteral = (offset: number) =>
    doc.codeBlocks.some((b) => b.node.position!.start.offset! < offset && offset <= b.node.position!.end.offset!) ||
    doc.htmlComments.some((c) => c.node.position!.start.offset! < offset && offset <= c.node.position!.end.offset!);
  // A section that is itself one of the template's headings (`## Monitoring & Logging`) answers only that one.
  const templateHeading = new Set(sections.filter((s) => type.allPatterns.some((p) => !p.wildcard && matches(p, s))));
  const loosely = (pattern: SectionPattern, s: Section) => !templateHeading.has(s) && matchesLoosely(pattern, s);
  // Loose matches answer a pattern only inside its parent's region; anywhere else, only the same heading counts.
  const existsAnywhere = (pattern: SectionPattern) => !pattern.wildcard && (sections.some((s) => matches(pattern, s)) || Boolean(title && matches(pattern, title)));
  let pseudo: PseudoHeading[] | undefined;
  const writtenInBold = (pattern: SectionPattern, from: number, to: number) => {
    if (pattern.wildcard) return false;
    pseudo ??= pseudoHeadings(doc);
    return pseudo.some((p) => p.offset > from && p.offset < to && (matchesHeading(pattern.heading, p.forms) || looseMatch(pattern, p.forms)));
  };
  const descendants = (pattern: SectionPattern): Set<SectionPattern> => {
    const out = new Set<SectionPattern>();
    const walk = (p: SectionPattern) => {
      out.add(p);
      p.children.forEach(walk);
    };
    walk(pattern);
    return out;
  };
  /**
   * Where a matched section's region ends: at the first later section matched to a pattern the template puts beside
   * it or beside one of its ancestors. Deeper patterns elsewhere (a `### Graduation Criteria` of a missing Design
   * Details) do not cut it: they are matched later, and the region must not depend on the order of matching, or a
   * second --fix would read the document differently from the first.
   */
  const regionEnd = (section: Section, pattern: SectionPattern, limit: number): number => {
    const own = descendants(pattern);
    const ancestors = new Set<SectionPattern | undefined>([undefined]);
    for (let p = pattern.parent; p; p = p.parent) ancestors.add(p);
    let end = limit;
    for (const [other, found] of result.matched) {
      if (own.has(other) || !ancestors.has(other.parent)) continue;
      // (a heading nested under this one in the document's own outline — `### Assumptions` inside `## Requirements`
      // for the template's `## Assumptions` — belongs to it and cannot end it)
      for (const s of found) if (startOf(s) > startOf(section) && startOf(s) < end && !(s.level > section.level && startOf(s) < section.contentEnd)) end = startOf(s);
    }
    return end;
  };

  /** The heading level the document uses for a pattern placed under `scope`. */
  const levelFor = (pattern: SectionPattern, scope: Section | undefined, siblings: Section[]): number => {
    const sibling = siblings[0];
    if (sibling) return sibling.level;
    if (scope) return Math.min(6, scope.level + 1);
    const top = sections.find((s) => !parentOf(s));
    return top ? top.level : title ? Math.min(6, title.level + 1) : pattern.level;
  };

  const render = (pattern: SectionPattern, level: number): string => {
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    const headingText = pattern.headingLine.includes('\n') ? pattern.headingLine.split(/\r?\n/)[0]!.trim() : pattern.headingLine.replace(/^ {0,3}#+\s*/, '').replace(/\s+#+\s*$/, '');
    const parts = [`${'#'.repeat(Math.max(1, Math.min(6, level)))} ${headingText}`];
    if (pattern.body) parts.push(pattern.body.replace(/\r\n?|\n/g, eol));
    for (const child of pattern.children) {
      // Never insert what the document already has, wherever it is; optional subsections stay out.
      if (exempt(child) || existsAnywhere(child)) continue;
      parts.push(render(child, level + (child.level - pattern.level)));
    }
    return parts.join(`${eol}${eol}`);
  };

  const insertionText = (markdown: string, insertAt: number): string => {
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    const before = doc.text.slice(0, insertAt);
    const lead = before.length === 0 || before.endsWith(`${eol}${eol}`) ? '' : before.endsWith(eol) ? eol : `${eol}${eol}`;
    const atEnd = insertAt >= doc.text.length;
    return `${lead}${markdown}${eol}${atEnd ? '' : eol}`;
  };

  /** Children of a missing pattern that the document has elsewhere: they belong under the missing one. */
  const reportOrphans = (pattern: SectionPattern, limit: number): void => {
    for (const child of pattern.children) {
      if (child.wildcard) continue;
      const elsewhere = sections.find((s) => !used.has(s) && matches(child, s));
      if (elsewhere) {
        // The parent is reported missing; "move it under" a heading the document does not have would be no help.
        used.add(elsewhere);
        result.matched.set(child, [elsewhere]);
        // Its own subsections are checked where it is: moving it later must not reveal new findings.
        if (child.children.length > 0) matchScope(child.children, elsewhere, startOf(elsewhere), regionEnd(elsewhere, child, Math.min(limit, elsewhere.contentEnd)));
      } else reportOrphans(child, limit);
    }
  };

  const distinctive = distinctiveStems(type);
  /** The section a candidate heading lies inside, among the sections matched in a scope (undefined: none). */
  const insideMatched = (section: Section, matchedHere: Set<Section>, scope: Section | undefined): boolean => {
    for (let p = section.parent; p && p !== scope && p !== title && p.level > 0; p = p.parent) if (matchedHere.has(p)) return true;
    return false;
  };
  /**
   * Headings that share a template heading's distinctive word take its place when nothing else did: `Proposed
   * changes` for `Proposal`, `Effect on ABI stability` for `ABI compatibility`, `MVP Scope` for `MVP First`. Between
   * the previous and the next section of the template that are present (at any level); else a direct subsection
   * of the scope anywhere in it, which section-order then reports as out of place. Never a heading that is, or
   * loosely matches, another of the template's sections, nor one that shares distinctive words with two of them.
   */
  function matchByDistinctiveWord(patterns: SectionPattern[], scope: Section | undefined, inside: Section[], contains: (s: Section) => boolean): void {
    const present = (p: SectionPattern) => result.matched.get(p)?.find(contains);
    const matchedHere = new Set(patterns.flatMap((p) => result.matched.get(p) ?? []));
    patterns.forEach((pattern, index) => {
      if (pattern.wildcard || exempt(pattern) || result.matched.has(pattern)) return;
      const stems = distinctive.get(pattern);
      if (!stems || stems.size === 0) return;
      const claimsOther = (s: Section) => {
        const have = sectionStems(s);
        return type.allPatterns.some((p) => p !== pattern && !p.wildcard && ((distinctive.get(p) && [...distinctive.get(p)!].some((d) => have.has(d))) || looseMatch(p, formsOf(s))));
      };
      const candidates = inside.filter((s) => !used.has(s) && !templateHeading.has(s) && !insideMatched(s, matchedHere, scope) && [...sectionStems(s)].some((w) => stems.has(w)) && !claimsOther(s));
      if (candidates.length === 0) return;
      const previous = patterns.slice(0, index).map(present).filter((s): s is Section => Boolean(s)).sort((a, b) => b.index - a.index)[0];
      const next = patterns.slice(index + 1).map(present).filter((s): s is Section => Boolean(s)).sort((a, b) => a.index - b.index)[0];
      // Not deeper than the sections around it: `#### Determining the portability of referenced items` inside a
      // custom section is no `## Reference-level explanation`.
      const levels = [previous, next].filter((s): s is Section => Boolean(s)).map((s) => s.level);
      const notDeeper = (s: Section) => levels.length === 0 || s.level <= Math.max(...levels);
      const inPlace = candidates.find((s) => notDeeper(s) && (!previous || s.index > previous.index) && (!next || s.index < next.index));
      const chosen = inPlace ?? candidates.find((s) => parentOf(s) === scope && notDeeper(s));
      if (!chosen) return;
      used.add(chosen);
      matchedHere.add(chosen);
      result.matched.set(pattern, [chosen]);
    });
  }

  function matchScope(patterns: SectionPattern[], scope: Section | undefined, from: number, to: number): void {
    const contains = (s: Section) => s !== scope && startOf(s) > from && startOf(s) < to;
    result.scopes.push({ scope, patterns, contains });
    const inside = sections.filter(contains);
    const direct = (s: Section) => parentOf(s) === scope;
    // Fixed headings first, so a wildcard slot takes only what no fixed heading claims.
    const ordered = [...patterns.filter((p) => !p.wildcard), ...patterns.filter((p) => p.wildcard)];
    for (const pattern of ordered) {
      let found: Section[];
      if (pattern.wildcard) {
        // A heading that is one of the template's own (`## Parallel Opportunities` one level up) is not the slot's.
        found = inside.filter((s) => !used.has(s) && direct(s) && !templateHeading.has(s));
      } else {
        let candidates = inside.filter((s) => !used.has(s) && matches(pattern, s));
        let exact = true;
        if (candidates.length === 0) {
          candidates = inside.filter((s) => loosely(pattern, s));
          exact = false;
        }
        const directOnes = candidates.filter(direct);
        // Right under the parent, or anywhere in its region (`### Goals` under a `#### Background` of Motivation).
        const chosen = directOnes.length > 0 ? directOnes : candidates;
        found = pattern.repeatable ? chosen : chosen.slice(0, 1);
        if (found.length === 0) {
          // Elsewhere in the document: under the wrong parent.
          const elsewhere = sections.find((s) => !used.has(s) && matches(pattern, s));
          if (elsewhere) {
            used.add(elsewhere);
            result.misplaced.push({ pattern, section: elsewhere, expectedParent: pattern.parent });
            result.matched.set(pattern, [elsewhere]);
            continue;
          }
        }
        if (!exact) {
          if (found.length > 0) result.matched.set(pattern, found);
          continue;
        }
      }
      for (const s of found) used.add(s);
      if (found.length > 0) result.matched.set(pattern, found);
    }
    matchByDistinctiveWord(patterns, scope, inside, contains);
    const missingHere: MissingSection[] = [];
    patterns.forEach((pattern, index) => {
      const found = result.matched.get(pattern);
      if (found && found.length > 0) {
        if (pattern.children.length > 0) {
          const each = pattern.wildcard || pattern.repeatable ? found : found.slice(0, 1);
          each.forEach((s, i) => {
            // "Not applicable." for a section answers its questions too.
            if (s.children.length === 0 && NOT_APPLICABLE.test(doc.text.slice(s.contentStart, s.contentEnd).replace(/<!--[\s\S]*?-->/g, '').replace(/[*_`>]/g, '').trim())) return;
            const next = each[i + 1];
            const limit = Math.min(contains(s) ? to : s.contentEnd, next ? startOf(next) : Infinity);
            matchScope(pattern.children, s, startOf(s), regionEnd(s, pattern, limit));
          });
        }
        return;
      }
      if (exempt(pattern)) return;
      const scopeBodyEnd = scope ? scope.bodyEnd : title ? title.bodyEnd : doc.text.length;
      if (writtenInBold(pattern, scope ? startOf(scope) : -1, to)) return;
      const present = (p: SectionPattern) => result.matched.get(p)?.find(contains);
      const previous = patterns.slice(0, index).map(present).filter((s): s is Section => Boolean(s)).sort((a, b) => b.index - a.index)[0];
      const next = patterns.slice(index + 1).map(present).filter((s): s is Section => Boolean(s)).sort((a, b) => a.index - b.index)[0];
      // After the previous section of the template that is present; else at the start of the parent (after its
      // own text); else before the next one present; else after the title's text, or at the end.
      // After the previous one's whole region, not just its body: a heading of another level that still belongs to it
      // (`## Risks` answering `### Risks` of Proposal) must stay inside it, or a second --fix finds it missing.
      const previousPattern = previous && patterns.slice(0, index).find((p) => result.matched.get(p)?.includes(previous));
      const afterPrevious = previous && previousPattern ? Math.max(previous.contentEnd, Math.min(regionEnd(previous, previousPattern, to), doc.text.length)) : previous?.contentEnd;
      const insertAt = afterPrevious !== undefined ? Math.min(afterPrevious, to) : next ? Math.min(scopeBodyEnd, startOf(next)) : Math.min(scopeBodyEnd, to);
      const missing: MissingSection = { pattern, after: previous, before: previous ? undefined : next, parent: scope, insertAt };
      // Text inserted into an unclosed code fence or HTML block would not become a heading: report, do not insert.
      if (!pattern.wildcard && !existsAnywhere(pattern) && !insideLiteral(insertAt)) {
        const level = levelFor(pattern, scope, [previous, next].filter((s): s is Section => Boolean(s)));
        missing.insertion = insertionText(render(pattern, level), insertAt);
      }
      result.missing.push(missing);
      missingHere.push(missing);
      reportOrphans(pattern, to);
    });
    if (scope && missingHere.length >= 3 && missingHere.length === patterns.filter((p) => !exempt(p)).length) result.unanswered.push({ scope, missing: missingHere });
  }

  matchScope(type.outline, undefined, -1, Infinity);
  perDoc.set(type, result);
  return result;
}
