/** valid-sql as RuleTester cases: PostgreSQL by default, dialects by info string or option. */
import rule from '../../../rules/valid-sql.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

new RuleTester().run(rule, {
  valid: [
    '# Schema\n\n```sql\nCREATE TABLE invitations (id uuid PRIMARY KEY, email text NOT NULL);\n```\n',
    { name: 'a MySQL block marked as such', code: '# Schema\n\n```sql dialect=mysql\nCREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;\n```\n' },
    { name: 'a fragment is skipped', code: '# Schema\n\n```sql fragment\nWHERE id =\n```\n' },
  ],
  invalid: [
    {
      code: '# Schema\n\n```sql\nCREATE TABLE invitations (\n  id uuid PRIMARY KEY\n  email text NOT NULL\n);\n```\n',
      errors: [{ line: 6, column: 3, endColumn: 8, message: 'PostgreSQL: Syntax error at or near "email"' }],
    },
    {
      name: 'the dialect is an option',
      options: { dialect: 'mysql' },
      code: '# Schema\n\n```sql\nSELECT * FORM invitations;\n```\n',
      errors: [{ line: 4, column: 10, endColumn: 14, message: 'MySQL: Expected: end of statement, found: FORM' }],
    },
  ],
});
