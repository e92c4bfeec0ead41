/**
 * Baselines in a run: which baseline file applies to a linted file (`--baseline <file>` for all, else the
 * `baseline` key of the file's config), applying them, and `speclint baseline [--update]`, which writes them.
 */
import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import {
  DEFAULT_BASELINE_FILE, applyBaseline, formatBaseline, pruneBaseline, readBaseline, recordBaseline,
} from '../baseline.js';
import { SpeclintError } from '../errors.js';
import { writeFileAtomic } from './write.js';
import { displayPath } from './lint-files.js';
import type { CliOptions } from './args.js';
import type { ConfigLoader, LoadedConfig } from '../config/load.js';
import type { FileReport } from '../reporters/types.js';
import type { Io } from './main.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Reports grouped by the baseline file that applies to them (undefined: none). */
async function byBaseline(reports: FileReport[], loader: ConfigLoader, explicit: string | undefined, fallback: string | undefined): Promise<Map<string | undefined, { reports: FileReport[]; configs: Set<LoadedConfig> }>> {
  const groups = new Map<string | undefined, { reports: FileReport[]; configs: Set<LoadedConfig> }>();
  for (const report of reports) {
    const loaded = await loader.configFor(report.absolutePath);
    const path = explicit ?? loaded.baseline ?? fallback;
    let group = groups.get(path);
    if (!group) groups.set(path, (group = { reports: [], configs: new Set() }));
    group.reports.push(report);
    group.configs.add(loaded);
  }
  return groups;
}

/** Marks baselined findings as suppressed; returns how many. */
export async function applyBaselines(options: CliOptions, io: Io, loader: ConfigLoader, reports: FileReport[]): Promise<number> {
  const explicit = options.baseline ? resolve(io.cwd, options.baseline) : undefined;
  let suppressed = 0;
  for (const [path, group] of await byBaseline(reports, loader, explicit, undefined)) {
    if (!path) continue;
    // A config's baseline that does not exist yet suppresses nothing; one named on the command line must exist.
    const baseline = readBaseline(path, { missing: path === explicit ? 'error' : 'empty' });
    suppressed += applyBaseline(group.reports, baseline, path);
  }
  return suppressed;
}

function write(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, text);
  } catch (error) {
    throw new SpeclintError(`Cannot write baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** `speclint baseline [--update] [paths…]`. */
export async function baselineCommand(options: CliOptions, io: Io, loader: ConfigLoader, reports: FileReport[]): Promise<void> {
  const named = options.baselineFile ?? options.baseline;
  const explicit = named ? resolve(io.cwd, named) : undefined;
  const groups = await byBaseline(reports, loader, explicit, resolve(io.cwd, DEFAULT_BASELINE_FILE));
  if (groups.size === 0) groups.set(explicit ?? resolve(io.cwd, DEFAULT_BASELINE_FILE), { reports: [], configs: new Set() });
  for (const [path, group] of groups) {
    const target = path!;
    const shown = displayPath(io.cwd, target);
    const previous = readBaseline(target, { missing: options.update ? 'error' : 'empty' });
    if (options.update) {
      const { baseline, removed, remaining, unrecorded } = pruneBaseline(previous, group.reports, target);
      write(target, formatBaseline(baseline));
      io.stdout(`Removed ${plural(removed, 'fixed finding')} from ${shown}; ${remaining} remain${remaining === 1 ? 's' : ''}.\n`);
      if (unrecorded > 0) io.stdout(`${plural(unrecorded, 'finding')} not in the baseline still fail${unrecorded === 1 ? 's' : ''}: fix ${unrecorded === 1 ? 'it' : 'them'}, or record ${unrecorded === 1 ? 'it' : 'them'} with "speclint baseline".\n`);
      continue;
    }
    const { baseline, count } = recordBaseline(previous, group.reports, target);
    write(target, formatBaseline(baseline));
    io.stdout(`Wrote ${plural(count, 'finding')} to ${shown}\n`);
    const applied = [...group.configs].some((config) => config.baseline === target);
    if (!applied) {
      const config = [...group.configs].find((c) => c.filePath)?.filePath;
      const fromConfig = config ? relative(dirname(config), target).split(sep).join('/') : shown;
      io.stdout(config
        ? `Later runs apply it with --baseline ${shown}, or always once ${displayPath(io.cwd, config)} says "baseline": "${fromConfig}".\n`
        : `Later runs apply it with --baseline ${shown}, or always once a .specrc.json says "baseline": "${shown}" ("speclint init" writes one that does).\n`);
    }
  }
}
