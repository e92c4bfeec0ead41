/**
 * Spec sets through the real CLI (src/cli/main.ts in this process; one spawn for the worker path): set findings in
 * the report of the file they land in, with related locations; config, directives, baselines, the cache, --changed,
 * `speclint trace`, and shards merged by `speclint sets --from`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runInProcess, tempProject } from './run-cli.js';

interface JsonMessage {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  related?: Array<{ filePath: string; line: number; message: string }>;
}
interface JsonReport {
  results: Array<{ filePath: string; messages: JsonMessage[]; errorCount: number; warningCount: number }>;
  errorCount: number;
  warningCount: number;
  sets?: Array<{ id: string; kind: string; members: Array<{ path: string; role: string }> }>;
}

const SET_RULES = /^(trace-|status-|supersede-|collection-)/;

/** `file:line rule` for every set finding of a JSON report, sorted. */
function setFindings(report: JsonReport): string[] {
  return report.results
    .flatMap((r) => r.messages.filter((m) => SET_RULES.test(m.ruleId)).map((m) => `${r.filePath}:${m.line} ${m.ruleId}`))
    .sort();
}

const SPEC = `# Feature Specification: CSV Import

**Feature Branch**: \`003-csv-import\`
**Status**: Draft

## User Scenarios & Testing

### User Story 1 - Import contacts from a CSV file (Priority: P1)

A user uploads a CSV file and sees the imported contacts.

### User Story 2 - Export contacts (Priority: P2)

A user downloads the contacts as CSV.

## Requirements

- **FR-001**: Users MUST be able to upload a CSV file.
`;

const TASKS = `# Tasks: CSV Import

## Phase 1: User Story 1 - Import contacts from a CSV file (Priority: P1)

- [x] T001 [US1] Upload endpoint (FR-001)
- [x] T002 [US1] Column mapping screen
- [x] T003 [US3] Import job with progress
`;

const KIRO_REQUIREMENTS = `# Requirements Document

## Requirements

### Requirement 1: Request a reset link

#### Acceptance Criteria

1. WHEN a user submits a registered email THEN the system SHALL send a reset link
2. WHEN a user submits an unknown email THEN the system SHALL show the same confirmation
`;

const KIRO_TASKS = `# Implementation Plan

- [ ] 1. Reset request endpoint
  - _Requirements: 1.1, 1.2_
- [ ] 2. Rate limiting
  - _Requirements: 1.3_
`;

const adr_ = (title: string) => `# ${title}\n\nStatus: Accepted\n\n## Context\n\nWe needed a decision about ${title.toLowerCase()}.\n`;

function project(extra: Record<string, string> = {}): string {
  return tempProject({
    'specs/003-csv-import/spec.md': SPEC,
    'specs/003-csv-import/tasks.md': TASKS,
    '.kiro/specs/password-reset/requirements.md': KIRO_REQUIREMENTS,
    '.kiro/specs/password-reset/tasks.md': KIRO_TASKS,
    'docs/adr/0001-use-markdown.md': adr_('1. Use Markdown'),
    'docs/adr/0002-use-postgres.md': adr_('2. Use Postgres'),
    'docs/adr/0002-use-flags.md': adr_('2. Use feature flags'),
    'docs/adr/0003-use-queues.md': adr_('4. Use queues'),
    ...extra,
  });
}

async function json(args: string[], cwd: string): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await runInProcess(['-f', 'json', ...args], { cwd });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

describe('set rules in a lint run', () => {
  it('reports cross-file findings at the right file and line, with related locations, and fails the run', async () => {
    const cwd = project();
    const { code, report } = await json(['.'], cwd);
    expect(setFindings(report)).toEqual([
      '.kiro/specs/password-reset/tasks.md:6 trace-undefined-id',
      'docs/adr/0002-use-postgres.md:1 collection-duplicate-number',
      'docs/adr/0003-use-queues.md:1 collection-number-mismatch',
      'specs/003-csv-import/spec.md:12 trace-uncovered',
      'specs/003-csv-import/spec.md:4 status-lags-tasks',
      'specs/003-csv-import/tasks.md:7 trace-undefined-id',
    ]);
    expect(code).toBe(1);
    const tasks = report.results.find((r) => r.filePath === 'specs/003-csv-import/tasks.md')!;
    const undefinedId = tasks.messages.find((m) => m.ruleId === 'trace-undefined-id')!;
    expect(undefinedId).toMatchObject({ severity: 'error', line: 7 });
    expect(undefinedId.message).toContain('User story 3 is not in spec.md');
    expect(undefinedId.related?.[0]?.filePath).toBe('specs/003-csv-import/spec.md');
    expect(tasks.errorCount).toBeGreaterThanOrEqual(1);
    // The JSON report lists the sets found and why.
    expect(report.sets?.map((s) => s.kind).sort()).toEqual(['collection', 'kiro', 'speckit']);
    expect(report.sets?.find((s) => s.kind === 'speckit')?.members).toEqual([
      { path: 'specs/003-csv-import/spec.md', role: 'spec' },
      { path: 'specs/003-csv-import/tasks.md', role: 'tasks' },
    ]);
  });

  it('status against evidence: Draft while every task is done', async () => {
    const cwd = tempProject({
      'specs/003-csv-import/spec.md': SPEC.replace('### User Story 2 - Export contacts (Priority: P2)\n\nA user downloads the contacts as CSV.\n\n', ''),
      'specs/003-csv-import/tasks.md': TASKS.replace('[US3]', '[US1]'),
    });
    const { code, report } = await json(['.'], cwd);
    expect(setFindings(report)).toEqual(['specs/003-csv-import/spec.md:4 status-lags-tasks']);
    expect(code).toBe(0); // a warning
  });

  it('text shows related places briefly; --verbose names the sets', async () => {
    const cwd = project();
    const run = await runInProcess(['--verbose', 'specs'], { cwd });
    expect(run.stdout).toMatch(/7:\d+ +error +User story 3 is not in spec.md.* +trace-undefined-id\n +↳ specs\/003-csv-import\/spec\.md:\d+ /);
    expect(run.stderr).toContain('set speckit:specs/003-csv-import: speckit "003-csv-import"');
  });

  it('SARIF carries relatedLocations', async () => {
    const cwd = project();
    const run = await runInProcess(['-f', 'sarif', 'specs'], { cwd });
    const results = (JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> }).runs[0]!.results;
    const finding = results.find((r) => r.ruleId === 'trace-undefined-id')!;
    expect(finding.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri).toBe('specs/003-csv-import/spec.md');
  });

  it('honours per-file config (an override turns a rule off where the finding lands) and --no-sets', async () => {
    const cwd = project({ '.specrc.json': JSON.stringify({ overrides: [{ files: ['**/tasks.md'], rules: { 'trace-undefined-id': 'off' } }], rules: { 'trace-uncovered': 'error' } }) });
    const { report } = await json(['specs'], cwd);
    expect(setFindings(report)).toEqual(['specs/003-csv-import/spec.md:12 trace-uncovered', 'specs/003-csv-import/spec.md:4 status-lags-tasks']);
    expect(report.results.find((r) => r.filePath.endsWith('spec.md'))!.messages.find((m) => m.ruleId === 'trace-uncovered')!.severity).toBe('error');
    const off = await json(['--no-sets', 'specs'], cwd);
    expect(setFindings(off.report)).toEqual([]);
    expect(off.report.sets).toBeUndefined();
  });

  it('honours inline directives in the file the finding lands in', async () => {
    const cwd = project({ 'specs/003-csv-import/tasks.md': TASKS.replace('- [x] T003', '<!-- speclint-disable-next-line trace-undefined-id -- story 3 is being written -->\n- [x] T003') });
    const { report } = await json(['specs'], cwd);
    expect(setFindings(report)).toEqual(['specs/003-csv-import/spec.md:12 trace-uncovered', 'specs/003-csv-import/spec.md:4 status-lags-tasks']);
    // The per-file pass does not call the directive unknown.
    expect(report.results.flatMap((r) => r.messages).filter((m) => m.message.includes('Unknown rule'))).toEqual([]);
  });

  it('--report-unused-disable-directives reports a directive naming a set rule that suppresses nothing', async () => {
    const tasks = TASKS
      .replace('- [x] T001', '<!-- speclint-disable-next-line trace-undefined-id -- nothing to hide here -->\n- [x] T001')
      .replace('- [x] T003', '<!-- speclint-disable-next-line -- every rule: story 3 is being written -->\n- [x] T003');
    const spec = SPEC.replace('### User Story 2', '<!-- speclint-disable-next-line trace-uncovered -->\n### User Story 2');
    const cwd = project({ 'specs/003-csv-import/tasks.md': tasks, 'specs/003-csv-import/spec.md': spec });
    const { code, report } = await json(['--report-unused-disable-directives', 'specs'], cwd);
    const directives = report.results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'directives').map((m) => `${r.filePath}:${m.line} ${m.severity} ${m.message}`));
    // T001's directive suppresses nothing; T003's (every rule) suppresses the undefined story; the spec's hides the uncovered story.
    expect(directives).toEqual(['specs/003-csv-import/tasks.md:5 error Unused speclint-disable-next-line directive (no problems were reported from "trace-undefined-id"): remove "trace-undefined-id" from it']);
    expect(setFindings(report)).toEqual(['specs/003-csv-import/spec.md:4 status-lags-tasks']);
    expect(code).toBe(1);
    // Without the option, no directive finding; a set rule's name is never an unknown rule.
    const quiet = await json(['specs'], cwd);
    expect(quiet.report.results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'directives')).toEqual([]);
    expect(quiet.code).toBe(0);
    // A one-job run's summaries file leaves them out; the merge finds them again, once.
    await json(['--report-unused-disable-directives', '--summaries-out', 'all.json', 'specs'], cwd);
    const merged = await json(['--report-unused-disable-directives', 'sets', '--from', 'all.json'], cwd);
    expect(merged.report.results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'directives').map((m) => `${r.filePath}:${m.line}`))).toEqual(['specs/003-csv-import/tasks.md:5']);
  });

  it('honours baselines: recorded set findings no longer fail the run', async () => {
    const cwd = project();
    expect((await runInProcess(['baseline', '.'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, '.speclint-baseline.json'), 'utf8')).toContain('trace-undefined-id');
    const { code, report } = await json(['--baseline', '.speclint-baseline.json', '.'], cwd);
    expect(setFindings(report)).toEqual([]);
    expect(code).toBe(0);
  });

  it('a warm --cache run still runs the set rules (summaries come from the cache)', async () => {
    const cwd = project();
    const cold = await json(['--cache', '.'], cwd);
    const cache = JSON.parse(readFileSync(join(cwd, '.speclintcache'), 'utf8')) as { entries: Record<string, { result: { summary?: unknown } }> };
    expect(Object.values(cache.entries).every((e) => e.result.summary !== undefined)).toBe(true);
    const warm = await json(['--cache', '.'], cwd);
    expect(setFindings(warm.report)).toEqual(setFindings(cold.report));
    expect(warm.code).toBe(1);
  });

  it('--changed: a changed tasks.md re-checks its whole set (a finding in the unchanged spec is reported)', async () => {
    const cwd = tempProject({
      'specs/003-csv-import/spec.md': SPEC.replace('### User Story 2 - Export contacts (Priority: P2)\n\nA user downloads the contacts as CSV.\n\n', ''),
      'specs/003-csv-import/tasks.md': TASKS.replace('[US3]', '[US1]').replace('- [x] T003', '- [ ] T003'),
      'docs/other.md': '# Other\n\nText.\n',
    });
    const git = (...args: string[]) => execFileSync('git', args, { cwd, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-q', '--allow-empty', '-m', 'root');
    git('add', '.');
    git('-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-q', '-m', 'specs');
    writeFileSync(join(cwd, 'specs/003-csv-import/tasks.md'), TASKS.replace('[US3]', '[US1]'));
    const { report } = await json(['--changed=HEAD'], cwd);
    expect(setFindings(report)).toEqual(['specs/003-csv-import/spec.md:4 status-lags-tasks']);
    // The unchanged spec is there for its set finding only; the unrelated file is not linted.
    expect(report.results.map((r) => r.filePath).sort()).toEqual(['specs/003-csv-import/spec.md', 'specs/003-csv-import/tasks.md']);
  });

  it('rejects a bad sets config with the path of the problem', async () => {
    const cwd = project({ '.specrc.json': JSON.stringify({ sets: { collections: [{ files: 'docs/adr/*.md', filePattern: '(' }] } }) });
    const run = await runInProcess(['.'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sets.collections[0].filePattern: not a valid regular expression');
    const typo = project({ '.specrc.json': JSON.stringify({ sets: { coverag: {} } }) });
    const second = await runInProcess(['.'], { cwd: typo });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('unknown key "coverag"');
  });

  it('a custom layout from the config, globs relative to the config file', async () => {
    const cwd = tempProject({
      '.specrc.json': JSON.stringify({ sets: { auto: false, sets: [{ name: 'features', root: 'docs/features/*', spec: 'prd.md', tasks: 'todo.md' }] } }),
      'docs/features/export/prd.md': SPEC,
      'docs/features/export/todo.md': TASKS,
    });
    const { report } = await json(['.'], cwd);
    expect(setFindings(report)).toContain('docs/features/export/todo.md:7 trace-undefined-id');
  });
});

describe('--stdin --stdin-filename: the text stands in for the file in its set', () => {
  it('reports the set findings of that file only, from the text (not the file on disk)', async () => {
    const cwd = project();
    // On disk tasks.md cites the undefined story 3 on line 7; the text fixes it and cites story 4 on line 8.
    const text = TASKS.replace('[US3]', '[US1]').replace('- [x] T003', '- [x] T003 [US1] Import job\n- [ ] T004 [US4] Import report');
    const run = await runInProcess(['-f', 'json', '--stdin', '--stdin-filename', 'specs/003-csv-import/tasks.md'], { cwd, input: text });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.results.map((r) => r.filePath)).toEqual(['specs/003-csv-import/tasks.md']);
    expect(setFindings(report)).toEqual(['specs/003-csv-import/tasks.md:8 trace-undefined-id']);
    expect(report.results[0]!.messages.find((m) => m.ruleId === 'trace-undefined-id')!.message).toContain('User story 4 is not in spec.md');
    expect(run.code).toBe(1);
    // The spec's own set findings (its Draft status, its uncovered story) land in spec.md: not in this report.
    const clean = await runInProcess(['-f', 'json', '--stdin', '--stdin-filename', 'specs/003-csv-import/tasks.md'], { cwd, input: TASKS.replace('[US3]', '[US2]') });
    expect(setFindings(JSON.parse(clean.stdout) as JsonReport)).toEqual([]);
    expect(clean.code).toBe(0);
  });

  it('the spec as text: its status against the tasks on disk; a file that is no member, and --no-sets, run no set rule', async () => {
    const cwd = project({ 'specs/003-csv-import/tasks.md': TASKS.replace('[US3]', '[US2]') });
    const spec = (await runInProcess(['-f', 'json', '--stdin', '--stdin-filename', 'specs/003-csv-import/spec.md'], { cwd, input: SPEC })).stdout;
    expect(setFindings(JSON.parse(spec) as JsonReport)).toEqual(['specs/003-csv-import/spec.md:4 status-lags-tasks']);
    const off = (await runInProcess(['-f', 'json', '--no-sets', '--stdin', '--stdin-filename', 'specs/003-csv-import/spec.md'], { cwd, input: SPEC })).stdout;
    expect(setFindings(JSON.parse(off) as JsonReport)).toEqual([]);
    const alone = (await runInProcess(['-f', 'json', '--stdin', '--stdin-filename', 'notes/todo.md'], { cwd, input: '# Todo\n\n- [x] T001 [US9] done\n' })).stdout;
    expect(setFindings(JSON.parse(alone) as JsonReport)).toEqual([]);
    // A new document of a collection, not yet on disk: its number is checked against the others.
    const adr = (await runInProcess(['-f', 'json', '--stdin', '--stdin-filename', 'docs/adr/0001-use-yaml.md'], { cwd, input: adr_('1. Use YAML') })).stdout;
    expect(setFindings(JSON.parse(adr) as JsonReport)).toEqual(['docs/adr/0001-use-yaml.md:1 collection-duplicate-number']);
  });
});

describe('nested configs', () => {
  const nested = () => tempProject({
    'packages/billing/.specrc.json': JSON.stringify({ sets: { sets: [{ name: 'features', root: 'features/*', spec: 'prd.md', tasks: 'todo.md' }], coverage: { stories: 100 } } }),
    'packages/billing/features/export/prd.md': SPEC,
    'packages/billing/features/export/todo.md': TASKS,
    'specs/003-csv-import/spec.md': SPEC,
    'specs/003-csv-import/tasks.md': TASKS,
  });

  it('a subfolder\'s config adds its own sets, its globs relative to it (as the per-file pass resolves config)', async () => {
    const cwd = nested();
    const { code, report } = await json(['.'], cwd);
    expect(setFindings(report)).toEqual([
      'packages/billing/features/export/prd.md:12 trace-uncovered',
      'packages/billing/features/export/prd.md:4 status-lags-tasks',
      'packages/billing/features/export/todo.md:7 trace-undefined-id',
      'specs/003-csv-import/spec.md:12 trace-uncovered',
      'specs/003-csv-import/spec.md:4 status-lags-tasks',
      'specs/003-csv-import/tasks.md:7 trace-undefined-id',
    ]);
    expect(code).toBe(1);
    expect(report.sets?.map((s) => s.id).sort()).toEqual(['features:packages/billing/features/export', 'speckit:specs/003-csv-import']);
    // From inside the subfolder: the same set, paths from there.
    const inside = await json(['.'], join(cwd, 'packages/billing'));
    expect(setFindings(inside.report)).toContain('features/export/todo.md:7 trace-undefined-id');
  });

  it('speclint trace takes each set\'s coverage thresholds from the config of its folder', async () => {
    const run = await runInProcess(['trace', '.'], { cwd: nested() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ features:packages/billing/features/export: stories coverage 50% is below the required 100%');
    expect(run.stdout).not.toContain('✖ speckit:');
  });
});

describe('speclint trace', () => {
  it('prints the coverage matrix as text, JSON and Markdown', async () => {
    const cwd = project();
    const text = await runInProcess(['trace', 'specs'], { cwd });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('specs/003-csv-import (speckit): stories with tasks 1/2 (50%)');
    expect(text.stdout).toMatch(/US2 +NO TASK +Export contacts/);
    const data = JSON.parse((await runInProcess(['trace', '-f', 'json', '.'], { cwd })).stdout) as { sets: Array<{ set: { kind: string }; rows: Array<{ label: string; state: string }> }> };
    expect(data.sets.map((s) => s.set.kind).sort()).toEqual(['kiro', 'speckit']);
    expect(data.sets.find((s) => s.set.kind === 'speckit')!.rows.find((r) => r.label === 'US1')!.state).toBe('done');
    const markdown = await runInProcess(['trace', '-f', 'markdown', 'specs'], { cwd });
    expect(markdown.stdout).toContain('| US2 | Export contacts |');
  });

  it('exits 1 when a set is below a configured coverage threshold', async () => {
    const cwd = project({ '.specrc.json': JSON.stringify({ sets: { coverage: { stories: 100 } } }) });
    const run = await runInProcess(['trace', 'specs'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('stories coverage 50% is below the required 100%');
    const ok = project({ '.specrc.json': JSON.stringify({ sets: { coverage: { stories: 50 } } }) });
    expect((await runInProcess(['trace', 'specs'], { cwd: ok })).code).toBe(0);
  });

  it('refuses a format it does not have', async () => {
    const run = await runInProcess(['trace', '-f', 'sarif', '.'], { cwd: project() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('text, json or markdown');
  });
});

describe('shards: --summaries-out and speclint sets --from', () => {
  it('three shards merged give the set findings (and the whole report) of one job', async () => {
    const cwd = project({
      'specs/004-invites/spec.md': SPEC.replace('CSV Import', 'Invites'),
      'specs/004-invites/tasks.md': TASKS.replace('CSV Import', 'Invites').replace('[US3]', '[US4]'),
      'specs/004-invites/plan.md': '# Implementation Plan: Invites\n\n## Summary\n\nCovers FR-009.\n',
    });
    const one = await json(['.'], cwd);
    for (const i of [1, 2, 3]) {
      const shard = await runInProcess(['--shard', `${i}/3`, '--summaries-out', `part-${i}.json`, '-f', 'json', '.'], { cwd });
      // A shard sees part of each set: it leaves the set rules to the merge.
      expect(setFindings(JSON.parse(shard.stdout) as JsonReport)).toEqual([]);
    }
    const merged = await json(['sets', '--from', 'part-1.json', 'part-2.json', 'part-3.json'], cwd);
    expect(setFindings(merged.report)).toEqual(setFindings(one.report));
    expect(setFindings(merged.report).length).toBeGreaterThan(5);
    expect(merged.report.errorCount).toBe(one.report.errorCount);
    expect(merged.report.warningCount).toBe(one.report.warningCount);
    expect(merged.code).toBe(one.code);
    const sarif = await runInProcess(['sets', '--from', 'part-1.json', 'part-2.json', 'part-3.json', '-f', 'sarif'], { cwd });
    expect(sarif.stdout).toContain('"relatedLocations"');
  });

  it('a one-job run with --summaries-out leaves set findings out of the file (no duplicates when merged)', async () => {
    const cwd = project();
    const one = await json(['--summaries-out', 'all.json', '.'], cwd);
    const merged = await json(['sets', '--from', 'all.json'], cwd);
    expect(setFindings(merged.report)).toEqual(setFindings(one.report));
  });

  it('says what is wrong with a missing or foreign summaries file', async () => {
    const cwd = project({ 'foreign.json': '{"version": 1}' });
    const missing = await runInProcess(['sets', '--from', 'nope.json'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read summaries nope.json: file not found');
    const foreign = await runInProcess(['sets', '--from', 'foreign.json'], { cwd });
    expect(foreign.stderr).toContain('foreign.json is not a speclint summaries file');
    expect((await runInProcess(['sets'], { cwd })).stderr).toContain('usage: speclint sets --from');
  });
});

describe('speclint rules', () => {
  it('lists the set rules and prints their docs', async () => {
    const cwd = project();
    const list = await runInProcess(['rules'], { cwd });
    expect(list.stdout).toMatch(/trace-undefined-id +error +set +Ids cited/);
    expect(list.stdout).toMatch(/collection-index +warn +set /);
    const docs = await runInProcess(['rules', 'status-lags-tasks'], { cwd });
    expect(docs.code).toBe(0);
    expect(docs.stdout).toContain('status-lags-tasks');
  });
});

describe('worker processes', () => {
  it('workers return summaries: --threads 1 gives the set findings of an in-process run', () => {
    const cwd = project();
    const inProcess = runCli(['-f', 'json', '--threads', '0', '.'], { cwd });
    const workers = runCli(['-f', 'json', '--threads', '1', '.'], { cwd });
    expect(setFindings(JSON.parse(workers.stdout) as JsonReport)).toEqual(setFindings(JSON.parse(inProcess.stdout) as JsonReport));
    expect(setFindings(JSON.parse(workers.stdout) as JsonReport).length).toBe(6);
  });
});
