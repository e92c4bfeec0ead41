/**
 * Baselines: record today's findings so that only new ones fail. A finding is recognised by its file, rule and
 * fingerprint (rule id, the rule's key, the section path and an occurrence index: no line numbers, no template
 * line numbers, no neighbours' names; see addFingerprints in src/engine.ts), so unrelated edits do not make it new.
 *
 * File paths are stored relative to the baseline file's own directory, so a run from any working directory (a
 * subdirectory, the repository root, a CI job) matches the same entries. This module computes and serialises; the
 * CLI reads and writes the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { SpeclintError } from '../errors.js';
import type { Finding } from '../types.js';

export const BASELINE_VERSION = 2;
export const DEFAULT_BASELINE_FILE = '.speclint-baseline.json';

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  /** For people reading the file; not used for matching. */
  message: string;
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  /** File path relative to the baseline file's directory (`/` separators) → recorded findings. */
  files: Record<string, BaselineEntry[]>;
}

/** What the baseline functions need of a file's result. */
export interface BaselineReport {
  absolutePath: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
}

export const emptyBaseline = (): Baseline => ({ version: BASELINE_VERSION, files: {} });

/** The key of a linted file in a baseline stored at `baselinePath`. */
export function baselineKey(baselinePath: string, absolutePath: string): string {
  const rel = relative(dirname(baselinePath), absolutePath);
  return rel.split(sep).join('/');
}

/** Reads a baseline. `missing: 'empty'` treats a file that does not exist as an empty baseline (a config's key). */
export function readBaseline(path: string, { missing = 'error' }: { missing?: 'error' | 'empty' } = {}): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missing === 'empty') return emptyBaseline();
    throw new SpeclintError(`Cannot read baseline ${path}${code === 'ENOENT' ? ': file not found (create it with "speclint baseline")' : `: ${code}`}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SpeclintError(`Invalid baseline ${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const baseline = data as { version?: unknown; files?: unknown };
  if (baseline && baseline.version === 1) {
    throw new SpeclintError(`Baseline ${path} was written by an older speclint (format 1, whose fingerprints changed with every template edit): rewrite it with "speclint baseline"`);
  }
  if (!baseline || baseline.version !== BASELINE_VERSION || typeof baseline.files !== 'object' || baseline.files === null || Array.isArray(baseline.files)) {
    throw new SpeclintError(`Invalid baseline ${path}: expected { "version": ${BASELINE_VERSION}, "files": { … } }`);
  }
  return baseline as Baseline;
}

const entryKey = (ruleId: string, fingerprint: string) => `${ruleId}\u0000${fingerprint}`;

function recordedCounts(entries: BaselineEntry[] | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries ?? []) counts.set(entryKey(entry.ruleId, entry.fingerprint), (counts.get(entryKey(entry.ruleId, entry.fingerprint)) ?? 0) + entry.count);
  return counts;
}

function recount(report: BaselineReport): void {
  const active = report.messages.filter((m) => !m.suppressed);
  report.errorCount = active.filter((m) => m.severity === 'error').length;
  report.warningCount = active.filter((m) => m.severity === 'warn').length;
  report.fixableCount = active.filter((m) => m.fix).length;
}

/**
 * Marks the findings a baseline records as suppressed (`external`), up to the recorded count per rule and
 * fingerprint, and recounts. Returns how many it suppressed.
 */
export function applyBaseline(reports: BaselineReport[], baseline: Baseline, baselinePath: string): number {
  let suppressed = 0;
  for (const report of reports) {
    const recorded = recordedCounts(baseline.files[baselineKey(baselinePath, report.absolutePath)]);
    if (recorded.size === 0) continue;
    for (const finding of report.messages) {
      if (finding.suppressed || !finding.fingerprint) continue;
      const key = entryKey(finding.ruleId, finding.fingerprint);
      const left = recorded.get(key) ?? 0;
      if (left > 0) {
        finding.suppressed = { kind: 'external', justification: 'recorded in the baseline' };
        recorded.set(key, left - 1);
        suppressed++;
      }
    }
    recount(report);
  }
  return suppressed;
}

function entriesOf(report: BaselineReport): BaselineEntry[] {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of report.messages) {
    if (finding.suppressed?.kind === 'inSource' || !finding.fingerprint) continue;
    const key = entryKey(finding.ruleId, finding.fingerprint);
    const entry = entries.get(key);
    if (entry) entry.count++;
    else entries.set(key, { ruleId: finding.ruleId, fingerprint: finding.fingerprint, message: finding.message, count: 1 });
  }
  return [...entries.values()];
}

const total = (entries: BaselineEntry[] | undefined) => (entries ?? []).reduce((n, e) => n + e.count, 0);

function sorted(files: Record<string, BaselineEntry[]>): Baseline {
  const out = emptyBaseline();
  for (const path of Object.keys(files).sort()) {
    const entries = files[path]!;
    if (entries.length > 0) out.files[path] = [...entries].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  }
  return out;
}

/**
 * `speclint baseline`: the linted files' entries become exactly their current findings (inline-disabled ones
 * excepted); entries of files this run did not lint are kept while the file exists (a run over `docs/a` must not
 * forget `docs/b`).
 */
export function recordBaseline(previous: Baseline, reports: BaselineReport[], baselinePath: string): { baseline: Baseline; count: number } {
  const files: Record<string, BaselineEntry[]> = {};
  const base = dirname(baselinePath);
  for (const [path, entries] of Object.entries(previous.files)) {
    if (existsSync(resolve(base, path))) files[path] = entries;
  }
  for (const report of reports) files[baselineKey(baselinePath, report.absolutePath)] = entriesOf(report);
  const baseline = sorted(files);
  return { baseline, count: Object.values(baseline.files).reduce((n, entries) => n + total(entries), 0) };
}

/**
 * `speclint baseline --update`: drops what was fixed (entries of linted files that no longer occur, entries of
 * files that no longer exist) and adds nothing, so new findings keep failing.
 */
export function pruneBaseline(previous: Baseline, reports: BaselineReport[], baselinePath: string): { baseline: Baseline; removed: number; remaining: number; unrecorded: number } {
  const files: Record<string, BaselineEntry[]> = {};
  const base = dirname(baselinePath);
  let removed = 0;
  let unrecorded = 0;
  const linted = new Map(reports.map((report) => [baselineKey(baselinePath, report.absolutePath), report]));
  for (const [path, entries] of Object.entries(previous.files)) {
    const report = linted.get(path);
    if (!report) {
      if (existsSync(resolve(base, path))) files[path] = entries;
      else removed += total(entries);
      continue;
    }
    const found = new Map(entriesOf(report).map((entry) => [entryKey(entry.ruleId, entry.fingerprint), entry.count]));
    const kept: BaselineEntry[] = [];
    for (const entry of entries) {
      const key = entryKey(entry.ruleId, entry.fingerprint);
      const still = Math.min(entry.count, found.get(key) ?? 0);
      removed += entry.count - still;
      if (still > 0) kept.push({ ...entry, count: still });
      found.set(key, (found.get(key) ?? 0) - still);
    }
    files[path] = kept;
  }
  for (const [path, report] of linted) {
    const recorded = recordedCounts(previous.files[path]);
    for (const entry of entriesOf(report)) unrecorded += Math.max(0, entry.count - (recorded.get(entryKey(entry.ruleId, entry.fingerprint)) ?? 0));
  }
  const baseline = sorted(files);
  return { baseline, removed, remaining: Object.values(baseline.files).reduce((n, entries) => n + total(entries), 0), unrecorded };
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
