import type { Rule, Section } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { compiledTypeOf, type SectionPattern } from '../src/templates/compile.js';
import { matchOutline } from '../src/templates/match.js';

const rule: Rule = {
  meta: {
    id: 'section-order',
    description: 'Sections appear in the order of the template of their document type',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('section-order'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    requiresType: true,
    tags: ['structure'],
  },
  check({ doc, documentType, report }) {
    const type = compiledTypeOf(documentType);
    if (!type) return;
    const match = matchOutline(doc, type);
    for (const { patterns, contains } of match.scopes) {
      const present: Array<{ pattern: SectionPattern; section: Section }> = [];
      for (const pattern of patterns) {
        const section = match.matched.get(pattern)?.find(contains);
        if (section) present.push({ pattern, section });
      }
      present.sort((a, b) => a.section.index - b.section.index);
      // The sections to move are the fewest that leave the rest in the template's order: those outside the longest
      // run that already follows it. Each is named with the section it should come before.
      const keep = longestIncreasing(present.map((p) => p.pattern.order));
      present.forEach((entry, i) => {
        if (keep.has(i)) return;
        const before = present.find((other, j) => keep.has(j) && other.pattern.order > entry.pattern.order);
        const after = [...present].reverse().find((other, j) => keep.has(present.length - 1 - j) && other.pattern.order < entry.pattern.order);
        const where = before ? `before "${before.section.text}"` : after ? `after "${after.section.text}"` : 'elsewhere';
        report({
          message: `Section "${entry.section.text}" is out of the ${type.id} template's order (template line ${entry.pattern.line}): move it ${where}`,
          node: entry.section.heading,
          key: `order:${entry.pattern.text}`,
        });
      });
    }
  },
};

/**
 * Indexes of a longest strictly increasing subsequence of `values`; among the longest, the one that keeps the
 * earliest sections (so a section moved up is the one named, not the sections it jumped over).
 */
function longestIncreasing(values: number[]): Set<number> {
  const best = values.map(() => 1);
  const next = values.map(() => -1);
  for (let i = values.length - 1; i >= 0; i--) {
    for (let j = i + 1; j < values.length; j++) {
      if (values[j]! > values[i]! && best[j]! + 1 > best[i]!) {
        best[i] = best[j]! + 1;
        next[i] = j;
      }
    }
  }
  const keep = new Set<number>();
  let start = -1;
  values.forEach((_, i) => {
    if (start < 0 || best[i]! > best[start]!) start = i;
  });
  for (let i = start; i >= 0; i = next[i]!) keep.add(i);
  return keep;
}

export default rule;
