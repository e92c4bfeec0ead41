import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'valid-sql',
    description: 'SQL code blocks parse in the configured dialect',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-sql'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    tags: ['code'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
