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

/** Class 1 of issue 12: a heading that shares the template heading's distinctive word, in the template's place. */
const proposalTemplate = '# [Title]\n\n## Background\n\n[b]\n\n## Proposal\n\n[p]\n\n## Rationale\n\n[r]\n\n## Source compatibility\n\n[s]\n\n## ABI compatibility\n\n[a]\n\n## Alternatives\n\n[x]\n';

new RuleTester({ documentType: proposalTemplate }).run(rule, {
  valid: [
    {
      name: 'another inflection of the key word, and the template\'s earlier name that shares its distinctive word',
      code: '# Coverage\n\n## Background\n\nB.\n\n## Proposed changes\n\nP.\n\n## Rationale\n\nR.\n\n## Source compatibility\n\nS.\n\n## Effect on ABI stability\n\nA.\n\n## Alternative Platforms\n\nX.\n',
    },
  ],
  invalid: [
    {
      name: 'a heading that shares distinctive words with two template sections names neither',
      code: '# Coverage\n\n## Background\n\nB.\n\n## Proposal\n\nP.\n\n## Rationale\n\nR.\n\n## Source and ABI effects\n\nS.\n\n## Alternatives\n\nX.\n',
      errors: [
        { line: 11, column: 1, message: 'Missing section "## Source compatibility", expected after "Rationale"' },
        { line: 11, column: 1, message: 'Missing section "## ABI compatibility", expected after "Rationale"' },
      ],
      output: '# Coverage\n\n## Background\n\nB.\n\n## Proposal\n\nP.\n\n## Rationale\n\nR.\n\n## Source and ABI effects\n\nS.\n\n## Source compatibility\n\n[s]\n\n## ABI compatibility\n\n[a]\n\n## Alternatives\n\nX.\n',
    },
    {
      name: 'a heading that is another section of the template is not taken for a missing one',
      code: '# Coverage\n\n## Background\n\nB.\n\n## Rationale\n\nR.\n\n## Source compatibility\n\nS.\n\n## ABI compatibility\n\nA.\n\n## Alternatives\n\nX.\n',
      errors: [{ line: 3, column: 1, message: 'Missing section "## Proposal", expected after "Background"' }],
      output: '# Coverage\n\n## Background\n\nB.\n\n## Proposal\n\n[p]\n\n## Rationale\n\nR.\n\n## Source compatibility\n\nS.\n\n## ABI compatibility\n\nA.\n\n## Alternatives\n\nX.\n',
    },
  ],
});

/** A task list's template: subsections sharing words, a numbered slot, and a key term with a qualifier. */
const tasksTemplate = '# Tasks: [NAME]\n\n## Dependencies\n\n### Phase Dependencies\n\n[p]\n\n### User Story Dependencies\n\n[u]\n\n### Within Each User Story\n\n[w]\n\n### Parallel Opportunities\n\n[o]\n\n## Parallel Example: User Story 1\n\n[e]\n\n## Strategy\n\n### MVP First (User Story 1 Only)\n\n[m]\n\n### Incremental Delivery\n\n[i]\n';

new RuleTester({ documentType: tasksTemplate }).run(rule, {
  valid: [
    {
      name: 'the same key term with another qualifier, and a qualifier added to a plural',
      code: '# Tasks: Payslips\n\n## Dependencies\n\n### Phase Dependencies\n\nP.\n\n### User Story Dependency Graph\n\nU.\n\n### Within Each User Story\n\nW.\n\n### Parallel Opportunities\n\nO.\n\n## Parallel Example: User Story 1\n\nE.\n\n## Strategy\n\n### MVP Scope (Minimum Viable Product)\n\nM.\n\n### Incremental Delivery\n\nI.\n',
    },
    {
      name: 'class 2: a template heading one level up in its place is the section, not a numbered slot\'s',
      code: '# Tasks: Payslips\n\n## Dependencies\n\n### Phase Dependencies\n\nP.\n\n### User Story Dependencies\n\nU.\n\n### Within Each User Story\n\nW.\n\n## Parallel Opportunities\n\nO.\n\n## Parallel Example: User Story 1\n\nE.\n\n## Strategy\n\n### MVP First (User Story 1 Only)\n\nM.\n\n### Incremental Delivery\n\nI.\n',
    },
  ],
  invalid: [
    {
      name: 'a missing subsection whose words are all shared with its siblings is still missing',
      code: '# Tasks: Payslips\n\n## Dependencies\n\n### Phase Dependencies\n\nP.\n\n### Story notes\n\nU.\n\n### Within Each User Story\n\nW.\n\n### Parallel Opportunities\n\nO.\n\n## Parallel Example: User Story 1\n\nE.\n\n## Strategy\n\n### MVP First (User Story 1 Only)\n\nM.\n\n### Incremental Delivery\n\nI.\n',
      errors: [{ line: 5, column: 1, message: 'Missing section "### User Story Dependencies", expected after "Phase Dependencies"' }],
      output: '# Tasks: Payslips\n\n## Dependencies\n\n### Phase Dependencies\n\nP.\n\n### Story notes\n\nU.\n\n### User Story Dependencies\n\n[u]\n\n### Within Each User Story\n\nW.\n\n### Parallel Opportunities\n\nO.\n\n## Parallel Example: User Story 1\n\nE.\n\n## Strategy\n\n### MVP First (User Story 1 Only)\n\nM.\n\n### Incremental Delivery\n\nI.\n',
    },
  ],
});

/** Class 5 of issue 12: a section whose every question is missing is one finding, for the section. */
const questionsTemplate = '# [Title]\n\n## Summary\n\n[s]\n\n## Rollout\n\n### How is it enabled?\n\n[e]\n\n### How is it rolled back?\n\n[r]\n\n### What fails if it breaks?\n\n[f]\n';

new RuleTester({ documentType: questionsTemplate }).run(rule, {
  valid: ['# Search\n\n## Summary\n\nS.\n\n## Rollout\n\nNot applicable: nothing is rolled out.\n'],
  invalid: [
    {
      name: 'every question of a section answered in prose',
      code: '# Search\n\n## Summary\n\nS.\n\n## Rollout\n\nWe flip a flag.\n',
      errors: [{ line: 7, column: 1, message: 'Section "Rollout" has none of the 3 subsections the inline template puts under it ("### How is it enabled?", "### How is it rolled back?" and 1 more, template line 9 under "## Rollout"): add each under its own heading; --fix inserts them from the template' }],
      output: '# Search\n\n## Summary\n\nS.\n\n## Rollout\n\nWe flip a flag.\n\n### How is it enabled?\n\n[e]\n\n### How is it rolled back?\n\n[r]\n\n### What fails if it breaks?\n\n[f]\n',
    },
    {
      name: 'some questions answered: one finding per missing question',
      code: '# Search\n\n## Summary\n\nS.\n\n## Rollout\n\n### How is it enabled?\n\nA flag.\n',
      errors: [
        { line: 9, column: 1, message: 'Missing section "### How is it rolled back?", expected after "How is it enabled?"' },
        { line: 9, column: 1, message: 'Missing section "### What fails if it breaks?", expected after "How is it enabled?"' },
      ],
      output: '# Search\n\n## Summary\n\nS.\n\n## Rollout\n\n### How is it enabled?\n\nA flag.\n\n### How is it rolled back?\n\n[r]\n\n### What fails if it breaks?\n\n[f]\n',
    },
  ],
});

/**
 * A template section written one level deeper, inside another section (`### Assumptions` under `## Requirements`
 * for the template's `## Assumptions`), does not end that section: the subsections after it are still under it.
 */
const nestedTemplate = '# [Title]\n\n## Requirements\n\n### Functional\n\n[FR]\n\n### Key Entities\n\n[Entities]\n\n## Success Criteria\n\n[SC]\n\n## Assumptions\n\n[A]\n';

new RuleTester({ documentType: nestedTemplate }).run(rule, {
  valid: [
    {
      name: 'a top-level section written nested inside another one, before that one\'s own subsection',
      code: '# Voice\n\n## Requirements\n\n### Functional\n\nFR.\n\n### Assumptions\n\nA.\n\n### Key Entities\n\nE.\n\n## Success Criteria\n\nSC.\n',
    },
  ],
  invalid: [
    {
      name: 'a subsection outside its section is still reported',
      code: '# Voice\n\n## Requirements\n\n### Functional\n\nFR.\n\n## Assumptions\n\nA.\n\n### Key Entities\n\nE.\n\n## Success Criteria\n\nSC.\n',
      errors: [{ line: 13, column: 1, message: 'Section "Key Entities" belongs under "## Requirements"' }],
      output: null,
    },
  ],
});

/** A condition in a template heading (`(include if feature involves data)`) makes the section optional. */
new RuleTester({ documentType: '# [Title]\n\n## Requirements\n\n[FR]\n\n### Key Entities *(include if feature involves data)*\n\n[Entities]\n\n## Success Criteria\n\n[SC]\n' }).run(rule, {
  valid: [{ name: 'a conditional section left out', code: '# Brace expansion\n\n## Requirements\n\nFR.\n\n## Success Criteria\n\nSC.\n' }],
  invalid: [
    {
      name: 'a section without a condition is still required',
      code: '# Brace expansion\n\n## Requirements\n\nFR.\n',
      errors: [{ line: 3, column: 1, message: 'Missing section "## Success Criteria"' }],
      output: '# Brace expansion\n\n## Requirements\n\nFR.\n\n## Success Criteria\n\n[SC]\n',
    },
  ],
});
