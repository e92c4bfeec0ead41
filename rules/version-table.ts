import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'version-table',
    description: 'Version-history tables hold valid, monotonic versions and ISO dates; version columns hold real versions',
    defaultSeverity: 'error',
    docsUrl: docsUrl('version-table'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    tags: ['tables'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
