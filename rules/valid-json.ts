import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'valid-json',
    description: 'JSON, JSONC and JSON5 code blocks parse',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-json'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    tags: ['code'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
