/** The per-file summary fields the set rules read: ids, tasks, numbers, relations, index entries, directives. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine.js';
import type { DocumentSummary } from '../../src/types.js';

async function summary(text: string, filePath = 'doc.md'): Promise<DocumentSummary> {
  return (await lintText(text, { filePath })).summary!;
}

const ids = (list: DocumentSummary['ids']['defined']) => list.map((i) => `${i.id}@${i.line}:${i.column}-${i.endColumn}${i.title ? ` "${i.title}"` : ''}${i.in ? ` (${i.in})` : ''}`);

describe('ids defined and cited', () => {
  it('reads requirement definitions in lists, tables and headings, with their text, and citations elsewhere', async () => {
    const s = await summary([
      '# Spec', '',
      '- **FR-001**: Users MUST be able to sign in.',
      '- FR-2: Sessions expire after 30 minutes.',
      '| SC-001 | 95 % succeed |',
      '### NFR-003 (performance)', '',
      'Sign-in (FR-001) must meet SC-001 and FR-002a.',
    ].join('\n'));
    expect(ids(s.ids.defined)).toEqual([
      'FR-1@3:5-11 "Users MUST be able to sign in"',
      'FR-2@4:3-7 "Sessions expire after 30 minutes"',
      'SC-1@5:3-9 "95 % succeed" (table)',
      'NFR-3@6:5-12 "(performance)" (heading)',
    ]);
    expect(ids(s.ids.referenced)).toEqual(['FR-1@8:10-16', 'SC-1@8:28-34', 'FR-2a@8:39-46']);
  });

  it('reads user stories in every spelling, with the title a heading gives them', async () => {
    const s = await summary([
      '# Tasks', '',
      '## Phase 3: User Story 2 - Export the log (Priority: P2) 🎯 MVP', '',
      '- [ ] T010 [US2] CSV endpoint',
      '- [ ] T011 [US-3] PDF endpoint, see user story 4 and US5',
    ].join('\n'));
    expect(ids(s.ids.referenced)).toEqual([
      'US-2@3:13-25 "Export the log" (heading)',
      'US-2@5:13-16',
      'US-3@6:13-17',
      'US-4@6:37-49',
      'US-5@6:54-57',
    ]);
  });

  it('defines a story by a heading that starts with it', async () => {
    const s = await summary('# Spec\n\n### User Story 1 - Invite a teammate (Priority: P1)\n\n### US2: Revoke an invitation\n');
    expect(ids(s.ids.defined)).toEqual(['US-1@3:5-17 "Invite a teammate" (heading)', 'US-2@5:5-8 "Revoke an invitation" (heading)']);
  });

  it('expands ranges of one prefix', async () => {
    const s = await summary('Covers FR-001 to FR-003 and US1-US2.\n');
    expect(s.ids.referenced.map((i) => i.id)).toEqual(['FR-1', 'FR-2', 'FR-3', 'US-1', 'US-2']);
  });

  it('does not read ids in code, HTML comments or front matter, nor digits glued to other text', async () => {
    const s = await summary(['---', 'ref: FR-009', '---', '', '<!-- e.g. FR-007, US1 -->', '', '```', 'FR-008', '```', '', 'SHA-256 is not FR-001.5 nor aFR-002 nor FR-003x1.'].join('\n'));
    expect(s.ids.referenced.map((i) => i.id)).toEqual(['SHA-256']);
    expect(s.ids.defined).toEqual([]);
  });

  it('reads Kiro requirements, their acceptance criteria and citations (lists and ranges)', async () => {
    const s = await summary([
      '# Requirements Document', '',
      '### Requirement 1: Reset link', '',
      '#### Acceptance Criteria', '',
      '1. WHEN a user asks THEN the system SHALL send a link',
      '2. WHEN the address is unknown THEN the system SHALL say the same', '',
      '### Requirement 2', '',
      '1. WHEN the link is old THEN the system SHALL reject it', '',
      '- [ ] 3. Throttle', '  - _Requirements: 1.1, 1.3-1.4, 2_',
    ].join('\n'));
    expect(s.ids.defined.map((i) => `${i.id}@${i.line}${i.title ? ` "${i.title}"` : ''}`)).toEqual([
      'R1@3 "Reset link"', 'R1.1@7 "WHEN a user asks THEN the system SHALL send a link"', 'R1.2@8 "WHEN the address is unknown THEN the system SHALL say the same"',
      'R2@10', 'R2.1@12 "WHEN the link is old THEN the system SHALL reject it"',
    ]);
    expect(s.ids.referenced.map((i) => `${i.id}@${i.line}:${i.column}`)).toEqual(['R1.1@15:20', 'R1.3@15:25', 'R1.4@15:29', 'R2@15:34']);
    expect(s.tasks.items).toEqual([{ line: 14, column: 3, checked: false, endLine: 15, id: '3', refs: ['R1.1', 'R1.3', 'R1.4', 'R2'], heading: 3 }]);
  });
});

describe('tasks', () => {
  it('gives each task its id, state, heading and the ids it cites (not its subtasks\' ones)', async () => {
    const s = await summary([
      '# Tasks', '',
      '## Phase 1',
      '- [x] T001 [P] [US1] Model (FR-001)',
      '- [ ] T002a Follow-up',
      '- [ ] 2. Parent task',
      '  - [X] 2.1 Child task',
      '    - _Requirements: 1.2_',
      '- [] malformed is not a task',
    ].join('\n'));
    expect(s.tasks.total).toBe(4);
    expect(s.tasks.checked).toBe(2);
    expect(s.tasks.items).toEqual([
      { line: 4, column: 3, checked: true, id: 'T001', refs: ['US-1', 'FR-1'], heading: 1 },
      { line: 5, column: 3, checked: false, id: 'T002a', heading: 1 },
      { line: 6, column: 3, checked: false, endLine: 8, id: '2', heading: 1 },
      { line: 7, column: 5, checked: true, endLine: 8, id: '2.1', refs: ['R1.2'], heading: 1 },
    ]);
  });
});

describe('numbers, fields, status and relations', () => {
  it('reads the number of the title and of number fields, and the status position', async () => {
    const s = await summary('# KEP-1234: Sidecars\n\n* Proposal: [SE-0073](0073-x.md)\n* Status: **Implemented (Swift 6.0)**\n');
    expect(s.numbers).toEqual([
      { value: 1234, source: 'title', text: 'KEP-1234', line: 1, column: 3, endColumn: 11 },
      { value: 73, source: 'metadata', key: 'proposal', text: '[SE-0073](0073-x.md)', line: 3, column: 13, endColumn: 33 },
    ]);
    expect(s.status).toBe('Implemented');
    expect(s.statusAt).toEqual({ line: 4, column: 11, endColumn: 38 });
    expect(s.fields?.proposal?.value).toBe('[SE-0073](0073-x.md)');
  });

  it('reads a Nygard status section and supersede relations from metadata and status', async () => {
    const nygard = await summary('# 3. Use RabbitMQ\n\n## Status\n\nSuperseded by [4. Use Kafka](0004-use-kafka.md)\n\n## Context\n\nText.\n');
    expect(nygard.status).toBe('Superseded by 4. Use Kafka');
    expect(nygard.statusAt).toEqual({ line: 5, column: 1, endColumn: 48 });
    expect(nygard.relations).toEqual([{ kind: 'superseded-by', line: 5, column: 1, endColumn: 48, targets: [{ text: '4. Use Kafka', url: '0004-use-kafka.md', number: 4 }] }]);
    const eip = await summary('---\neip: 2\nstatus: Final\nsuperseded-by: 7702\nreplaces: [1, 3]\n---\n\n## Abstract\n');
    expect(eip.relations?.map((r) => `${r.kind} ${r.targets.map((t) => t.number).join(',')}`)).toEqual(['superseded-by 7702', 'replaces 1,3']);
    const prose = await summary('# Doc\n\nThis method is superseded by [`request`](#request).\n');
    expect(prose.relations).toBeUndefined();
  });

  it('lists index entries (table rows and list items) only for documents with three local links or more', async () => {
    const s = await summary('# RFCs\n\n| RFC | Title | Status |\n| --- | --- | --- |\n| [0001](0001-a.md) | First | Accepted |\n| [0002](0002-b.md) | Second | Draft |\n\n- [Third](0003-c.md) — Final\n- [Site](https://example.org)\n');
    expect(s.index).toEqual([
      { url: '0001-a.md', text: '0001', line: 5, column: 3, endColumn: 20, cells: { RFC: '0001', Title: 'First', Status: 'Accepted' } },
      { url: '0002-b.md', text: '0002', line: 6, column: 3, endColumn: 20, cells: { RFC: '0002', Title: 'Second', Status: 'Draft' } },
      { url: '0003-c.md', text: 'Third', line: 8, column: 3, endColumn: 21, item: '[Third](0003-c.md) — Final' },
    ]);
    expect((await summary('[a](a.md) [b](b.md)\n')).index).toBeUndefined();
  });

  it('keeps the inline directives', async () => {
    const s = await summary('# Spec\n\n<!-- speclint-disable-next-line trace-undefined-id -- legacy -->\nSee FR-009.\n');
    expect(s.directives).toEqual([{ kind: 'disable-next-line', rules: ['trace-undefined-id'], reason: 'legacy', line: 3, endLine: 3, column: 1, endColumn: 65 }]);
  });

  it('is plain JSON', async () => {
    const s = await summary('# KEP-1: X\n\n- **FR-001**: Y\n- [ ] T001 [US1] Z (FR-001)\n\nStatus: Draft\n');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
