/**
 * Matching a document's sections against its type's outline. Computed once per document and shared by
 * required-sections and section-order.
 */
import type { Section, SpecDocument } from '../types.js';
import { headingMatches, type CompiledType, type SectionPattern } from './compile.js';

export interface MissingSection {
  pattern: SectionPattern;
  /** The found section it belongs after, or the parent it opens. */
  after?: Section;
  parent?: Section;
  /** Where --fix inserts it. */
  insertAt: number;
}

export interface Misplaced {
  pattern: SectionPattern;
  section: Section;
  problem: 'level' | 'parent';
  /** The section the template puts it under (for 'parent'). */
  expectedParent?: SectionPattern;
}

export interface OutlineMatch {
  matched: Map<SectionPattern, Section[]>;
  missing: MissingSection[];
  misplaced: Misplaced[];
  /** Scopes in which section-order compares siblings: [scope section, its child patterns]. */
  scopes: Array<{ scope: Section; patterns: SectionPattern[] }>;
  titleMismatch?: { pattern: SectionPattern; section?: Section };
}

const cache = new WeakMap<SpecDocument, WeakMap<CompiledType, OutlineMatch>>();

function descendants(section: Section): Section[] {
  const out: Section[] = [];
  const walk = (s: Section) => {
    for (const child of s.children) {
      out.push(child);
      walk(child);
    }
  };
  walk(section);
  return out;
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
  const used = new Set<Section>();
  let root: Section = doc.sectionTree;
  if (type.title) {
    const h1 = doc.title;
    if (h1 && headingMatches(type.title, h1.text)) root = h1;
    else if (h1 && doc.sections.filter((s) => s.level === 1).length === 1) {
      // A single level-1 heading is the title even if it does not follow the template's pattern.
      root = h1;
      if (!type.title.wildcard) result.titleMismatch = { pattern: type.title, section: h1 };
    } else if (!h1) result.titleMismatch = { pattern: type.title };
    if (h1) used.add(h1);
  }

  const matchScope = (patterns: SectionPattern[], scope: Section) => {
    result.scopes.push({ scope, patterns });
    const inside = descendants(scope);
    const directAtLevel = (p: SectionPattern) => (s: Section) => s.parent === scope && s.level === p.level;
    // Fixed headings first, so a wildcard slot takes only what no fixed heading claims.
    const ordered = [...patterns.filter((p) => !p.wildcard), ...patterns.filter((p) => p.wildcard)];
    for (const pattern of ordered) {
      let found: Section[];
      if (pattern.wildcard) {
        found = inside.filter((s) => !used.has(s) && directAtLevel(pattern)(s));
      } else {
        const candidates = inside.filter((s) => !used.has(s) && headingMatches(pattern, s.text));
        const direct = candidates.filter(directAtLevel(pattern));
        found = pattern.repeatable ? (direct.length > 0 ? direct : candidates) : [direct[0] ?? candidates[0]].filter((s): s is Section => Boolean(s));
        if (found.length === 0) {
          // Elsewhere in the document: under the wrong parent.
          const elsewhere = doc.sections.find((s) => !used.has(s) && headingMatches(pattern, s.text));
          if (elsewhere) {
            used.add(elsewhere);
            result.misplaced.push({ pattern, section: elsewhere, problem: 'parent', expectedParent: pattern.parent });
            result.matched.set(pattern, [elsewhere]);
            continue;
          }
        } else if (found[0]!.level !== pattern.level) {
          result.misplaced.push({ pattern, section: found[0]!, problem: 'level' });
        }
      }
      for (const s of found) used.add(s);
      if (found.length > 0) result.matched.set(pattern, found);
    }
    patterns.forEach((pattern, index) => {
      const found = result.matched.get(pattern);
      if (found && found.length > 0) {
        if (pattern.children.length > 0 && !pattern.wildcard) matchScope(pattern.children, found[0]!);
        else if (pattern.wildcard && pattern.children.length > 0) for (const s of found) matchScope(pattern.children, s);
        return;
      }
      if (pattern.optional) return;
      const before = patterns.slice(0, index).map((p) => result.matched.get(p)?.[0]).filter((s): s is Section => Boolean(s) && s!.parent === scope);
      const after = patterns.slice(index + 1).map((p) => result.matched.get(p)?.[0]).filter((s): s is Section => Boolean(s) && s!.parent === scope);
      const next = after.sort((a, b) => a.index - b.index)[0];
      const previous = before.sort((a, b) => b.index - a.index)[0];
      // Where the message says: after the previous section of the template that is present, else at the start of
      // the parent (after its own text), else before the next one present.
      const insertAt = previous ? previous.contentEnd : scope.level > 0 || next ? Math.min(scope.bodyEnd, next?.heading!.position!.start.offset! ?? Infinity) : scope.contentEnd;
      result.missing.push({ pattern, after: previous, parent: scope.level > 0 ? scope : undefined, insertAt });
    });
  };

  matchScope(type.outline, root);
  perDoc.set(type, result);
  return result;
}
