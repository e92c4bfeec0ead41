/**
 * Which type a document gets (src/templates/index.ts, signature.ts), asserted as a user sees it: the JSON report's
 * `documentType` and `documentTypeReason` for files in a project, and `--verbose` for an untyped file. Built-in types
 * on specs as people write them (numbered headings, a shorter or older outline, sections a level up); a title that
 * names another kind of document; evidence unique to one of two templates that share most sections.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Speclint } from '../../src/index.js';
import { numbered } from './numbered.js';
import { runInProcess, tempProject } from '../cli/run-cli.js';

const root = join(import.meta.dirname, '..', '..');
const BUILTIN = ['feature-plan', 'feature-spec', 'tech-spec', 'design-doc', 'implementation-plan'];

interface JsonReport {
  filePath: string;
  documentType: string | null;
  documentTypeReason?: string;
}

/** Lints the project's files and returns, per file, the type the JSON report gives it. */
async function reportedTypes(files: Record<string, string>, patterns = ['.']): Promise<Record<string, JsonReport>> {
  const dir = tempProject(files);
  const speclint = new Speclint({ cwd: dir });
  const { results } = await speclint.lintFiles(patterns);
  const json = (JSON.parse((await speclint.loadFormatter('json')).format(results)) as { results: JsonReport[] }).results;
  // (a registered template file is reported too, with nothing to check: left out here)
  return Object.fromEntries(json.filter((r) => !r.documentTypeReason?.startsWith('this file is the template')).map((r) => [r.filePath.replace(`${dir}/`, ''), r]));
}

/** Only the top-level sections (`##`) and their own text: a spec from a shorter or older version of the template. */
function topLevelOnly(text: string): string {
  let fence = false;
  let skipping = false;
  return text
    .split('\n')
    .filter((line) => {
      if (/^```/.test(line)) fence = !fence;
      const m = !fence && /^(#{2,6}) /.exec(line);
      if (m) skipping = m[1]!.length > 2;
      return !skipping;
    })
    .join('\n');
}

/** A title of the author's own, not the template's title form. */
const ownTitle = (text: string) => text.replace(/^# .*$/m, '# Audit Log Export');

describe('every built-in type is detected on specs as people write them (JSON report)', () => {
  const variants: Record<string, (text: string) => string> = {
    'numbered headings (`## 1. Executive Summary`, `### 2.1 Problem Statement`), own title': (t) => numbered(ownTitle(t)),
    'a shorter, older outline: top-level sections only, own title': (t) => ownTitle(topLevelOnly(t)),
    'numbered top-level sections only, own title': (t) => numbered(ownTitle(topLevelOnly(t))),
    'numbered, sections one level up, own title': (t) => numbered(ownTitle(t)).replace(/^#(#+) /gm, '$1 '),
  };
  for (const [name, variant] of Object.entries(variants)) {
    it(name, async () => {
      const files: Record<string, string> = {};
      for (const id of BUILTIN) {
        const original = readFileSync(join(root, 'fixtures', 'types', id, 'valid.md'), 'utf8');
        const text = variant(original);
        expect(text, id).not.toBe(original);
        files[`docs/${id}.md`] = text;
      }
      const reports = await reportedTypes(files);
      expect(Object.fromEntries(BUILTIN.map((id) => [id, reports[`docs/${id}.md`]!.documentType]))).toEqual(Object.fromEntries(BUILTIN.map((id) => [id, id])));
    });
  }
});

const PROPOSAL_TEMPLATE = `# Proposal: [Title]

Author(s): [Author Name]

Last updated: [Date]

## Abstract

## Background

## Proposal

## Rationale

## Compatibility

## Implementation
`;

describe('a title that names another kind of document', () => {
  const config = JSON.stringify({ types: { proposal: { template: 'design/_template.md' } } });

  it('is not the template\'s type, beside its template and with its sections; --verbose says why', async () => {
    const draft = '# Widget Caching — Draft Design\n\n## Abstract\n\nA.\n\n## Background\n\nB.\n\n## Design\n\nD.\n\n## Rationale\n\nR.\n\n## Compatibility\n\nC.\n';
    const prefixed = '# Design Draft: Widget Caching\n\nAuthor(s): Ann\n\n## Abstract\n\nA.\n\n## Background\n\nB.\n\n## Proposal\n\nP.\n\n## Rationale\n\nR.\n\n## Compatibility\n\nC.\n\n## Implementation\n\nI.\n';
    const files = { '.specrc.json': config, 'design/_template.md': PROPOSAL_TEMPLATE, 'design/draft-caching.md': draft, 'design/draft-widgets.md': prefixed };
    const reports = await reportedTypes(files, ['design']);
    expect([reports['design/draft-caching.md']!.documentType, reports['design/draft-widgets.md']!.documentType]).toEqual([null, null]);
    const dir = tempProject(files);
    const { stderr } = await runInProcess(['--verbose', 'design/draft-caching.md'], { cwd: dir });
    expect(stderr).toMatch(/^design\/draft-caching\.md: no document type \(.*closest: proposal with \d+ % of its sections and fields, \d+ % needed \(lives beside the template, but its title names another kind of document\)\)/m);
  });

  it('a title that names the template\'s kind (`…: A Proposal`), or none at all, is still that type', async () => {
    const reports = await reportedTypes({
      '.specrc.json': config,
      'design/_template.md': PROPOSAL_TEMPLATE,
      'design/1-kind.md': '# Widget caching: A Proposal\n\nAuthor(s): Ann\n\n## Background\n\nB.\n\n## Design\n\nD.\n',
      'design/2-plain.md': '# Widget caching\n\nAuthor(s): Ann\n\n## Abstract\n\nA.\n\n## Background\n\nB.\n\n## Design\n\nD.\n',
      'design/3-prefixed.md': '# Proposal: Widget caching\n\nAuthor(s): Ann\n\n## Abstract\n\nA.\n\n## Proposal\n\nP.\n',
      // Its own outline under the template's title form and one header field: the title is the second item.
      'design/4-own-outline.md': '# Proposal: Widget eviction\n\nAuthor(s): Ann\n\n## Summary\n\nS.\n\n## Detailed design\n\nD.\n',
    }, ['design']);
    expect(Object.fromEntries(Object.entries(reports).map(([path, r]) => [path, r.documentType]))).toEqual({
      'design/1-kind.md': 'proposal',
      'design/2-plain.md': 'proposal',
      'design/3-prefixed.md': 'proposal',
      'design/4-own-outline.md': 'proposal',
    });
  });
});

describe('two templates of one collection that share most sections', () => {
  const sections = '## Introduction\n\n## Motivation\n\n## Proposed solution\n\n## Detailed design\n\n## Source compatibility\n\n';
  const main = `# Feature name\n\n* Proposal: [LG-NNNN](NNNN-filename.md)\n* Authors: [Author 1](https://example.com)\n* Status: **Awaiting review**\n\nGuidance: fill in the fields above.\n\n${sections}## Binary compatibility\n\n## Alternatives considered\n`;
  const tooling = `# Tooling Feature name\n\n* Proposal: [TL-NNNN](NNNN-filename.md)\n* Authors: [Author 1](https://example.com)\n* Status: **Awaiting review**\n* Bug: _if applicable_ [tracker#NNNNN](https://example.com)\n\nGuidance: fill in the fields above.\n\n${sections}## Integration with editors\n\n## Alternatives considered\n`;
  const config = JSON.stringify({ types: { language: { template: 'acme-evolution/templates/0000-template.md' }, tooling: { template: 'acme-evolution/templates/0000-acme-tooling-template.md' } } });
  const body = (id: string, extra: string) => `\n\n* Proposal: [${id}](x.md)\n* Authors: [Ann](https://example.com)\n* Status: **Implemented**\n\n${sections.replace(/\n\n/g, '\n\nText.\n\n')}${extra}## Alternatives considered\n\nText.\n`;
  const files = {
    '.specrc.json': config,
    'acme-evolution/templates/0000-template.md': main,
    'acme-evolution/templates/0000-acme-tooling-template.md': tooling,
    // In the folder that names the tooling template, with its ID form: the tooling type, though the title does not
    // follow its fixed form and the main template has every section the document has but one.
    'acme-evolution/proposals/tooling/0007-faster-indexing.md': `# Faster indexing${body('TL-0007', '')}`,
    // Its section only the tooling template has, with no ID and nowhere special: still the tooling type.
    'elsewhere/0008-editor-hooks.md': `# Editor hooks${body('none', '## Integration with editors\n\nText.\n\n')}`,
    // The main template's ID form, beside both templates: the main type.
    'acme-evolution/proposals/0042-tuples.md': `# Tuples${body('LG-0042', '## Binary compatibility\n\nText.\n\n')}`,
  };

  it('an ID of one template\'s form, a folder named after it and a section only it has choose that template', async () => {
    const reports = await reportedTypes(files, ['acme-evolution/proposals', 'elsewhere']);
    expect(Object.fromEntries(Object.entries(reports).map(([path, r]) => [path, r.documentType]))).toEqual({
      'acme-evolution/proposals/0042-tuples.md': 'language',
      'acme-evolution/proposals/tooling/0007-faster-indexing.md': 'tooling',
      'elsewhere/0008-editor-hooks.md': 'tooling',
    });
    expect(reports['acme-evolution/proposals/tooling/0007-faster-indexing.md']!.documentTypeReason).toBe(
      "auto-detected: its ID has the template's form, the file lives where the template does, the file is named as the template and 82 % of the template's sections and fields are present",
    );
  });
});

describe('a template made for one kind of document', () => {
  const main = '# Feature name\n\n* Proposal: [LG-NNNN](NNNN-filename.md)\n* Authors: [Author 1](https://example.com)\n* Status: **Awaiting review**\n* Implementation: [repo#NNNNN](https://example.com)\n\n## Summary of changes\n\n## Motivation\n\n## Proposed solution\n\n## Detailed design\n\n## Source compatibility\n\n## Binary compatibility\n\n## Implications on adoption\n\n## Future directions\n\n## Alternatives considered\n\n## Acknowledgments\n';
  const packages = '# Package Manager Feature name\n\n* Proposal: [LG-NNNN](NNNN-filename.md)\n* Authors: [Author 1](https://example.com)\n* Status: **Awaiting review**\n\n*During the review process, add the following fields as needed:*\n\n* Implementation: [repo#NNNNN](https://example.com)\n\n## Introduction\n\n## Motivation\n\n## Proposed solution\n\n## Detailed design\n\n## Security\n\n## Alternatives considered\n';
  const config = JSON.stringify({ types: { language: { template: 'templates/0000-template.md' }, packages: { template: 'templates/0000-packages-template.md' } } });
  const header = (id: string) => `* Proposal: [${id}](x.md)\n* Author: [Ann](https://example.com)\n* Status: **Implemented**\n\n`;
  it('is meant only when the document shows that kind: a section only it has, not the outline it shares with an older main template', async () => {
    const reports = await reportedTypes({
      '.specrc.json': config,
      'templates/0000-template.md': main,
      'templates/0000-packages-template.md': packages,
      // An old proposal in the short outline the packages template kept: a better share of the packages template
      // than of the grown main template, but nothing of packages.
      'proposals/0009-old.md': `# Require self\n\n${header('LG-0009')}## Motivation\n\nM.\n\n## Proposed solution\n\nP.\n\n## Detailed design\n\nD.\n\n## Alternatives considered\n\nA.\n`,
      'proposals/0291-registry.md': `# Package registry\n\n${header('LG-0291')}## Introduction\n\nI.\n\n## Motivation\n\nM.\n\n## Proposed solution\n\nP.\n\n## Detailed design\n\nD.\n\n## Security\n\nS.\n\n## Alternatives considered\n\nA.\n`,
    }, ['proposals']);
    expect(Object.fromEntries(Object.entries(reports).map(([path, r]) => [path, r.documentType]))).toEqual({ 'proposals/0009-old.md': 'language', 'proposals/0291-registry.md': 'packages' });
  });
});

describe('older and shorter documents of a registered template', () => {
  it('a title in the template\'s form over its header fields is enough where the template lives, without its sections', async () => {
    const template = '# Feature Specification: [FEATURE NAME]\n\n**Feature Branch**: `[###-feature-name]`\n\n**Created**: [DATE]\n\n**Status**: Draft\n\n## User Scenarios & Testing\n\n## Requirements\n\n## Success Criteria\n';
    const spec = '# Feature Specification: Login Fix\n\n**Feature Branch**: `004-login-fix`\n\n**Created**: 2025-01-10\n\n**Status**: Draft\n\n## Problem Statement\n\nP.\n\n## Root Cause\n\nR.\n\n## Solution\n\nS.\n';
    const reports = await reportedTypes({ '.specrc.json': JSON.stringify({ types: { spec: { template: 'templates/spec-template.md' } } }), 'templates/spec-template.md': template, 'specs/004-login-fix/spec.md': spec }, ['specs']);
    expect(reports['specs/004-login-fix/spec.md']!.documentType).toBe('spec');
  });

  it('numbered sibling families of the template (`Phase 1: Setup`) count as one section each', async () => {
    const template = '# Tasks: [FEATURE NAME]\n\n## Path Conventions\n\n## Phase 1: Setup (Shared Infrastructure)\n\n## Phase 2: Foundational\n\n## Phase 3: User Story 1 - [Title]\n\n## Dependencies & Execution Order\n\n### Phase Dependencies\n\n### Parallel Opportunities\n\n## Implementation Strategy\n\n### MVP First\n\n### Incremental Delivery\n\n## Notes\n';
    // No section of the template but its phases: without the family as an item, nothing would match.
    const tasks = '# Task Plan: Config Loading\n\n## Phase 1: Setup\n\n- [ ] T001 Create the module\n\n## Phase 2: User Story 1 - Load config (P1)\n\n- [ ] T002 Read the file\n';
    const reports = await reportedTypes({ '.specrc.json': JSON.stringify({ types: { tasks: { template: '.specify/templates/tasks-template.md' } } }), '.specify/templates/tasks-template.md': template, 'specs/001-config/tasks.md': tasks }, ['specs']);
    expect([reports['specs/001-config/tasks.md']!.documentType, reports['specs/001-config/tasks.md']!.documentTypeReason]).toEqual([
      'tasks',
      "auto-detected: the file is named as the template and 18 % of the template's sections and fields are present",
    ]);
  });
});
