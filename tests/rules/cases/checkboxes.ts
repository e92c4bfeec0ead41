/** checkboxes as RuleTester cases: malformed task items (fixed by --fix) and open boxes under a finished status. */
import rule from '../../../rules/checkboxes.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

new RuleTester().run(rule, {
  valid: [
    '# Export\n\n**Status**: In Progress\n\n- [x] Exports stream rows\n- [ ] Load test\n',
    { name: 'an open box outside the covered sections', code: '# Export\n\n**Status**: Complete\n\n## Later\n\n- [ ] Nice to have\n\n## Done\n\n- [x] Shipped\n', options: { sections: ['Done'] } },
    { name: 'a status named in no policy', code: '# Export\n\nStatus: Draft\n\n- [ ] Write it\n' },
  ],
  invalid: [
    {
      name: 'malformed items are rewritten',
      code: '# Export\n\n- [] Docs\n-[ ] Changelog\n- [ x] Reviewed\n',
      errors: [
        { line: 3, column: 1, endLine: 3, endColumn: 5, message: 'Malformed task item "- []": write "- [ ]"' },
        { line: 4, column: 1, endColumn: 5, message: 'Malformed task item "-[ ]"' },
        { line: 5, column: 1, endColumn: 7, message: 'Malformed task item "- [ x]": write "- [x]"' },
      ],
      output: '# Export\n\n- [ ] Docs\n- [ ] Changelog\n- [x] Reviewed\n',
    },
    {
      name: 'an open box under a finished status is not ticked for you',
      code: '# Export\n\n**Status**: Complete\n\n## Definition of Done\n\n- [x] Rows stream\n- [ ] Load test\n',
      options: { sections: ['Definition of Done'] },
      errors: [{ line: 8, column: 3, endColumn: 6, message: 'Open task item in "Definition of Done" but Status is "Complete" (line 3): check it, or change the status' }],
      output: null,
    },
    {
      name: 'a policy of its own, with its reason in the message',
      code: '# Review\n\nStatus: Approved\n\n## Review Checklist\n\n- [ ] Security reviewed\n',
      options: { policies: [{ statuses: ['Approved'], sections: ['Review Checklist'], description: 'reviews are done before approval' }] },
      errors: [{ line: 7, column: 3, message: '(reviews are done before approval)' }],
      output: null,
    },
  ],
});
