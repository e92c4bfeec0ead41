/** The coverage matrix, its renderings and the coverage thresholds. */
import { describe, expect, it } from 'vitest';
import { buildTraceMatrices, buildTraceMatrix, checkCoverage, discoverSets, renderTraceJson, renderTraceMarkdown, renderTraceText } from '../../src/sets/index.js';
import { summariesOf } from './helpers.js';

const spec = [
  '# Feature Specification: Team Invitations', '', '**Status**: Draft', '',
  '### User Story 1 - Invite by email (Priority: P1)', '', 'Text.', '',
  '### User Story 2 - Revoke an invitation (Priority: P2)', '', 'Text.', '',
  '### User Story 3 - Invite by link (Priority: P3)', '', 'Text.', '',
  '- **FR-001**: Owners MUST be able to invite by email.',
  '- **FR-002**: Invitations MUST expire after 7 days.',
  '- **SC-001**: 95 % of invitations are accepted within a day.', '',
].join('\n');
const plan = ['# Implementation Plan: Team Invitations', '', '## Summary', '', 'Signed tokens (FR-002).', '', '## Project Structure', '', '- `src/invitations/` (FR-001, FR-002, US1)', ''].join('\n');
const tasks = [
  '# Tasks: Team Invitations', '',
  '## Phase 2: User Story 1 - Invite by email (Priority: P1)', '',
  '- [x] T001 [US1] Token service (FR-002)',
  '- [x] T002 [US1] Mail sender (FR-001)', '',
  '## Phase 3: User Story 2 - Revoke an invitation (Priority: P2)', '',
  '- [ ] T003 [US2] Revoke endpoint',
  '- [x] T004 Revoke button', '',
].join('\n');
const files = { 'specs/004-invites/spec.md': spec, 'specs/004-invites/plan.md': plan, 'specs/004-invites/tasks.md': tasks };

describe('trace matrix', () => {
  it('lists stories and requirements against plan sections and tasks, with task state and coverage', async () => {
    const summaries = await summariesOf(files);
    const [set] = discoverSets(Object.keys(files));
    const matrix = buildTraceMatrix(set!, summaries);
    expect(matrix.rows.map((r) => `${r.kind} ${r.label} ${r.state} plan[${r.plan.map((p) => p.heading).join('; ')}] tasks[${r.tasks.map((t) => `${t.id}${t.checked ? '✓' : ''}${t.direct ? '' : '^'}`).join(' ')}]`)).toEqual([
      'story US1 done plan[Project Structure] tasks[T001✓ T002✓]',
      'story US2 in-progress plan[] tasks[T003 T004✓^]',
      'story US3 uncovered plan[] tasks[]',
      'requirement FR-001 done plan[Project Structure] tasks[T002✓]',
      'requirement FR-002 done plan[Summary; Project Structure] tasks[T001✓]',
      'other SC-001 uncovered plan[] tasks[]',
    ]);
    expect(matrix.coverage).toEqual({
      stories: { covered: 2, total: 3, percent: 66.7 },
      requirements: { covered: 2, total: 2, percent: 100 },
      tasksDone: { covered: 3, total: 4, percent: 75 },
    });
    expect(JSON.parse(JSON.stringify(matrix))).toEqual(matrix);
  });

  it('renders text, Markdown (a pull-request comment) and JSON', async () => {
    const summaries = await summariesOf(files);
    const matrices = buildTraceMatrices(discoverSets(Object.keys(files)), summaries);
    expect(renderTraceText(matrices[0]!)).toBe([
      'specs/004-invites (speckit): stories with tasks 2/3 (66.7%), requirements cited by tasks 2/2 (100%), tasks done 3/4 (75%)',
      '  US1    done        Invite by email',
      '         plan: Project Structure',
      '         tasks: T001, T002',
      '  US2    in progress Revoke an invitation',
      '         tasks: T003 (open), T004',
      '  US3    NO TASK     Invite by link',
      '  FR-001 done        Owners MUST be able to invite by email',
      '         plan: Project Structure',
      '         tasks: T002',
      '  FR-002 done        Invitations MUST expire after 7 days',
      '         plan: Summary; Project Structure',
      '         tasks: T001',
      '  SC-001 NO TASK     95 % of invitations are accepted within…',
    ].join('\n'));
    const failures = checkCoverage(matrices, { stories: 100 }).failures;
    const markdown = renderTraceMarkdown(matrices, failures);
    expect(markdown).toContain('> ❌ **speckit:specs/004-invites**: stories coverage 66.7% is below the required 100%');
    expect(markdown).toContain('| US2 | Revoke an invitation |  | T003 (open), T004 | 🟡 in progress |');
    expect(markdown).toContain('| US3 | Invite by link |  |  | ❌ no task |');
    expect(JSON.parse(renderTraceJson(matrices, failures))).toMatchObject({ version: 1, sets: [{ set: { id: 'speckit:specs/004-invites' } }], coverageFailures: [{ metric: 'stories', percent: 66.7, required: 100 }] });
  });

  it('checks thresholds; a metric with nothing to cover never fails', async () => {
    const summaries = await summariesOf(files);
    const matrices = buildTraceMatrices(discoverSets(Object.keys(files)), summaries);
    expect(checkCoverage(matrices, undefined)).toEqual({ ok: true, failures: [] });
    expect(checkCoverage(matrices, { stories: 60, requirements: 100, tasksDone: 70 })).toEqual({ ok: true, failures: [] });
    expect(checkCoverage(matrices, { tasksDone: 80 })).toEqual({ ok: false, failures: [{ set: 'speckit:specs/004-invites', metric: 'tasksDone', percent: 75, required: 80 }] });
    const empty = await summariesOf({ 'specs/005-x/spec.md': '# Spec\n\nNo ids.\n' });
    expect(checkCoverage(buildTraceMatrices(discoverSets(['specs/005-x/spec.md']), empty), { stories: 100 }).ok).toBe(true);
  });
});
