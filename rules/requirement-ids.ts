import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'requirement-ids',
    description: 'Requirement ids (FR-1, NFR-2, REQ-003, ...) are unique and consistently formed',
    defaultSeverity: 'error',
    docsUrl: docsUrl('requirement-ids'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    tags: ['content'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
