/**
 * The options of a project run, as `new Speclint(options)` takes them. Plain data (strings, numbers, booleans),
 * because the same object goes to every worker process as JSON: a worker builds its own linter from exactly what
 * the parent was given, and an option added here reaches the workers without another line of code.
 */
import type { Severity } from '../types.js';

export interface SpeclintOptions {
  /** Paths, globs and config searches are relative to this directory (absolute). */
  cwd: string;
  /** `-c`: this config file for every file (no search). Relative to `cwd`. */
  configFile?: string;
  /** `--type`: lint every file as this document type. */
  forcedType?: string;
  /** `--fix`: write safe fixes to the files (atomically); results describe what remains. */
  fix?: boolean;
  /** `--fix-dry-run`: compute the fixed text (`output` of each result) and write nothing. */
  fixDryRun?: boolean;
  /** `--cache`: where the cache lives (relative to `cwd`) and how a file counts as unchanged. */
  cache?: { location: string; strategy: 'content' | 'metadata' };
  /** `--threads`: worker processes; 0 = in this process; undefined = decided by the amount of Markdown. */
  threads?: number;
  /** `--max-file-size`, in bytes: larger files are skipped with a warning. */
  maxFileBytes?: number;
  /** `--report-unused-disable-directives`: the severity of disable directives that suppress nothing. */
  reportUnusedDisableDirectives?: Severity;
  /** A path or glob that matches no Markdown file is an error (default true). */
  errorOnUnmatchedPattern?: boolean;
  /** `--baseline`: this baseline for every file, instead of each config's `baseline` key (must exist). */
  baseline?: string;
  /** `--no-sets`: false skips the project pass (set rules over the files' summaries; docs/sets.md). */
  sets?: boolean;
}

/** What `lintFiles` lints besides its patterns: a git change, a shard of the files. */
export interface FileSelection {
  /** `--changed[=<ref>]`: only Markdown files that differ from this git ref ('' = the default branch's merge base). */
  changed?: string;
  /** With `changed`: keep only findings on lines the change touches. */
  onlyChangedLines?: boolean;
  /** `--shard i/n` (1-based): a deterministic slice of the selected files. */
  shard?: { index: number; count: number };
}
