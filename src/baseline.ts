/**
 * Baselines: record today's findings so that only new ones fail. A finding is identified by its file, rule and
 * fingerprint (which ignores line numbers), so edits above it do not make it "new". Rewriting the baseline
 * drops findings that were fixed.
 */
import { readFileSync } from 'node:fs';
import { SpeclintError } from './errors.js';
import { writeFileAtomic } from './cli/write.js';
import type { FileReport } from './reporters/types.js';

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  /** For people reading the file; not used for matching. */
  message: string;
  count: number;
}

export interface Baseline {
  version: 1;
  /** File path (relative to the working directory, `/` separators) → recorded findings. */
  files: Record<string, BaselineEntry[]>;
}

export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SpeclintError(`Cannot read baseline ${path}${code === 'ENOENT' ? ': file not found (create it with "speclint baseline")' : `: ${code}`}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SpeclintError(`Invalid baseline ${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const baseline = data as Baseline;
  if (!baseline || baseline.version !== 1 || typeof baseline.files !== 'object' || baseline.files === null) {
    throw new SpeclintError(`Invalid baseline ${path}: expected { "version": 1, "files": { … } }`);
  }
  return baseline;
}

const key = (ruleId: string, fingerprint: string) => `${ruleId}\u0000${fingerprint}`;

export function applyBaseline(reports: FileReport[], baseline: Baseline): void {
  for (const report of reports) {
    const recorded = new Map<string, number>();
    for (const entry of baseline.files[report.filePath] ?? []) recorded.set(key(entry.ruleId, entry.fingerprint), entry.count);
    if (recorded.size === 0) continue;
    for (const finding of report.messages) {
      if (finding.suppressed || !finding.fingerprint) continue;
      const k = key(finding.ruleId, finding.fingerprint);
      const left = recorded.get(k) ?? 0;
      if (left > 0) {
        finding.suppressed = { kind: 'external', justification: 'in the baseline' };
        recorded.set(k, left - 1);
      }
    }
    const active = report.messages.filter((m) => !m.suppressed);
    report.errorCount = active.filter((m) => m.severity === 'error').length;
    report.warningCount = active.filter((m) => m.severity === 'warn').length;
    report.fixableCount = active.filter((m) => m.fix).length;
  }
}

export function writeBaseline(path: string, reports: FileReport[]): { count: number } {
  const files: Record<string, BaselineEntry[]> = {};
  let count = 0;
  for (const report of [...reports].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    const entries = new Map<string, BaselineEntry>();
    for (const finding of report.messages) {
      if (finding.suppressed || !finding.fingerprint) continue;
      const k = key(finding.ruleId, finding.fingerprint);
      const entry = entries.get(k);
      if (entry) entry.count++;
      else entries.set(k, { ruleId: finding.ruleId, fingerprint: finding.fingerprint, message: finding.message, count: 1 });
      count++;
    }
    if (entries.size > 0) files[report.filePath] = [...entries.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  }
  try {
    writeFileAtomic(path, `${JSON.stringify({ version: 1, files }, null, 2)}\n`);
  } catch (error) {
    throw new SpeclintError(`Cannot write baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { count };
}
