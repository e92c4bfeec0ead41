/** section-order as RuleTester cases: siblings in the template's order, one finding per misplaced section. */
import rule from '../../../rules/section-order.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

const template = '# [Title]\n\n## Summary\n\n## Design\n\n### API\n\n### Storage\n\n## Risks\n';

new RuleTester({ documentType: template }).run(rule, {
  valid: [
    '# Search\n\n## Summary\n\nS.\n\n## Design\n\n### API\n\nA.\n\n### Storage\n\nB.\n\n## Risks\n\nR.\n',
    { name: 'sections the template lacks may go anywhere', code: '# Search\n\n## Notes\n\nN.\n\n## Summary\n\nS.\n\n## Risks\n\nR.\n' },
    { name: 'a built-in type', documentType: 'design-doc', code: '# Technical Specification: Audit Log Export\n\n## Executive Summary\n\nS.\n\n## Background\n\nB.\n' },
  ],
  invalid: [
    {
      code: '# Search\n\n## Risks\n\nR.\n\n## Summary\n\nS.\n',
      errors: [{ line: 7, column: 1, endLine: 7, endColumn: 11, message: 'Section "Summary" is out of the inline template\'s order' }],
    },
    {
      name: 'subsections are compared within their parent',
      code: '# Search\n\n## Summary\n\nS.\n\n## Design\n\n### Storage\n\nB.\n\n### API\n\nA.\n',
      errors: [{ line: 13, column: 1, message: 'move it before "Storage"' }],
    },
  ],
});

/** A heading that shares a missing section's distinctive word, elsewhere among its siblings: out of order, not missing. */
new RuleTester({ documentType: '# [Title]\n\n## Background\n\n[b]\n\n## Proposal\n\n[p]\n\n## Rationale\n\n[r]\n\n## Compatibility\n\n[c]\n' }).run(rule, {
  valid: [{ name: 'the variant in its place', code: '# Coverage\n\n## Background\n\nB.\n\n## Proposed changes\n\nP.\n\n## Rationale\n\nR.\n\n## Compatibility\n\nC.\n' }],
  invalid: [
    {
      name: 'the variant after a later section',
      code: '# Coverage\n\n## Background\n\nB.\n\n## Rationale\n\nR.\n\n## Proposed changes\n\nP.\n\n## Compatibility\n\nC.\n',
      errors: [{ line: 11, column: 1, endLine: 11, endColumn: 20, message: 'Section "Proposed changes" is out of the inline template\'s order (template line 7): move it before "Rationale"' }],
    },
  ],
});

/** A numbered slot keeps its label: `## Parallel Example: User Story 1` takes `Parallel Example: …` headings only. */
new RuleTester({ documentType: '# Tasks: [NAME]\n\n## Phase 1: Setup\n\n[s]\n\n## Phase N: Polish\n\n[p]\n\n## Dependencies\n\n[d]\n\n## Parallel Example: User Story 1\n\n[e]\n\n## Strategy\n\n[x]\n' }).run(rule, {
  valid: [
    {
      name: 'the template\'s own "Phase N" kept in the document is one of the phases',
      code: '# Tasks: Search\n\n## Phase 1: Setup\n\nS.\n\n## Phase 2: Core\n\nC.\n\n## Phase N: Polish\n\nP.\n\n## Dependencies\n\nD.\n\n## Parallel Example: User Story 1\n\nE.\n\n## Strategy\n\nX.\n',
    },
  ],
  invalid: [
    {
      name: 'a labelled example before the dependencies',
      code: '# Tasks: Search\n\n## Phase 1: Setup\n\nS.\n\n## Parallel Example: Login\n\nE.\n\n## Dependencies\n\nD.\n\n## Strategy\n\nX.\n',
      errors: [{ line: 11, column: 1, message: 'Section "Dependencies" is out of the inline template\'s order (template line 11): move it before "Parallel Example: Login"' }],
    },
  ],
});
