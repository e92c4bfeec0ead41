/** version-table as RuleTester cases (tests/rules/version-table.test.ts covers columns and versions in depth). */
import rule from '../../../rules/version-table.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

const changeLog = (rows: string[]) => `# Billing\n\n## Change Log\n\n| Date | Version | Changes |\n|---|---|---|\n${rows.map((r) => `| ${r} |`).join('\n')}\n`;

new RuleTester().run(rule, {
  valid: [
    changeLog(['2025-01-10 | 1.0 | Initial draft', '2025-02-01 | 1.1 | Limits', '2025-03-01 | 1.2 | Retries']),
    { name: 'newest first is fine too', code: changeLog(['2025-03-01 | 1.2 | Retries', '2025-01-10 | 1.0 | Initial draft']) },
  ],
  invalid: [
    {
      code: changeLog(['2025-01-10 | 1.0 | Initial', '2025-02-30 | 1.1 | Limits', '2025-03-01 | 1.1 | Retries', '2025-04-01 | two | Typo']),
      errors: [
        { line: 8, column: 3, endColumn: 13, message: '"2025-02-30" is not a date that exists' },
        { line: 9, column: 16, endColumn: 19, message: 'Duplicate version 1.1 (also on line 8)' },
        { line: 10, column: 16, endColumn: 19, message: '"two" is not a version' },
      ],
    },
    {
      name: 'the metadata Version against the newest row',
      code: `# Billing\n\n**Version**: 1.3\n\n## Change Log\n\n| Date | Version | Changes |\n|---|---|---|\n| 2025-01-10 | 1.0 | Initial |\n| 2025-02-01 | 1.2 | Limits |\n`,
      errors: [{ line: 3, column: 14, endColumn: 17, message: 'Metadata Version 1.3 does not match the newest change-log version 1.2 (line 10)' }],
    },
  ],
});
