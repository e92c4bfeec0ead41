/**
 * Matching a document's sections against its type's outline. Computed once per document and shared by
 * required-sections and section-order.
 *
 * Structure is compared by nesting, not by absolute heading level: a document that writes its sections as `#`
 * where the template writes `##` (or puts them beside its title rather than under it) has the same outline.
 */
import type { Section, SpecDocument } from '../types.js';
import { isRealDate } from '../rule-helpers.js';
import { cleanHeading, headingForms, matchesHeading, type HeadingForms } from './headings.js';
import type { CompiledType, SectionPattern } from './compile.js';

export interface MissingSection {
  pattern: SectionPattern;
  /** The found section it belongs after, or the parent it opens. */
  after?: Section;
  parent?: Section;
  /** Where --fix inserts it; undefined when the document has the heading elsewhere (then only reported). */
  insertAt: number;
  /** The Markdown --fix inserts: the template's section, at the document's heading level, without what exists. */
  insertion?: string;
}

export interface Misplaced {
  pattern: SectionPattern;
  section: Section;
  /** The section the template puts it under (undefined: the top level). */
  expectedParent?: SectionPattern;
}

export interface OutlineMatch {
  matched: Map<SectionPattern, Section[]>;
  missing: MissingSection[];
  misplaced: Misplaced[];
  /** Scopes in which section-order compares siblings: [scope section (undefined: the top level), its child patterns]. */
  scopes: Array<{ scope?: Section; patterns: SectionPattern[] }>;
  titleMismatch?: { section?: Section };
  /** The document's title heading, if it has one (never matched against sections). */
  title?: Section;
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

const matches = (pattern: SectionPattern, section: Section) => matchesHeading(pattern.heading, formsOf(section));

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
    if (type.title) return first;
    // No title in the template: a level-1 heading over the document's sections is still its title, unless it is
    // one of the template's sections (`# Summary` in a template written with level-1 sections).
    const isSection = type.outline.some((p) => !p.wildcard && matches(p, first));
    return !isSection && (first.children.length > 0 || doc.sections.filter((s) => s.level === 1).length === 1) ? first : undefined;
  }
  if (type.title?.level === 2 && first.level === 2 && !doc.sections.some((s) => s.level === 1)) {
    const fieldsUnder = doc.metadata.some((m) => m.keyRange.start.offset >= first.contentStart && m.keyRange.start.offset < first.bodyEnd);
    if (fieldsUnder || type.title.matcher.test(cleanHeading(first.text))) return first;
  }
  return undefined;
}

export function matchOutline(doc: SpecDocument, type: CompiledType): OutlineMatch {
  let perDoc = cache.get(doc);
  if (!perDoc) {
    perDoc = new WeakMap();
    cache.set(doc, perDoc);
  }
  const cached = perDoc.get(type);
  if (cached) return cached;

  const result: OutlineMatch = { matched: new Map(), missing: [], misplaced: [], scopes: [] };
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
  /** The parent in the outline: the title and the document root are both the top level (undefined). */
  const parentOf = (section: Section): Section | undefined => (section.parent && section.parent !== title && section.parent.level > 0 ? section.parent : undefined);
  const within = (section: Section, scope: Section | undefined) => {
    if (!scope) return true;
    for (let p = section.parent; p; p = p.parent) if (p === scope) return true;
    return false;
  };
  const used = new Set<Section>();
  const insideLiteral = (offset: number) =>
    doc.codeBlocks.some((b) => b.node.position!.start.offset! < offset && offset <= b.node.position!.end.offset!) ||
    doc.htmlComments.some((c) => c.node.position!.start.offset! < offset && offset <= c.node.position!.end.offset!);
  const existsAnywhere = (pattern: SectionPattern) => !pattern.wildcard && (sections.some((s) => matches(pattern, s)) || Boolean(title && matches(pattern, title)));

  /** The heading level the document uses for a pattern placed under `scope`. */
  const levelFor = (pattern: SectionPattern, scope: Section | undefined, siblings: Section[]): number => {
    const sibling = siblings.find((s) => parentOf(s) === scope);
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
  const reportOrphans = (pattern: SectionPattern): void => {
    for (const child of pattern.children) {
      if (child.wildcard) continue;
      const elsewhere = sections.find((s) => !used.has(s) && matches(child, s));
      if (elsewhere) {
        used.add(elsewhere);
        result.misplaced.push({ pattern: child, section: elsewhere, expectedParent: pattern });
        result.matched.set(child, [elsewhere]);
        // Its own subsections are checked where it is: moving it later must not reveal new findings.
        if (child.children.length > 0) matchScope(child.children, elsewhere);
      } else reportOrphans(child);
    }
  };

  function matchScope(patterns: SectionPattern[], scope: Section | undefined): void {
    result.scopes.push({ scope, patterns });
    const inside = sections.filter((s) => within(s, scope));
    const direct = (s: Section) => parentOf(s) === scope;
    // Fixed headings first, so a wildcard slot takes only what no fixed heading claims.
    const ordered = [...patterns.filter((p) => !p.wildcard), ...patterns.filter((p) => p.wildcard)];
    for (const pattern of ordered) {
      let found: Section[];
      if (pattern.wildcard) {
        found = inside.filter((s) => !used.has(s) && direct(s));
      } else {
        const candidates = inside.filter((s) => !used.has(s) && matches(pattern, s));
        const directOnes = candidates.filter(direct);
        // Under the right parent, or deeper inside it (`### Goals` under a `#### Background` of Motivation).
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
      }
      for (const s of found) used.add(s);
      if (found.length > 0) result.matched.set(pattern, found);
    }
    patterns.forEach((pattern, index) => {
      const found = result.matched.get(pattern);
      if (found && found.length > 0) {
        if (pattern.children.length > 0) {
          if (pattern.wildcard || pattern.repeatable) for (const s of found) matchScope(pattern.children, s);
          else matchScope(pattern.children, found[0]!);
        }
        return;
      }
      if (exempt(pattern)) return;
      const present = (p: SectionPattern) => result.matched.get(p)?.find(direct);
      const previous = patterns.slice(0, index).map(present).filter((s): s is Section => Boolean(s)).sort((a, b) => b.index - a.index)[0];
      const next = patterns.slice(index + 1).map(present).filter((s): s is Section => Boolean(s)).sort((a, b) => a.index - b.index)[0];
      // After the previous section of the template that is present; else at the start of the parent (after its
      // own text); else before the next one present; else after the title's text, or at the end.
      const scopeBodyEnd = scope ? scope.bodyEnd : title ? title.bodyEnd : doc.text.length;
      const insertAt = previous ? previous.contentEnd : next ? Math.min(scopeBodyEnd, next.heading!.position!.start.offset!) : scopeBodyEnd;
      const missing: MissingSection = { pattern, after: previous, parent: scope, insertAt };
      // Text inserted into an unclosed code fence or HTML block would not become a heading: report, do not insert.
      if (!pattern.wildcard && !existsAnywhere(pattern) && !insideLiteral(insertAt)) {
        const level = levelFor(pattern, scope, [previous, next].filter((s): s is Section => Boolean(s)));
        missing.insertion = insertionText(render(pattern, level), insertAt);
      }
      result.missing.push(missing);
      reportOrphans(pattern);
    });
  }

  matchScope(type.outline, undefined);
  perDoc.set(type, result);
  return result;
}
