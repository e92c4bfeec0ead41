import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'section-order',
    description: 'Sections appear in the order of the template of the document type template',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('section-order'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    requiresType: true,    tags: ['structure'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
