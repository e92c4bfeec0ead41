import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'valid-yaml',
    description: 'YAML code blocks and front matter parse',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-yaml'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    tags: ['code'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
