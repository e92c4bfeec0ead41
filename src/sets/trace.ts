/**
 * `speclint trace`: the coverage matrix of a feature set — each story and requirement of the spec against the plan
 * sections and the tasks that cite it, with task state — as data, and three renderings (text, JSON, Markdown for
 * a pull-request comment). `checkCoverage` says whether configured thresholds are met (the CLI exits 1 when not).
 */
import type { DocumentSummary } from '../types.js';
import { basename } from './context.js';
import { buildSetModel, displayId, familyOf, isStory, type SetModel } from './model.js';
import type { CoverageThresholds, SpecSet } from './types.js';

export interface TracePlanRef {
  file: string;
  /** The heading of the plan section that cites the id (undefined: before the first heading). */
  heading?: string;
  line: number;
}

export interface TraceTaskRef {
  file: string;
  id?: string;
  line: number;
  checked: boolean;
  /** The task cites the id itself (not only through a heading above it). */
  direct: boolean;
}

export type TraceState = 'done' | 'in-progress' | 'open' | 'uncovered';

export interface TraceRow {
  /** Canonical id (`FR-1`, `US-2`, `R1.2`). */
  id: string;
  /** As the spec writes it (`FR-001`, `US2`, `requirement 1.2`). */
  label: string;
  /** Stories and requirements count towards coverage; other ids (SC-…, TC-…) are shown only. */
  kind: 'story' | 'requirement' | 'other';
  title?: string;
  file: string;
  line: number;
  plan: TracePlanRef[];
  tasks: TraceTaskRef[];
  /** From the tasks: all checked → done, some → in-progress, none → open; no task → uncovered. */
  state: TraceState;
}

export interface Ratio {
  covered: number;
  total: number;
  /** covered / total in per cent, one decimal; null when there is nothing to cover. */
  percent: number | null;
}

export interface TraceMatrix {
  set: { id: string; name: string; kind: SpecSet['kind']; root: string };
  specs: string[];
  plans: string[];
  tasksFiles: string[];
  rows: TraceRow[];
  coverage: { stories: Ratio; requirements: Ratio; tasksDone: Ratio };
}

export interface TraceOptions {
  /** Families that are requirements (default FR, NFR, REQ, and R for Kiro's acceptance criteria). */
  requirementPrefixes?: string[];
}

const ratio = (covered: number, total: number): Ratio => ({ covered, total, percent: total === 0 ? null : Math.round((covered / total) * 1000) / 10 });

/** The deepest heading at or above a line. */
function headingAt(summary: DocumentSummary, line: number): { text: string; line: number } | undefined {
  let found: { text: string; line: number } | undefined;
  for (const heading of summary.headings) {
    if (heading.line > line) break;
    found = heading;
  }
  return found;
}

function rowsOf(model: SetModel, options: TraceOptions): TraceRow[] {
  const requirementPrefixes = new Set(options.requirementPrefixes ?? ['FR', 'NFR', 'REQ', 'R']);
  const plans = model.members.filter((m) => m.role === 'plan');
  const rows: TraceRow[] = [];
  for (const [key, defs] of model.definitions) {
    const def = defs[0]!;
    const story = isStory(key);
    const kind: TraceRow['kind'] = story ? 'story' : requirementPrefixes.has(familyOf(key)) ? 'requirement' : 'other';
    const plan: TracePlanRef[] = [];
    for (const p of plans) {
      const seen = new Set<number>();
      for (const ref of [...p.summary.ids.referenced, ...p.summary.ids.defined]) {
        if (ref.id !== key && !(story && /^R\d+$/.test(key) && ref.id.startsWith(`${key}.`))) continue;
        const heading = headingAt(p.summary, ref.line);
        const at = heading?.line ?? 0;
        if (seen.has(at)) continue;
        seen.add(at);
        plan.push({ file: p.path, ...(heading ? { heading: heading.text } : {}), line: heading?.line ?? ref.line });
      }
    }
    const tasks: TraceTaskRef[] = [];
    for (const entry of model.tasks) {
      const cites = (ids: Set<string>) => ids.has(key) || (/^R\d+$/.test(key) && [...ids].some((id) => id.startsWith(`${key}.`)));
      if (!cites(entry.ids)) continue;
      tasks.push({ file: entry.path, ...(entry.task.id ? { id: entry.task.id } : {}), line: entry.task.line, checked: entry.task.checked, direct: cites(entry.own) });
    }
    const done = tasks.filter((t) => t.checked).length;
    const state: TraceState = tasks.length === 0 ? 'uncovered' : done === tasks.length ? 'done' : done > 0 ? 'in-progress' : 'open';
    rows.push({ id: key, label: displayId(def.id), kind, ...(def.id.title ? { title: def.id.title } : {}), file: def.path, line: def.id.line, plan, tasks, state });
  }
  const order = { story: 0, requirement: 1, other: 2 };
  return rows.sort((a, b) => order[a.kind] - order[b.kind] || a.file.localeCompare(b.file) || a.line - b.line);
}

/** The matrix of one feature set (a collection gives an empty one). */
export function buildTraceMatrix(set: SpecSet, summaries: ReadonlyMap<string, DocumentSummary>, options: TraceOptions = {}): TraceMatrix {
  const model = buildSetModel(set, summaries);
  const rows = set.kind === 'collection' ? [] : rowsOf(model, options);
  const stories = rows.filter((r) => r.kind === 'story');
  const requirements = rows.filter((r) => r.kind === 'requirement');
  const doneTasks = model.tasks.filter((t) => t.task.checked).length;
  return {
    set: { id: set.id, name: set.name, kind: set.kind, root: set.root },
    specs: model.specs.map((s) => s.path),
    plans: model.members.filter((m) => m.role === 'plan').map((m) => m.path),
    tasksFiles: model.members.filter((m) => m.role === 'tasks').map((m) => m.path),
    rows,
    coverage: {
      stories: ratio(stories.filter((r) => r.tasks.length > 0).length, stories.length),
      requirements: ratio(requirements.filter((r) => r.tasks.length > 0).length, requirements.length),
      tasksDone: ratio(doneTasks, model.tasks.length),
    },
  };
}

export function buildTraceMatrices(sets: readonly SpecSet[], summaries: ReadonlyMap<string, DocumentSummary>, options: TraceOptions = {}): TraceMatrix[] {
  return sets.filter((s) => s.kind !== 'collection').map((s) => buildTraceMatrix(s, summaries, options));
}

/* ------------------------------------------------------------------ thresholds */

export interface CoverageFailure {
  set: string;
  metric: keyof CoverageThresholds;
  percent: number;
  required: number;
}

/** Sets below a configured threshold (a metric with nothing to cover never fails). */
export function checkCoverage(matrices: readonly TraceMatrix[], thresholds: CoverageThresholds | undefined): { ok: boolean; failures: CoverageFailure[] } {
  const failures: CoverageFailure[] = [];
  if (thresholds) {
    for (const matrix of matrices) {
      for (const metric of ['stories', 'requirements', 'tasksDone'] as const) {
        const required = thresholds[metric];
        const percent = matrix.coverage[metric].percent;
        if (required === undefined || percent === null || percent >= required) continue;
        failures.push({ set: matrix.set.id, metric, percent, required });
      }
    }
  }
  return { ok: failures.length === 0, failures };
}

/* ------------------------------------------------------------------ renderers */

const pct = (r: Ratio) => (r.percent === null ? 'n/a' : `${r.covered}/${r.total} (${r.percent}%)`);
const STATE_TEXT: Record<TraceState, string> = { done: 'done', 'in-progress': 'in progress', open: 'open', uncovered: 'NO TASK' };
const STATE_MARK: Record<TraceState, string> = { done: '✅ done', 'in-progress': '🟡 in progress', open: '⬜ open', uncovered: '❌ no task' };

function taskList(tasks: TraceTaskRef[], max: number): string {
  const ids = tasks.map((t) => (t.id ?? `${basename(t.file)}:${t.line}`) + (t.checked ? '' : ' (open)'));
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} +${ids.length - max}`;
}

function planList(plan: TracePlanRef[], max: number): string {
  const names = plan.map((p) => p.heading ?? `${basename(p.file)}:${p.line}`);
  return names.length <= max ? names.join('; ') : `${names.slice(0, max).join('; ')} +${names.length - max}`;
}

const summaryLine = (m: TraceMatrix) => `stories with tasks ${pct(m.coverage.stories)}, requirements cited by tasks ${pct(m.coverage.requirements)}, tasks done ${pct(m.coverage.tasksDone)}`;

export function renderTraceText(matrix: TraceMatrix): string {
  const lines = [`${matrix.set.root} (${matrix.set.kind}): ${summaryLine(matrix)}`];
  if (matrix.rows.length === 0) return `${lines[0]}\n  (the spec defines no stories or requirements)`;
  const width = Math.max(...matrix.rows.map((r) => r.label.length));
  for (const row of matrix.rows) {
    const title = row.title ? ` ${row.title.length > 40 ? `${row.title.slice(0, 39)}…` : row.title}` : '';
    lines.push(`  ${row.label.padEnd(width)} ${STATE_TEXT[row.state].padEnd(11)}${title}`);
    if (row.plan.length > 0) lines.push(`  ${' '.repeat(width)} plan: ${planList(row.plan, 3)}`);
    if (row.tasks.length > 0) lines.push(`  ${' '.repeat(width)} tasks: ${taskList(row.tasks, 10)}`);
  }
  return lines.join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderTraceMarkdown(matrices: readonly TraceMatrix[], failures: readonly CoverageFailure[] = []): string {
  const out: string[] = ['## Spec traceability', ''];
  for (const failure of failures) out.push(`> ❌ **${failure.set}**: ${failure.metric} coverage ${failure.percent}% is below the required ${failure.required}%`);
  if (failures.length > 0) out.push('');
  for (const matrix of matrices) {
    out.push(`### ${cell(matrix.set.name)}`, '', summaryLine(matrix), '');
    if (matrix.rows.length === 0) {
      out.push('_The spec defines no stories or requirements._', '');
      continue;
    }
    out.push('| Id | Title | Plan | Tasks | State |', '| --- | --- | --- | --- | --- |');
    for (const row of matrix.rows) {
      out.push(`| ${cell(row.label)} | ${cell(row.title ?? '')} | ${cell(planList(row.plan, 3))} | ${cell(taskList(row.tasks, 8))} | ${STATE_MARK[row.state]} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderTraceJson(matrices: readonly TraceMatrix[], failures: readonly CoverageFailure[] = []): string {
  return `${JSON.stringify({ version: 1, sets: matrices, coverageFailures: failures }, null, 2)}\n`;
}
