import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'checkboxes',
    description: 'Task items are well formed, and closed where the status of the document requires it',
    defaultSeverity: 'error',
    docsUrl: docsUrl('checkboxes'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: true,
    tags: ['content', 'status'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
