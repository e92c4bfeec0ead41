/**
 * no-template-text, in process, with a small template of its own: prompts kept as the labels of their answers,
 * text the template means to be kept (a checklist's legend, a convention line among rewritten siblings), and
 * template text quoted in another section than the template's.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText } from '../../src/engine.js';
import type { ResolvedConfig } from '../../src/types.js';

const TEMPLATE = `# Proposal: [Title]

Keep this preamble short and link the tracking issue before review.

## Scope

* What is deliberately *not* in scope?
* Deprecation / co-existence with existing functionality

Add a list of detailed use cases this proposal intends to take care of.

## Teaching

> How should this feature be introduced and taught to existing
users?

> Why should we *not* do this?

## Conventions

- **[P]**: Can run in parallel (different files, no dependencies)
- **[Story]**: Which user story this task belongs to (e.g., US1, US2)
- Include exact file paths in descriptions

## Goals

- Goal 1
- Goal 2

## Testing

- \`<package>\`: \`<date>\` - \`<test coverage>\`

<!-- Do not remove the key word definitions if you follow RFC 2119. -->

The key words MUST and SHOULD are to be interpreted as described in RFC 2119.

## Compatibility

No backward compatibility issues found.

If there are no concerns, leave it in with text like "This feature can be adopted without affecting source compatibility."

## Release checklist

Items marked with (R) are required before the feature ships to users.

- [ ] (R) Design approved
- [ ] (R) Tests written

`;

const CONVENTIONS_TEMPLATE = `# Proposal: [Title]

## Constitution Check

*GATE: Must pass before research starts. Re-check after design.*

[Gates determined from the constitution]

## Tests for Story 1

> **NOTE: Write these tests FIRST, ensure they FAIL before implementation**

- [ ] T010 Contract test for [endpoint]

## Dependencies

### Phase Dependencies

- **Setup (Phase 1)**: No dependencies - can start immediately
- **Polish (Final Phase)**: Depends on all user stories being complete

### Story Dependencies

- **Story 1**: Can start after Setup - no dependencies on other stories

## Delivery

1. Add Story 1 → Test independently → Demo
2. Add Story 2 → Test independently → Demo
3. Each story adds value without breaking previous stories

## Ecosystem

Please keep in mind the implications for the ecosystem, such as:

- Lint rules that should be added or removed
- Editor support and debuggability
`;

/** Template lines of CONVENTIONS_TEMPLATE the findings name. */
const templateLine = (start: string) => CONVENTIONS_TEMPLATE.split('\n').findIndex((line) => line.includes(start)) + 1;
const LINE = { gate: templateLine('*GATE'), note: templateLine('> **NOTE'), setup: templateLine('- **Setup'), delivery: templateLine('1. Add Story 1') };

async function lint(text: string, template = TEMPLATE): Promise<string[]> {
  const base = defaultConfig();
  const config: ResolvedConfig = {
    ...base,
    types: { proposal: { id: 'proposal', template, source: 'proposal.md' } },
    rules: Object.fromEntries(Object.keys(base.rules).map((id) => [id, { severity: id === 'no-template-text' ? 'error' : 'off', options: {} }])) as ResolvedConfig['rules'],
  };
  const result = await lintText(`---\ntype: proposal\n---\n\n# Proposal: Retries\n\n${text}`, { config });
  return result.messages.filter((m) => m.ruleId === 'no-template-text').map((m) => `${m.line}:${m.column} ${m.message}`);
}

const left = (text: string, line: number) => `Template text left in: "${text}" (proposal template line ${line}): replace it with this document's own text, or delete it`;

describe('no-template-text: a prompt kept as the label of its answer', () => {
  it('a question or label answered in the same item, a nested item, the next list or the block after the quote', async () => {
    const text = [
      '## Scope',
      '',
      '* What is deliberately *not* in scope?',
      '- Circuit breaking across services.',
      '',
      '* Deprecation / co-existence with existing functionality',
      'Clients that prefer their own retries keep them.',
      '',
      '## Teaching',
      '',
      '> How should this feature be introduced and taught to existing',
      'users?',
      '',
      'Through the retries guide, with one example per client.',
      '',
      '> Why should we *not* do this?',
      '',
      '- It adds a dependency.',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('instructions, and prompts with nothing of the author after them, stay findings', async () => {
    const text = [
      '## Scope',
      '',
      '* What is deliberately *not* in scope?',
      '* Deprecation / co-existence with existing functionality',
      '',
      'Add a list of detailed use cases this proposal intends to take care of.',
      '',
      '- Retry idempotent calls.',
      '',
      '## Teaching',
      '',
      '> Why should we *not* do this?',
      '',
      '## Goals',
      '',
      '- Goal 1',
      '  Retries are configurable.',
    ].join('\n');
    expect(await lint(text)).toEqual([
      `9:3 ${left('What is deliberately not in scope?', 7)}`,
      `10:3 ${left('Deprecation / co-existence with existing functionality', 8)}`,
      `12:1 ${left('Add a list of detailed use cases this proposal intends to take care…', 10)}`,
      `18:3 ${left('Why should we not do this?', 17)}`,
      `22:3 ${left('Goal 1', 27)}`,
    ]);
  });
});

describe('no-template-text: text the template means to be kept', () => {
  it('the legend right above a checklist, and a convention line among siblings the author rewrote or dropped', async () => {
    const text = [
      '## Conventions',
      '',
      '- **[P]**: Can run in parallel (different files, no dependencies)',
      '- Include exact file paths in descriptions',
      '',
      '## Release checklist',
      '',
      'Items marked with (R) are required before the feature ships to users.',
      '',
      '- [x] (R) Design approved',
      '- [ ] (R) Tests written',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('a list kept whole as the template wrote it, and a legend with no checklist under it, stay findings', async () => {
    const text = [
      '## Goals',
      '',
      '- Goal 1',
      '- Goal 2',
      '',
      '## Release checklist',
      '',
      'Items marked with (R) are required before the feature ships to users.',
    ].join('\n');
    expect(await lint(text)).toEqual([`9:3 ${left('Goal 1', 27)}`, `10:3 ${left('Goal 2', 28)}`, `14:1 ${left('Items marked with (R) are required before the feature ships to users.', 46)}`]);
  });
});

describe('no-template-text: text the template says to keep, and stand-ins', () => {
  it('kept: a paragraph below guidance that says not to remove it, the template\'s "none" answer and quoted suggested answer, a legend above its checklist written as a plain list, the wrapped lines of a task item, a prompt answered in subsections; a stand-in line is not a label even with text after it', async () => {
    const text = [
      '## Testing',
      '',
      '- `<package>`: `<date>` - `<test coverage>`',
      '',
      'We test the retry policy in unit tests.',
      '',
      'The key words MUST and SHOULD are to be interpreted as described in RFC 2119.',
      '',
      '## Compatibility',
      '',
      'No backward compatibility issues found.',
      '',
      'This feature can be adopted without affecting source',
      'compatibility.',
      '',
      '## Release checklist',
      '',
      'Items marked with (R) are required before the feature ships to users.',
      '',
      '- (R) Design approved',
      '- (R) Tests written',
      '- [x] Items marked with (R) are required before the feature',
      'ships to users.',
      '',
      '## Teaching',
      '',
      '> Why should we *not* do this?',
      '',
      '### It adds a dependency',
      '',
      'The retry library is one more package to update.',
    ].join('\n');
    expect(await lint(text)).toEqual([`9:3 ${left('<package>: <date> - <test coverage>', 32)}`]);
  });
});

describe('no-template-text: template text counts only where the template writes it', () => {
  it('the template\'s preamble or another section\'s guidance, quoted under the author\'s own heading, is not a finding', async () => {
    const text = [
      '## Scope',
      '',
      'The template asks, under Teaching:',
      '',
      '> Why should we *not* do this?',
      '',
      '### Process',
      '',
      'Keep this preamble short and link the tracking issue before review.',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('the same text in its own section, in the preamble, or under a heading the template does not know, stays a finding', async () => {
    const text = [
      'Keep this preamble short and link the tracking issue before review.',
      '',
      '## Teaching',
      '',
      '### Drawbacks',
      '',
      '> Why should we *not* do this?',
      '',
      '## Transition path',
      '',
      'Add a list of detailed use cases this proposal intends to take care of.',
    ].join('\n');
    expect(await lint(text)).toEqual([
      `7:1 ${left('Keep this preamble short and link the tracking issue before review.', 3)}`,
      `13:3 ${left('Why should we not do this?', 17)}`,
      `17:1 ${left('Add a list of detailed use cases this proposal intends to take care…', 10)}`,
    ]);
  });
});

describe('no-template-text: convention text the author kept beside their own content (class B)', () => {
  it('kept: a gate note above the author\'s filled table, a note above their tasks, a conventions-only subsection kept whole under a parent they filled, a template list they added items to, a template list of examples whose other items they rewrote', async () => {
    const text = [
      '## Constitution Check',
      '',
      '*GATE: Must pass before research starts. Re-check after design.*',
      '',
      '| Principle | Status |',
      '| --- | --- |',
      '| Tests first | PASS |',
      '',
      '## Tests for Story 1',
      '',
      '> **NOTE: Write these tests FIRST, ensure they FAIL before implementation**',
      '',
      '- [x] T010 Contract test for the retry endpoint',
      '',
      '## Dependencies',
      '',
      '### Phase Dependencies',
      '',
      '- **Setup (Phase 1)**: No dependencies - can start immediately',
      '- **Polish (Final Phase)**: Depends on all user stories being complete',
      '',
      '### Story Dependencies',
      '',
      '- **Story 1**: Retries can start once the client library is vendored',
      '',
      '## Delivery',
      '',
      '1. Add Story 1 → Test independently → Demo',
      '2. Add Story 2 → Test independently → Demo',
      '3. Add Story 3 → Test independently → Demo',
      '4. Each story adds value without breaking previous stories',
      '',
      '## Ecosystem',
      '',
      'Please keep in mind the implications for the ecosystem, such as:',
      '',
      '- Lint rules that should be added or removed',
      '- Retry dashboards for each client',
    ].join('\n');
    expect(await lint(text, CONVENTIONS_TEMPLATE)).toEqual([]);
  });

  it('stays a finding: the same text in sections the author never filled, and examples in guidance the author added to', async () => {
    const text = [
      '## Constitution Check',
      '',
      '*GATE: Must pass before research starts. Re-check after design.*',
      '',
      '## Tests for Story 1',
      '',
      '> **NOTE: Write these tests FIRST, ensure they FAIL before implementation**',
      '',
      '## Dependencies',
      '',
      '### Phase Dependencies',
      '',
      '- **Setup (Phase 1)**: No dependencies - can start immediately',
      '- **Polish (Final Phase)**: Depends on all user stories being complete',
      '',
      '### Story Dependencies',
      '',
      '- **Story 1**: Can start after Setup - no dependencies on other stories',
      '',
      '## Delivery',
      '',
      '1. Add Story 1 → Test independently → Demo',
      '2. Add Story 2 → Test independently → Demo',
      '3. Each story adds value without breaking previous stories',
      '',
      '## Ecosystem',
      '',
      'Please keep in mind the implications for the ecosystem, such as:',
      '',
      '- Lint rules that should be added or removed',
      '- Editor support and debuggability',
      '- Our retry lint rule',
    ].join('\n');
    const at = (text: string, line: number) => `Template text left in: "${text}" (proposal template line ${line}): replace it with this document's own text, or delete it`;
    expect(await lint(text, CONVENTIONS_TEMPLATE)).toEqual([
      `9:1 ${at('GATE: Must pass before research starts. Re-check after design.', LINE.gate)}`,
      `13:3 ${at('NOTE: Write these tests FIRST, ensure they FAIL before implementation', LINE.note)}`,
      `19:3 ${at('Setup (Phase 1): No dependencies - can start immediately', LINE.setup)}`,
      `20:3 ${at('Polish (Final Phase): Depends on all user stories being complete', LINE.setup + 1)}`,
      `24:3 ${at('Story 1: Can start after Setup - no dependencies on other stories', LINE.setup + 5)}`,
      `28:4 ${at('Add Story 1 → Test independently → Demo', LINE.delivery)}`,
      `29:4 ${at('Add Story 2 → Test independently → Demo', LINE.delivery + 1)}`,
      `30:4 ${at('Each story adds value without breaking previous stories', LINE.delivery + 2)}`,
      `36:3 ${at('Lint rules that should be added or removed', LINE.delivery + 8)}`,
      `37:3 ${at('Editor support and debuggability', LINE.delivery + 9)}`,
    ]);
  });
});
