import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'required-sections',
    description: 'Every required heading of the document type is present, at the right level and under the right parent',
    defaultSeverity: 'error',
    docsUrl: docsUrl('required-sections'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: true,
    requiresType: true,    tags: ['structure'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
