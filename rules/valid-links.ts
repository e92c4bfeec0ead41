import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'valid-links',
    description: 'In-document #fragment links resolve to a heading; relative links resolve to files',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-links'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    tags: ['links'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
