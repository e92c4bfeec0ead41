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
    const parentOf = (section: Section) => (section.parent && section.parent !== match.title && section.parent.level > 0 ? section.parent : undefined);
    for (const { scope, patterns } of match.scopes) {
      const present: Array<{ pattern: SectionPattern; section: Section }> = [];
      for (const pattern of patterns) {
        const section = match.matched.get(pattern)?.[0];
        if (section && parentOf(section) === scope) present.push({ pattern, section });
      }
      present.sort((a, b) => a.section.index - b.section.index);
      let latest: (typeof present)[number] | undefined;
      for (const entry of present) {
        if (latest && entry.pattern.order < latest.pattern.order) {
          report({
            message: `Section "${entry.section.text}" comes after "${latest.section.text}" but the ${type.id} template puts it before (template line ${entry.pattern.line}): move it up`,
            node: entry.section.heading,
            key: `order:${entry.pattern.text}`,
          });
        } else latest = entry;
      }
    }
  },
};

export default rule;
