/**
 * Baselines in a project run: which baseline file applies to a linted file (`baseline` option for all, else the
 * `baseline` key of the file's config), applying them, and recording or pruning them (`speclint baseline
 * [--update]`). This module decides and writes; the CLI phrases what happened.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DEFAULT_BASELINE_FILE, applyBaseline, formatBaseline, pruneBaseline, readBaseline, recordBaseline,
} from './baseline.js';
import { SpeclintError } from '../errors.js';
import { writeFileAtomic } from './write.js';
import type { FileLinter } from './lint-file.js';
import type { LoadedConfig } from '../config/load.js';
import type { FileReport } from '../reporters/types.js';

type Groups = Map<string | undefined, { reports: FileReport[]; configs: Set<LoadedConfig> }>;

/** Reports grouped by the baseline file that applies to them (undefined: none). */
async function byBaseline(reports: FileReport[], linter: FileLinter, explicit: string | undefined, fallback: string | undefined): Promise<Groups> {
  const groups: Groups = new Map();
  for (const report of reports) {
    const { loaded } = await linter.configFor(report.absolutePath);
    const path = explicit ?? loaded.baseline ?? fallback;
    let group = groups.get(path);
    if (!group) groups.set(path, (group = { reports: [], configs: new Set() }));
    group.reports.push(report);
    group.configs.add(loaded);
  }
  return groups;
}

/** Marks baselined findings as suppressed (and recounts); returns how many. */
export async function applyBaselines(reports: FileReport[], linter: FileLinter): Promise<number> {
  const named = linter.options.baseline;
  const explicit = named ? resolve(linter.options.cwd, named) : undefined;
  let suppressed = 0;
  for (const [path, group] of await byBaseline(reports, linter, explicit, undefined)) {
    if (!path) continue;
    // A config's baseline that does not exist yet suppresses nothing; one named on the command line must exist.
    const baseline = readBaseline(path, { missing: path === explicit ? 'error' : 'empty' });
    suppressed += applyBaseline(group.reports, baseline, path);
  }
  return suppressed;
}

/** What writing one baseline file did. */
export type BaselineWrite =
  | { kind: 'update'; file: string; removed: number; remaining: number; unrecorded: number }
  | {
      kind: 'record';
      file: string;
      count: number;
      /** The config file of the recorded files whose `baseline` key does not name this file yet (later runs ignore it). */
      unappliedConfig?: string;
      /** No config names it and none exists to add the key to. */
      unapplied: boolean;
    };

function write(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, text);
  } catch (error) {
    throw new SpeclintError(`Cannot write baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * Records the reports' findings in their baselines (`file` for all, else each config's `baseline`, else
 * .speclint-baseline.json in the working directory); with `update`, only drops what was fixed.
 */
export async function writeBaselines(reports: FileReport[], linter: FileLinter, { file, update }: { file?: string; update: boolean }): Promise<BaselineWrite[]> {
  const { cwd } = linter.options;
  const explicit = file ? resolve(cwd, file) : undefined;
  const groups = await byBaseline(reports, linter, explicit, resolve(cwd, DEFAULT_BASELINE_FILE));
  if (groups.size === 0) groups.set(explicit ?? resolve(cwd, DEFAULT_BASELINE_FILE), { reports: [], configs: new Set() });
  const written: BaselineWrite[] = [];
  for (const [path, group] of groups) {
    const target = path!;
    const previous = readBaseline(target, { missing: update ? 'error' : 'empty' });
    if (update) {
      const { baseline, removed, remaining, unrecorded } = pruneBaseline(previous, group.reports, target);
      write(target, formatBaseline(baseline));
      written.push({ kind: 'update', file: target, removed, remaining, unrecorded });
      continue;
    }
    const { baseline, count } = recordBaseline(previous, group.reports, target);
    write(target, formatBaseline(baseline));
    const applied = [...group.configs].some((config) => config.baseline === target);
    const config = applied ? undefined : [...group.configs].find((c) => c.filePath)?.filePath;
    written.push({ kind: 'record', file: target, count, unappliedConfig: config, unapplied: !applied });
  }
  return written;
}
