/**
 * Templates and documents as real teams write them (issue 12): numbered and decorated headings, --fix that never
 * duplicates, detection on older and differently-levelled documents, `type:` fields of the template's own,
 * templates' own ways of saying "title", "optional" and "choose one", and `since` for template drift.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText } from '../../src/engine.js';
import { compileTemplate } from '../../src/templates/index.js';
import type { DocumentTypeSource, ResolvedConfig } from '../../src/types.js';
import { numbered } from './numbered.js';

const root = join(import.meta.dirname, '..', '..');
const BUILTIN = ['feature-plan', 'feature-spec', 'tech-spec', 'design-doc', 'implementation-plan'];

function withType(template: string, extra: Partial<DocumentTypeSource> = {}, forced = false): ResolvedConfig {
  const base = defaultConfig();
  const source: DocumentTypeSource = { id: 'team', template, source: 'docs/templates/team.md', templatePath: '/repo/docs/templates/team.md', ...extra };
  return { ...base, types: { ...base.types, team: source }, ...(forced ? { forcedType: { id: 'team', reason: 'test' } } : {}) };
}

const structural = (messages: Array<{ ruleId: string; line: number; column: number; message: string }>) =>
  messages.filter((m) => ['required-sections', 'section-order'].includes(m.ruleId)).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);

const TEMPLATE = `# Proposal: [Title]

**Status**: Draft | Review | Approved
**Created**: YYYY-MM-DD

## Summary

One paragraph.

## Motivation

### Goals

### Non-Goals

## Design

## Risks and Mitigations

## Alternatives
`;

describe('headings as people write them match the template', () => {
  const forms: Record<string, string> = {
    'numbered 1. / 1.2': '## 1. Summary\n\nText.\n\n## 2. Motivation\n\n### 2.1 Goals\n\nText.\n\n### 2.2 Non-Goals\n\nText.\n\n## 3. Design\n\nText.\n\n## 4. Risks and Mitigations\n\nText.\n\n## 5. Alternatives\n\nText.\n',
    'letters, roman numerals, Step and §': '## A. Summary\n\nText.\n\n## B. Motivation\n\n### Goals\n\nText.\n\n### Non-Goals\n\nText.\n\n## IV. Design\n\nText.\n\n## Step 3: Risks & Mitigations\n\nText.\n\n## § 5 Alternatives\n\nText.\n',
    'case, colons, emphasis, code, links, inline HTML': '## SUMMARY:\n\nText.\n\n## **Motivation**\n\n### *Goals*.\n\nText.\n\n### [Non-Goals](#non-goals)\n\nText.\n\n## <a name="design"></a>`Design`\n\nText.\n\n## Risks and mitigations\n\nText.\n\n## Alternatives?\n\nText.\n',
    'emoji prefixes and custom ids': '## 📝 Summary\n\nText.\n\n## 🎯 Motivation {#why}\n\n### ✅ Goals\n\nText.\n\n### ❌ Non-Goals\n\nText.\n\n## 🏗️ Design\n\nText.\n\n## ⚠️ Risks and Mitigations\n\nText.\n\n## 🔀 Alternatives\n\nText.\n',
    'setext headings': 'Summary\n-------\n\nText.\n\nMotivation\n----------\n\n### Goals\n\nText.\n\n### Non-Goals\n\nText.\n\nDesign\n------\n\nText.\n\nRisks and Mitigations\n---------------------\n\nText.\n\nAlternatives\n------------\n\nText.\n',
  };
  for (const [name, body] of Object.entries(forms)) {
    it(`${name}: detected, nothing missing, nothing out of order, nothing for --fix to insert`, async () => {
      const text = `# Proposal: Faster builds\n\n**Status**: Draft\n**Created**: 2025-03-01\n\n${body}`;
      const config = withType(TEMPLATE);
      const result = await lintText(text, { filePath: '/repo/docs/proposals/faster-builds.md', config, fix: true });
      expect(result.documentType).toBe('team');
      expect(structural(result.messages)).toEqual([]);
      expect(result.output).toBeUndefined();
    });
  }

  it('the template itself may be numbered', async () => {
    const config = withType(TEMPLATE.replace('## Summary', '## 1. Summary').replace('### Goals', '### 2.1 Goals'));
    const result = await lintText('# Proposal: X\n\n**Status**: Draft\n**Created**: 2025-03-01\n\n## Summary\n\nT.\n\n## Motivation\n\n### Goals\n\nT.\n\n### Non-Goals\n\nT.\n\n## Design\n\nT.\n\n## Risks and Mitigations\n\nT.\n\n## Alternatives\n\nT.\n', { filePath: '/repo/docs/x.md', config });
    expect(structural(result.messages)).toEqual([]);
  });
});

describe('every built-in type is detected on numbered-heading specs', () => {
  for (const id of BUILTIN) {
    it(`${id}: numbered headings, same type, no structural finding, nothing for --fix to insert`, async () => {
      const original = readFileSync(join(root, 'fixtures', 'types', id, 'valid.md'), 'utf8');
      const text = numbered(original);
      expect(text).not.toBe(original);
      const result = await lintText(text, { filePath: join(root, 'fixtures', 'types', id, 'numbered.md'), fix: true });
      expect(result.documentType).toBe(id);
      expect(structural(result.messages)).toEqual([]);
      expect(result.output).toBeUndefined();
    });
  }
});

describe('--fix never duplicates', () => {
  const headingCounts = (text: string) => {
    const counts = new Map<string, number>();
    for (const line of text.split('\n')) {
      const m = /^#{1,6}\s+(.*)$/.exec(line);
      if (m) counts.set(m[1]!.toLowerCase(), (counts.get(m[1]!.toLowerCase()) ?? 0) + 1);
    }
    return counts;
  };

  it('a section the document has elsewhere is reported as misplaced, never inserted again', async () => {
    const config = withType(TEMPLATE, {}, true);
    const text = '# Proposal: X\n\n**Status**: Draft\n**Created**: 2025-03-01\n\n## Summary\n\nT.\n\n## Motivation\n\nT.\n\n## Design\n\nT.\n\n### Goals\n\nT.\n\n### Non-Goals\n\nT.\n\n## Risks and Mitigations\n\nT.\n\n## Alternatives\n\nT.\n';
    const result = await lintText(text, { config, fix: true });
    expect(structural(result.messages)).toEqual([
      '18:1 required-sections Section "Goals" belongs under "## Motivation" in the team template (template line 12): move it there',
      '22:1 required-sections Section "Non-Goals" belongs under "## Motivation" in the team template (template line 14): move it there',
    ]);
    expect(result.output).toBeUndefined();
  });

  it('a missing parent is inserted without the subsections the document already has', async () => {
    const config = withType(TEMPLATE, {}, true);
    const text = '# Proposal: X\n\n**Status**: Draft\n**Created**: 2025-03-01\n\n## Summary\n\nT.\n\n### Goals\n\nT.\n\n## Design\n\nT.\n\n## Risks and Mitigations\n\nT.\n\n## Alternatives\n\nT.\n';
    const result = await lintText(text, { config, fix: true });
    expect(result.output).toContain('## Motivation\n\n### Non-Goals\n\n## Design');
    const before = headingCounts(text);
    for (const [heading, count] of headingCounts(result.output!)) expect(count, heading).toBeLessThanOrEqual(Math.max(1, before.get(heading) ?? 0));
    const again = await lintText(result.output!, { config, fix: true });
    expect(again.output).toBeUndefined();
  });

  it('a section written a level up but still in its parent\'s region stays there after --fix: a second --fix changes nothing', async () => {
    // `## Risks` answers the template's `### Risks and Mitigations` of Proposal; Design is missing and goes after it.
    const template = TEMPLATE.replace('## Design\n\n## Risks and Mitigations', '## Proposal\n\n### Risks and Mitigations\n\n## Design');
    const text = '# Proposal: X\n\n**Status**: Draft\n**Created**: 2025-03-01\n\n## Summary\n\nT.\n\n## Motivation\n\n### Goals\n\nT.\n\n### Non-Goals\n\nT.\n\n## Proposal\n\nT.\n\n## Risks and Mitigations\n\nT.\n\n## Alternatives\n\nT.\n';
    const first = await lintText(text, { config: withType(template, {}, true), fix: true });
    expect(structural(first.messages)).toEqual(['20:1 required-sections Missing section "## Design", expected after "Proposal" (team template line 20); --fix inserts it from the template']);
    expect(first.output).toContain('## Risks and Mitigations\n\nT.\n\n## Design\n\n## Alternatives');
    const again = await lintText(first.output!, { config: withType(template, {}, true), fix: true });
    expect(again.output).toBeUndefined();
  });

  it('inserts at the document\'s heading level when it writes sections one level up', async () => {
    const config = withType(TEMPLATE, {}, true);
    const text = '# Proposal: X\n\n**Status**: Draft\n**Created**: 2025-03-01\n\n# Summary\n\nT.\n\n# Motivation\n\n## Goals\n\nT.\n\n## Non-Goals\n\nT.\n\n# Risks and Mitigations\n\nT.\n\n# Alternatives\n\nT.\n';
    const result = await lintText(text, { config, fix: true });
    expect(structural(result.messages)).toEqual(['10:1 required-sections Missing section "## Design", expected after "Motivation" (team template line 16); --fix inserts it from the template']);
    expect(result.output).toContain('T.\n\n# Design\n\n# Risks and Mitigations');
  });
});

describe('detection that holds', () => {
  it('a template whose sections are level 1, with no title line', async () => {
    const template = '# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy.\n\n# Detailed design\n\nHow.\n\n# Drawbacks\n\n# Alternatives\n';
    const config = withType(template);
    const result = await lintText('# Summary\n\nS.\n\n# Motivation\n\nM.\n\n# Detailed design\n\nD.\n\n# Drawbacks\n\nNone known.\n\n# Alternatives\n\nA.\n', { filePath: '/elsewhere/x.md', config });
    expect([result.documentType, structural(result.messages)]).toEqual(['team', []]);
  });

  it('optional sections are left out of the threshold', async () => {
    const template = '# Title\n\n## Summary\n\n## Motivation\n\n## Prior art (optional)\n\n## Future work (optional)\n\n## Appendix (optional)\n\n## Glossary (optional)\n';
    const result = await lintText('# Something\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n', { filePath: '/elsewhere/x.md', config: withType(template) });
    expect(result.documentType).toBe('team');
  });

  it('an older document needs less when it lives where the template does, and the reason says so', async () => {
    const template = '# Title\n\n## Summary\n\n## Motivation\n\n## Guide-level explanation\n\n## Reference-level explanation\n\n## Drawbacks\n\n## Rationale and alternatives\n\n## Prior art\n\n## Unresolved questions\n';
    const old = '# Old RFC\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n\n## Detailed design\n\nD.\n';
    const config = withType(template);
    const beside = await lintText(old, { filePath: '/repo/docs/rfcs/0001-old.md', config });
    expect([beside.documentType, beside.documentTypeReason]).toEqual(['team', "auto-detected: the file lives where the template does and 25 % of the template's sections and fields are present"]);
    const away = await lintText(old, { filePath: '/other/0001-old.md', config });
    expect(away.documentType).toBeUndefined();
    expect(away.untyped).toEqual({ closest: { id: 'team', score: 0.25, threshold: 0.5 } });
    expect(away.documentTypeReason).toMatch(/closest: team with 25 % of its sections and fields, 50 % needed$/);
  });

  it('a document named as its template (`tasks.md` for `tasks-template.md`) needs least', async () => {
    const config = withType('# Tasks: [FEATURE]\n\n## Phase 1: Setup\n\n## Format\n\n## Dependencies\n\n## Notes\n\n## Validation\n\n## Review\n\n## Sign-off\n', { templatePath: '/repo/.specify/templates/tasks-template.md' });
    const result = await lintText('# Work items\n\n## Dependencies\n\nNone.\n\n## Other\n\nT.\n', { filePath: '/somewhere/specs/001-x/tasks.md', config });
    expect(result.documentType).toBe('team');
  });

  it('between two templates that share their sections, the one whose fixed title the document follows', async () => {
    const sections = '## Introduction\n\n## Motivation\n\n## Proposed solution\n\n## Detailed design\n\n## Alternatives considered\n';
    const base = defaultConfig();
    const config: ResolvedConfig = {
      ...base,
      types: {
        ...base.types,
        language: { id: 'language', template: `# Feature name\n\n* Proposal: [SE-NNNN](NNNN-filename.md)\n\n${sections}`, source: 't/0000-template.md', templatePath: '/repo/t/0000-template.md' },
        pm: { id: 'pm', template: `# Package Manager Feature name\n\n* Proposal: [SE-NNNN](NNNN-filename.md)\n\n${sections}## Security\n`, source: 't/0000-pm-template.md', templatePath: '/repo/t/0000-pm-template.md' },
      },
    };
    const body = `\n\n* Proposal: [SE-0042](0042-x.md)\n\n${sections.replace(/\n\n/g, '\n\nText.\n\n')}Text.\n`;
    expect((await lintText(`# Remove C-style for loops${body}`, { filePath: '/elsewhere/0042-x.md', config })).documentType).toBe('language');
    expect((await lintText(`# Package Manager Binary Targets${body}`, { filePath: '/elsewhere/0043-y.md', config })).documentType).toBe('pm');
  });

  it('a generic word dropped, a plural or one qualifier added still matches the section', async () => {
    const template = '# Title\n\n## Summary\n\n## Security Considerations\n\n## User Story Dependencies\n\n## Alternatives\n';
    const result = await lintText('# X\n\n## Summary\n\nS.\n\n## Security\n\nT.\n\n## User Story Dependency Graph\n\nG.\n\n## Alternative Platforms\n\nA.\n', { config: withType(template, {}, true) });
    expect(structural(result.messages)).toEqual([]);
  });

  it('a misspelt long word or a common synonym still matches the section', async () => {
    const template = '# Title\n\n## Summary\n\n## Motivation\n\n## Future possibilities\n\n## Unresolved questions\n';
    const result = await lintText('# X\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n\n## Future Posibilities\n\nF.\n\n## Open points\n\nO.\n', { config: withType(template, {}, true) });
    expect(structural(result.messages)).toEqual([]);
  });

  it('the template file itself is not linted as a document', async () => {
    const config = withType(TEMPLATE);
    const result = await lintText(TEMPLATE, { filePath: '/repo/docs/templates/team.md', config });
    expect([result.messages, result.documentTypeReason]).toEqual([[], 'this file is the template of the type "team"']);
  });

  it('a documents glob wins over a front-matter type field and over detection', async () => {
    const config = withType(TEMPLATE, {}, true);
    const result = await lintText('---\ntype: design-doc\n---\n# Meeting notes\n', { config });
    expect(result.documentType).toBe('team');
  });
});

describe('front matter `type:` belongs to a template that declares it', () => {
  const template = '---\ntitle: <title>\ntype: <Standards Track, Meta, or Informational>\ncreated: <date created on, in ISO 8601 (yyyy-mm-dd) format>\n---\n\n## Abstract\n\n## Specification\n\n## Rationale\n\n## Security Considerations\n';
  it('is checked as the template\'s field (its choices), never "Unknown document type"', async () => {
    const config = withType(template);
    const good = await lintText('---\ntitle: Gas repricing\ntype: Standards Track\ncreated: 2024-02-10\n---\n\n## Abstract\n\nA.\n\n## Specification\n\nS.\n\n## Rationale\n\nR.\n\n## Security Considerations\n\nNone.\n', { filePath: '/repo/docs/eip-1.md', config });
    expect([good.documentType, good.messages.filter((m) => m.ruleId === 'metadata')]).toEqual(['team', []]);
    const bad = await lintText('---\ntitle: Gas repricing\ntype: Core\ncreated: 10 feb 2024\n---\n\n## Abstract\n\nA.\n\n## Specification\n\nS.\n\n## Rationale\n\nR.\n\n## Security Considerations\n\nNone.\n', { filePath: '/repo/docs/eip-2.md', config });
    expect(bad.messages.filter((m) => m.ruleId === 'metadata').map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '3:7 type "Core" is not one of: Standards Track, Meta, Informational',
      '4:10 created "10 feb 2024" is not an ISO 8601 date: write 2024-02-10',
    ]);
  });
});

describe('templates read as their authors mean them', () => {
  it('a setext Title stand-in over `* Key: value` header fields (gRFC) is the title, not a required section', () => {
    const type = compileTemplate({ id: 'g', source: 't', template: 'Title\n----\n* Author(s): [Author Name, Co-Author Name ...]\n* Approver: a11r\n* Status: {Draft, In Review, Ready for Implementation, Implemented}\n* Last updated: [Date]\n\n## Abstract\n\n## Background\n\n## Proposal\n' });
    expect(type.title).toMatchObject({ wildcard: true, level: 2 });
    expect(type.outline.map((p) => p.text)).toEqual(['Abstract', 'Background', 'Proposal']);
    expect(type.metadataFields.map((f) => [f.key, f.kind])).toEqual([['Author(s)', 'text'], ['Approver', 'text'], ['Status', 'enum'], ['Last updated', 'date']]);
  });

  it('stand-in titles without brackets become title patterns', () => {
    const fip = compileTemplate({ id: 'f', source: 't', template: '# FIP-Number: Title\n\n## Summary\n' });
    expect(fip.title!.matcher.test('fip-0012: faster sync')).toBe(true);
    expect(fip.title!.matcher.test('faster sync')).toBe(false);
    const kep = compileTemplate({ id: 'k', source: 't', template: '# KEP-NNNN: Your short, descriptive title\n\n## Summary\n' });
    expect(kep.title!.matcher.test('kep-1287: in-place update of pod resources')).toBe(true);
    expect(kep.placeholderTokens).toContain('Your short, descriptive title');
    const rfc = compileTemplate({ id: 'r', source: 't', template: '# RFC-NNNN\n\n## Summary\n' });
    expect([rfc.title!.wildcard, rfc.title!.matcher.test('rfc-0042')]).toEqual([false, true]);
  });

  it('optionality written in prose, in or under a heading', () => {
    const type = compileTemplate({
      id: 'o', source: 't', template: [
        '# T', '## Open issues (if applicable)', '## Optional: Future work', '## Prior art', 'This section may be omitted.', '## Appendix', '<!-- Delete if not needed. -->',
        '## Dependencies', 'List them, if any.', '## Risks', 'Describe the risks.', '## TODO', 'What is left.',
      ].join('\n\n'),
    });
    expect(type.outline.map((p) => `${p.text}${p.optional ? ' (optional)' : ''}`)).toEqual(['Open issues (optional)', 'Future work (optional)', 'Prior art (optional)', 'Appendix (optional)', 'Dependencies (optional)', 'Risks', 'TODO']);
    expect(type.sectionHeadings.has('todo')).toBe(true);
  });

  it('nested `{…{…}…}` and `<angle>` stand-ins in headings are wildcards and vocabulary', () => {
    const type = compileTemplate({ id: 'm', source: 't', template: '# {short title, representative of solved problem and found solution}\n\n## Pros and Cons\n\n### {title of option {number}}\n\nText for <component name> here.\n' });
    expect(type.allPatterns.find((p) => p.text.startsWith('{title'))!.wildcard).toBe(true);
    expect(type.placeholderTokens).toEqual(expect.arrayContaining(['<component name>']));
  });

  it('a code span beside words in a template heading is a sample value: any value matches', async () => {
    const template = '# Tasks: [FEATURE]\n\n## Format: `[ID] [P?] Description`\n\n## Phase 1: Setup\n';
    const result = await lintText('# Tasks: Login\n\n## Format: `[T###] [P] [US#] Description with file path`\n\nT.\n\n## Phase 1: Setup\n\n- [ ] T001 x\n', { config: withType(template, {}, true) });
    expect(structural(result.messages)).toEqual([]);
  });

  it('metadata written as a two-column table', async () => {
    const template = '# Design: [Name]\n\n| Field | Value |\n| --- | --- |\n| Status | Draft \\| Approved |\n| Owner | [Name] |\n| Created | YYYY-MM-DD |\n\n## Overview\n\n## Design\n';
    const config = withType(template, {}, true);
    const result = await lintText('# Design: Cache\n\n| Field | Value |\n| --- | --- |\n| Status | Shipped |\n| Owner | Ada |\n| Created | 2026-02-30 |\n\n## Overview\n\nO.\n\n## Design\n\nD.\n', { config });
    expect(result.messages.filter((m) => m.ruleId === 'metadata').map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '5:12 Status "Shipped" is not one of: Draft, Approved',
      '7:13 Created "2026-02-30" is not a date that exists (Feb 2026 has no day 30)',
    ]);
  });

  it('enums match whatever the case and markup, with a did-you-mean otherwise', async () => {
    const config = withType(TEMPLATE.replace('Draft | Review | Approved', 'DRAFT | IN_REVIEW | APPROVED'), {}, true);
    const body = '\n\n## Summary\n\nT.\n\n## Motivation\n\n### Goals\n\nT.\n\n### Non-Goals\n\nT.\n\n## Design\n\nT.\n\n## Risks and Mitigations\n\nT.\n\n## Alternatives\n\nT.\n';
    const ok = await lintText(`# Proposal: X\n\n**Status**: **Approved** (2025-04-01)\n**Created**: 2025-03-01${body}`, { config });
    expect(ok.messages.filter((m) => m.ruleId === 'metadata')).toEqual([]);
    const typo = await lintText(`# Proposal: X\n\n**Status**: Aproved\n**Created**: 2025-03-01${body}`, { config });
    expect(typo.messages.filter((m) => m.ruleId === 'metadata').map((m) => m.message)).toEqual(['Status "Aproved" is not one of: DRAFT, IN_REVIEW, APPROVED (did you mean "APPROVED"?)']);
  });
});

describe('template drift: `since`', () => {
  const template = '# KEP-NNNN: Title\n\n## Summary\n\n## Production Readiness Review Questionnaire\n<!-- speclint: since 2023-01-15 -->\n\n## Drawbacks\n';
  const doc = (date: string) => `# KEP-12: Something\n\n${date ? `- Created: ${date}\n\n` : ''}## Summary\n\nS.\n\n## Drawbacks\n\nD.\n`;
  it('a section is required only for documents dated on or after its date; undated documents count as new', async () => {
    for (const [date, missing] of [['2022-06-01', 0], ['2023-01-15', 1], ['', 1]] as const) {
      const result = await lintText(doc(date), { config: withType(template, {}, true) });
      expect(structural(result.messages).length, date || 'no date').toBe(missing);
    }
  });

  it('the same from config, per section', async () => {
    const config = withType(template.replace('<!-- speclint: since 2023-01-15 -->\n', ''), { since: { 'Production Readiness Review Questionnaire': '2023-01-15' } }, true);
    expect(structural((await lintText(doc('2022-06-01'), { config })).messages)).toEqual([]);
    expect(structural((await lintText(doc('2024-06-01'), { config })).messages)).toHaveLength(1);
  });
});
