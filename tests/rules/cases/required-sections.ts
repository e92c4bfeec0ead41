/** required-sections as RuleTester cases: a missing section is reported where it belongs and --fix inserts it. */
import rule from '../../../rules/required-sections.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

const template = '# [Title]\n\n## Summary\n\n[What and why]\n\n## Risks\n\n[What could go wrong]\n';

new RuleTester({ documentType: template }).run(rule, {
  valid: [
    '# Search\n\n## Summary\n\nS.\n\n## Risks\n\nR.\n',
    { name: 'a heading matches whatever its numbering and case', code: '# Search\n\n## 1. summary\n\nS.\n\n## 2. RISKS\n\nR.\n' },
  ],
  invalid: [
    {
      code: '# Search\n\n## Summary\n\nS.\n',
      errors: [{ line: 3, column: 1, message: 'Missing section "## Risks", expected after "Summary"' }],
      output: '# Search\n\n## Summary\n\nS.\n\n## Risks\n\n[What could go wrong]\n',
    },
    {
      name: 'two missing sections, reported where --fix inserts them (the end of the text)',
      code: '# Search\n\nNothing yet.\n',
      errors: [
        { line: 4, column: 1, message: 'Missing section "## Summary"' },
        { line: 4, column: 1, message: 'Missing section "## Risks"' },
      ],
      output: '# Search\n\nNothing yet.\n\n## Summary\n\n[What and why]\n\n## Risks\n\n[What could go wrong]\n',
    },
  ],
});
