import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'empty-section',
    description: 'A heading has content before the next heading of the same or higher level',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('empty-section'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    tags: ['structure'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
