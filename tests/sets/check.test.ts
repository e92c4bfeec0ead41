/** checkSets as the project layer sees it: severities and options per file, directives, fingerprints, related. */
import { describe, expect, it } from 'vitest';
import { checkSets, discoverSets, setRules } from '../../src/sets/index.js';
import type { SetRule } from '../../src/sets/index.js';
import { runSets, summariesOf } from './helpers.js';

const spec = [
  '# Feature Specification: Export', '', '**Status**: Draft', '',
  '### User Story 1 - Export as CSV (Priority: P1)', '', 'Text.', '',
  '- **FR-001**: Users MUST be able to export as CSV.', '',
].join('\n');
const tasks = ['# Tasks: Export', '', '## Phase 1: User Story 1 - Export as CSV', '', '- [x] T001 [US1] CSV writer (FR-001, FR-002)', '- [x] T002 [US2] PDF writer', ''].join('\n');
const files = { 'specs/001-export/spec.md': spec, 'specs/001-export/tasks.md': tasks };

describe('checkSets', () => {
  it('runs every set rule at its default severity, with related locations and keys', async () => {
    const { findings } = await runSets(files);
    expect(findings.map((f) => `${f.ruleId} ${f.severity} ${f.filePath}:${f.line}:${f.column} ${f.key}`)).toEqual([
      'status-lags-tasks warn specs/001-export/spec.md:3:13 lags:draft',
      'trace-undefined-id error specs/001-export/tasks.md:5:38 undefined:FR-2',
      'trace-undefined-id error specs/001-export/tasks.md:6:13 undefined:US-2',
    ]);
    expect(findings[1]!.related).toEqual([{ filePath: 'specs/001-export/spec.md', line: 9, column: 5, endColumn: 11, message: 'last FR the spec defines' }]);
    expect(findings.every((f) => /^[0-9a-f]{32}$/.test(f.fingerprint!))).toBe(true);
  });

  it('takes severity and options per rule and file from the lookup (an override can turn a rule off for one file)', async () => {
    const { findings } = await runSets(files, undefined, {
      ruleConfig: (ruleId, filePath) => {
        if (ruleId === 'status-lags-tasks') return { severity: 'error', options: {} };
        if (ruleId === 'trace-undefined-id' && filePath.endsWith('tasks.md')) return { severity: 'off', options: {} };
        return undefined;
      },
    });
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['status-lags-tasks error']);
  });

  it('honours inline directives of the file a finding lands in (kept, marked suppressed)', async () => {
    const withDirective = { ...files, 'specs/001-export/tasks.md': tasks.replace('- [x] T002', '<!-- speclint-disable-next-line trace-undefined-id -- PDF comes later -->\n- [x] T002') };
    const { findings } = await runSets(withDirective);
    const suppressed = findings.filter((f) => f.suppressed);
    expect(suppressed.map((f) => `${f.ruleId} ${f.line} ${f.suppressed!.justification}`)).toEqual(['trace-undefined-id 7 PDF comes later']);
  });

  it('keeps fingerprints when lines move', async () => {
    const before = await runSets(files);
    const after = await runSets({ ...files, 'specs/001-export/tasks.md': `<!-- moved -->\n\n${tasks}` });
    expect(after.findings.map((f) => f.line)).not.toEqual(before.findings.map((f) => f.line));
    expect(after.findings.map((f) => f.fingerprint)).toEqual(before.findings.map((f) => f.fingerprint));
  });

  it('turns a rule that throws into one finding instead of a crash', async () => {
    const summaries = await summariesOf(files);
    const broken: SetRule = { meta: { ...setRules[0]!.meta, id: 'broken' }, check: () => { throw new Error('boom'); } };
    const findings = checkSets(discoverSets(Object.keys(files)), summaries, {}, [broken]);
    expect(findings.map((f) => `${f.ruleId} ${f.filePath}:${f.line} ${f.message}`)).toEqual(['broken specs/001-export/spec.md:1 Rule "broken" failed: boom']);
  });

  it('accepts the summaries as a plain object (as read back from a cache or a shard\'s JSON)', async () => {
    const summaries = await summariesOf(files);
    const fromJson = JSON.parse(JSON.stringify(Object.fromEntries(summaries)));
    const sets = discoverSets(Object.keys(files));
    expect(checkSets(sets, fromJson)).toEqual(checkSets(sets, summaries));
  });

  it('skips set members it has no summary for', async () => {
    const summaries = await summariesOf({ 'specs/001-export/tasks.md': tasks });
    expect(checkSets(discoverSets(Object.keys(files)), summaries)).toEqual([]);
  });

  it('every set rule has meta the config and docs need', () => {
    for (const rule of setRules) {
      expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(rule.meta.docsUrl).toContain(`docs/rules/${rule.meta.id}.md`);
      expect(['error', 'warn', 'off']).toContain(rule.meta.defaultSeverity);
      expect(rule.meta.tags).toContain('sets');
    }
    expect(new Set(setRules.map((r) => r.meta.id)).size).toBe(setRules.length);
  });
});
