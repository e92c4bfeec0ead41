/** valid-yaml as RuleTester cases: YAML blocks and front matter parse; positions are in the Markdown file. */
import rule from '../../../rules/valid-yaml.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

new RuleTester().run(rule, {
  valid: [
    '# Deploy\n\n```yaml\nreplicas: 3\nimage: api:1.2\n```\n',
    { name: 'an excerpt marked as a fragment', code: '# Deploy\n\n```yaml fragment\n  image: api\n replicas: [\n```\n' },
    { name: 'front matter when the option is off', options: { frontMatter: false }, code: '---\ntitle: a\ntitle: b\n---\n\n# Deploy\n' },
  ],
  invalid: [
    {
      code: '---\ntitle: Rate limits\ntitle: Duplicate\n---\n\n# Deploy\n\n```yaml\nreplicas: 3\n  image: api:1.2\n```\n',
      errors: [
        { line: 3, column: 1, message: 'Front matter: Duplicate key "title"' },
        { line: 9, column: 11, message: 'Nested mappings are not allowed in compact mappings (mark the block ```yaml fragment if it is an excerpt)' },
      ],
    },
    {
      name: 'a block inside a list item: columns count the list indent',
      code: '# Deploy\n\n- In a list:\n\n  ```yaml\n  env: [a, b\n  ```\n',
      errors: [{ line: 6, column: 13, message: 'Flow sequence in block collection' }],
    },
  ],
});
