import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'no-template-text',
    description: 'No instructions or stand-in text copied verbatim from the template of the document type template',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('no-template-text'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    requiresType: true,    tags: ['content'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
