/**
 * Spec sets — the interface the project layer calls.
 *
 *   const sets = discoverSets(paths, config.sets);                 // from paths alone, before or after linting
 *   const findings = checkSets(sets, summariesByPath, { ruleConfig }); // after the per-file pass, summaries only
 *   const matrices = buildTraceMatrices(sets, summariesByPath);      // `speclint trace`
 *   const { ok, failures } = checkCoverage(matrices, config.sets?.coverage);
 *
 * Summaries are `LintResult.summary` (src/summary.ts), keyed by the same path strings as given to discoverSets.
 */
export { discoverSets, resolveNumbering } from './discover.js';
export { checkSets, compareCrossFindings, applySetDirectives, defaultSetRuleConfig, setDirectiveFindings, type SetDirectiveOutcome, type SummaryMap } from './check.js';
export { setRules } from './rules/index.js';
export { setsConfigSchema, validateSetsConfig } from './schema.js';
export {
  buildTraceMatrix, buildTraceMatrices, checkCoverage, renderTraceText, renderTraceMarkdown, renderTraceJson,
  type TraceMatrix, type TraceRow, type TraceTaskRef, type TracePlanRef, type TraceState, type Ratio, type CoverageFailure, type TraceOptions,
} from './trace.js';
export type { SetRule, SetRuleContext, SetReport } from './context.js';
export type * from './types.js';

import type { SpecSet } from './types.js';

/** Which sets a changed file belongs to (`--changed`: a change to tasks.md re-checks its whole set). */
export function setsContaining(sets: readonly SpecSet[], path: string): SpecSet[] {
  return sets.filter((set) => set.members.some((m) => m.path === path));
}

/** Every member of the sets that contain any of `changed`: the files whose summaries a `--changed` run needs. */
export function affectedPaths(sets: readonly SpecSet[], changed: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const path of changed) for (const set of setsContaining(sets, path)) for (const m of set.members) out.add(m.path);
  return out;
}

