/** no-placeholders as RuleTester cases (tests/rules/no-placeholders.test.ts covers the vocabulary in depth). */
import rule from '../../../rules/no-placeholders.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

new RuleTester().run(rule, {
  valid: [
    '# Rate Limits for the Billing API\n\n**Owner**: Ada Lovelace\n**Created**: 2025-03-01\n\nRequests are limited per tenant.\n',
    { name: 'an allowed token', code: '# Release [WIP]\n\nText.\n', options: { allow: ['[WIP]'] } },
    { name: 'inline code may quote a placeholder', code: '# Guide\n\nWrite `YYYY-MM-DD` dates.\n' },
    {
      name: '??? as the gap a comparison chart shows on purpose',
      code: '# Strings\n\nIt fills the gap in the vector/string chart:\n\n| `Vec<T>` | `String` |\n| --- | --- |\n| `[T; N]` | ??? |\n| `&[T]` | `&str` |\n',
    },
  ],
  invalid: [
    {
      code: '# Rate Limits for [SERVICE_NAME]\n\n**Created**: YYYY-MM-DD\n\nTODO: pick the window.\n',
      errors: [
        { line: 1, column: 19, endColumn: 33, message: 'Unfilled placeholder "[SERVICE_NAME]": replace it with the real value', key: '[SERVICE_NAME]' },
        { line: 3, column: 14, endColumn: 24, message: 'Unfilled placeholder "YYYY-MM-DD"' },
        { line: 5, column: 1, endColumn: 5, message: 'Unfinished-text marker "TODO"' },
      ],
    },
    {
      name: '??? in a table without prose that says the gap is meant',
      code: '# Engines\n\n| Engine | Scheduler |\n| --- | --- |\n| Godot | ??? |\n| Bevy | rayon |\n',
      errors: [{ line: 5, column: 11, endColumn: 14, message: 'Unfilled placeholder "???"' }],
    },
    {
      name: 'the words are an option',
      options: { words: ['PENDING'] },
      code: '# Limits\n\nWindow size PENDING.\n',
      errors: [{ line: 3, column: 13, endColumn: 20, message: 'Unfinished-text marker "PENDING"' }],
    },
    {
      name: 'more patterns',
      options: { patterns: ['\\{\\{[a-z_]+\\}\\}'] },
      code: '# Limits\n\nOwned by {{owner_team}}.\n',
      errors: [{ line: 3, column: 10, message: '{{owner_team}}' }],
    },
  ],
});
