import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

interface Options {
  allow: string[];
}

/** Body text that is only whitespace and HTML comments (template guidance) is empty. */
const isBlank = (text: string) => text.replace(/<!--[\s\S]*?-->/g, '').trim() === '';

const rule: Rule<Options> = {
  meta: {
    id: 'empty-section',
    description: 'A heading has content before the next heading of the same or higher level',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('empty-section'),
    optionsSchema: {
      type: 'object',
      properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Headings that may be empty (matched case-insensitively).' } },
      additionalProperties: false,
    },
    defaultOptions: { allow: [] },
    fixable: false,
    tags: ['structure'],
  },
  check({ doc, options, report }) {
    const allowed = new Set(options.allow.map((h) => h.toLowerCase()));
    for (const section of doc.sections) {
      if (allowed.has(section.text.toLowerCase())) continue;
      // A heading with subsections has content; so does any text before the next heading of the same or higher level.
      if (section.children.length > 0) continue;
      if (!isBlank(doc.text.slice(section.contentStart, section.contentEnd))) continue;
      report({ message: `Section "${section.text}" is empty`, node: section.heading });
    }
  },
};

export default rule;
