import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'no-placeholders',
    description: 'No unfilled placeholders: bracket tokens, YYYY-MM-DD, X.Y.Z, TBD/TODO/FIXME, Lorem ipsum, example.com, unpicked choice lists',
    defaultSeverity: 'error',
    docsUrl: docsUrl('no-placeholders'),
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: false,
    tags: ['content'],
  },
  check() {
    // Not implemented yet.
  },
};

export default rule;
