/** valid-links as RuleTester cases: fragments against headings, relative files against the files that exist. */
import rule from '../../../rules/valid-links.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

new RuleTester({ filePath: '/repo/docs/payments.md', files: { '/repo/docs/setup.md': '# Setup\n\n## Install\n\nSteps.\n' } }).run(rule, {
  valid: [
    '# Payments\n\nSee [the rollout](#rollout) and [setup](./setup.md#install).\n\n## Rollout\n\nIn stages.\n',
    { name: 'an HTML anchor is a target', code: '# Payments\n\nSee [here](#summary-anchor).\n\n## <a name="summary-anchor"></a>Summary\n\nS.\n' },
  ],
  invalid: [
    {
      code: '# Payments\n\nSee [the rollout](#rollot) and [setup](./missing-setup.md).\n\n## Rollout\n\nIn stages.\n',
      errors: [
        { line: 3, column: 5, endColumn: 27, message: 'Link target "#rollot" matches no heading or anchor in this document (did you mean "#rollout"?)' },
        { line: 3, column: 32, message: 'Linked file "./missing-setup.md" does not exist' },
      ],
    },
    {
      name: 'a section of another file',
      code: '# Payments\n\nSee [setup](./setup.md#uninstall).\n',
      errors: [{ line: 3, column: 5, message: '#uninstall' }],
    },
    {
      name: 'fragments are not checked when the option is off, files still are',
      options: { checkFragments: false },
      code: '# Payments\n\n[a](#nowhere) [b](./gone.md)\n',
      errors: [{ line: 3, column: 15, message: 'Linked file "./gone.md" does not exist' }],
    },
  ],
});
