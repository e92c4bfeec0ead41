/** requirement-ids as RuleTester cases: unique ids, one form per prefix. */
import rule from '../../../rules/requirement-ids.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

new RuleTester().run(rule, {
  valid: [
    '# Invitations\n\n## Functional Requirements\n\n- **FR-001**: Owners invite by email.\n- **FR-002**: Invitations expire.\n',
    { name: 'a prefix that is not configured is not checked', code: '# S\n\n- **XY-1**: a\n- **XY-1**: b\n' },
  ],
  invalid: [
    {
      code: '# Invitations\n\n## Functional Requirements\n\n- **FR-001**: Owners invite.\n- **FR-001**: Invitees decline.\n- **FR2**: Owners revoke.\n',
      errors: [
        { line: 6, column: 5, endColumn: 11, message: 'Duplicate requirement id "FR-001": already defined on line 5' },
        { line: 7, column: 5, endColumn: 8, message: 'Requirement id "FR2" is written differently from "FR-001" (line 5): use one form per prefix' },
      ],
    },
    {
      name: 'the prefixes are an option',
      options: { prefixes: ['XY'] },
      code: '# S\n\n- **XY-1**: a\n- **XY-1**: b\n',
      errors: [{ line: 4, column: 5, message: 'Duplicate requirement id "XY-1"' }],
    },
  ],
});
