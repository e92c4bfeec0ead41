import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'metadata',
    description: 'Document metadata is valid against the template of the document type schema',
    defaultSeverity: 'error',
    docsUrl: docsUrl('metadata'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    requiresType: true,    tags: ['metadata'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
