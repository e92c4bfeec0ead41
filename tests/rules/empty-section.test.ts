/**
 * empty-section, in process: stacked headings that share one body, and filler that answers a section in full
 * (a yes/no question, a list of open items) against filler where the template asks for prose.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText } from '../../src/engine.js';
import type { ResolvedConfig } from '../../src/types.js';

const TEMPLATE = `# Proposal: [Title]

## Summary

One paragraph explaining the proposal.

## Motivation

Why are we doing this? What use cases does it support?

## Observability

Are there any missing metrics that would be useful to have?

## Compatibility

Does this change break existing users? Describe the migration.

## Unresolved questions

What parts of the design are still to be decided?

## Future possibilities

Think about what the natural extension of your proposal would be.

## Reference

Describe the commands.

## ABI compatibility

Describe the effect on ABI stability.

## Integration with tools

Describe how this proposal affects tools that integrate with it.
`;

async function lint(text: string): Promise<string[]> {
  const base = defaultConfig();
  const config: ResolvedConfig = {
    ...base,
    types: { proposal: { id: 'proposal', template: TEMPLATE, source: 'proposal.md' } },
    rules: Object.fromEntries(Object.keys(base.rules).map((id) => [id, { severity: id === 'empty-section' ? 'error' : 'off', options: {} }])) as ResolvedConfig['rules'],
  };
  const result = await lintText(text, { config });
  return result.messages.filter((m) => m.ruleId === 'empty-section').map((m) => `${m.line}:${m.column} ${m.message}`);
}

const doc = (sections: Record<string, string>) =>
  `---\ntype: proposal\n---\n\n# Proposal: Linking\n\n${Object.entries(sections).map(([heading, body]) => `## ${heading}\n\n${body}\n`).join('\n')}`;

describe('empty-section: stacked headings', () => {
  it('headings of one level on consecutive lines share the body of the last', async () => {
    const text = '# Commands\n\n### `link`\n### `unlink`\n\nBoth commands inherit from the installer.\n\n### `pack`\n#### `pack <dir>`\n#### `pack <tarball>`\n\nPacks the directory or re-packs a tarball.\n';
    expect(await lint(text)).toEqual([]);
  });

  it('a run whose last heading is empty is empty, and a blank line breaks the run', async () => {
    const text = '# Commands\n\n### `link`\n### `unlink`\n\n### `pack`\n\n### `publish`\n\nPublishes the package.\n';
    expect(await lint(text)).toEqual([
      '3:1 Section "link" is empty: write its content, or remove the heading',
      '4:1 Section "unlink" is empty: write its content, or remove the heading',
      '6:1 Section "pack" is empty: write its content, or remove the heading',
    ]);
  });

  it('a heading followed by a deeper heading of its own is not a stack', async () => {
    const text = '# Commands\n\n### `link`\n#### Options\n\nNone yet.\n\n### `pack`\n## Other\n\nText.\n';
    expect(await lint(text)).toEqual(['8:1 Section "pack" is empty: write its content, or remove the heading']);
  });
});

describe('empty-section: filler that answers the section', () => {
  it('N/A answers a yes/no question (in the heading or in the template\'s guidance), None a list of open items or a section on effects (compatibility, impact on …)', async () => {
    const text = doc({
      Summary: 'Links packages.',
      Motivation: 'Developers link packages by hand.',
      Observability: 'N/A',
      Compatibility: 'None.',
      'Unresolved questions': 'None',
      'Future possibilities': 'None.',
      'Are there any known failure modes?': 'N/A',
      Reference: 'The link command.',
      'ABI compatibility': 'N/A',
      'Integration with tools': 'N/A',
    });
    expect(await lint(text)).toEqual([]);
  });

  it('None answers a section on effects under an older heading ("Effect on ABI stability" for "ABI compatibility")', async () => {
    expect(await lint(doc({ Summary: 'Links packages.', 'Effect on ABI stability': 'None.' }))).toEqual([]);
  });

  it('N/A where the template asks for prose stays a finding', async () => {
    const text = doc({
      Summary: 'N/A',
      Motivation: 'None.',
      Observability: 'No.',
      Compatibility: 'No.',
      'Unresolved questions': 'None',
      'Future possibilities': 'None',
      Reference: 'N/A',
      'ABI compatibility': 'Unchanged.',
    });
    expect(await lint(text)).toEqual([
      '7:1 Section "Summary" holds only "N/A" where the template asks for content: write it, or mark the section optional in the type',
      '11:1 Section "Motivation" holds only "None." where the template asks for content: write it, or mark the section optional in the type',
      '31:1 Section "Reference" holds only "N/A" where the template asks for content: write it, or mark the section optional in the type',
    ]);
  });
});

describe('empty-section: answers without prose', () => {
  it('None answers related items, dependencies and any impact; a heading that states its decision holds it', async () => {
    const base = defaultConfig();
    const template = '# ADR: [Title]\n\n## Related issues\n\nLink the issues this touches.\n\n## User impact\n\nWhat changes for users?\n\n## Dependencies\n\nList what this needs first.\n\n## Context\n\nDescribe the forces at play.\n';
    const config: ResolvedConfig = {
      ...base,
      types: { adr: { id: 'adr', template, source: 'adr.md' } },
      rules: Object.fromEntries(Object.keys(base.rules).map((id) => [id, { severity: id === 'empty-section' ? 'error' : 'off', options: {} }])) as ResolvedConfig['rules'],
    };
    const text = '---\ntype: adr\n---\n\n# ADR: Storage\n\n## Related issues\n\nN/A\n\n## User impact\n\nNone.\n\n## Dependencies\n\nNone\n\n## Context\n\nN/A\n\n## Decision: Use PostgreSQL\n\n## Notes\n';
    const result = await lintText(text, { config });
    expect(result.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '19:1 Section "Context" holds only "N/A" where the template asks for content: write it, or mark the section optional in the type',
      '25:1 Section "Notes" is empty: write its content, or remove the heading',
    ]);
  });
});

describe('empty-section: question subsections answered once by their parent (class J)', () => {
  const QUESTIONS = [
    '###### Does enabling the feature change any default behavior?',
    '',
    '###### Can the feature be disabled once it has been enabled?',
    '',
  ];
  it('a parent that says the group does not apply, or answers while every question under it is left empty', async () => {
    const text = [
      '# Rollout',
      '',
      '### Feature Enablement and Rollback',
      '',
      'These are not on-cluster components. No feature enablement/rollback necessary.',
      '',
      '###### How can this feature be enabled / disabled in a live cluster?',
      '',
      '- [ ] Feature gate',
      '  - Feature gate name:',
      '',
      ...QUESTIONS,
      '### Monitoring Requirements',
      '',
      'The tools run on developer machines only; nothing to monitor in a cluster.',
      '',
      ...QUESTIONS,
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('stays a finding: a parent with no text of its own, one that answers only some of its questions, a topic heading left empty under a written parent', async () => {
    const text = [
      '# Rollout',
      '',
      '### Feature Enablement and Rollback',
      '',
      '<!-- This section must be completed when targeting alpha. -->',
      '',
      ...QUESTIONS,
      '### Monitoring Requirements',
      '',
      'We add two metrics.',
      '',
      '###### How is it monitored?',
      '',
      'Through the retry counter.',
      '',
      ...QUESTIONS,
      '## Proposal',
      '',
      'We retry idempotent calls.',
      '',
      '### Risks and Mitigations',
      '',
    ].join('\n');
    const empty = (line: number, heading: string) => `${line}:1 Section "${heading}" is empty: write its content, or remove the heading`;
    expect(await lint(text)).toEqual([
      empty(7, 'Does enabling the feature change any default behavior?'),
      empty(9, 'Can the feature be disabled once it has been enabled?'),
      empty(19, 'Does enabling the feature change any default behavior?'),
      empty(21, 'Can the feature be disabled once it has been enabled?'),
      empty(27, 'Risks and Mitigations'),
    ]);
  });
});
