/** A worker process: lints the batches of files the pool sends, with one config loader for its whole life. */
import { ConfigLoader } from '../config/load.js';
import { lintOneFile, type FileOutcome, type LintFilesOptions } from './lint-files.js';
import type { Severity } from '../types.js';

export interface WorkerOptions {
  cwd: string;
  configFile?: string;
  forcedType?: string;
  fix: boolean;
  fixDryRun: boolean;
  maxFileBytes?: number;
  reportUnusedDisableDirectives?: Severity;
}

/** Files to lint, each with its place in the pool's list. */
export type WorkerBatch = Array<{ index: number; path: string }>;

export interface WorkerResult {
  index: number;
  outcome?: FileOutcome;
  error?: { name: string; message: string };
}

// The pool passes its options once, as the process's one argument.
const options = JSON.parse(process.argv[2]!) as WorkerOptions;
const lintOptions: LintFilesOptions = {
  cwd: options.cwd,
  loader: new ConfigLoader({ cwd: options.cwd, configFile: options.configFile }),
  forcedType: options.forcedType,
  fix: options.fix,
  fixDryRun: options.fixDryRun,
  maxFileBytes: options.maxFileBytes,
  reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
};

process.on('message', async (batch: WorkerBatch) => {
  const results: WorkerResult[] = [];
  for (const { index, path } of batch) {
    try {
      results.push({ index, outcome: await lintOneFile(path, lintOptions) });
    } catch (error) {
      results.push({ index, error: error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) } });
    }
  }
  process.send!(results);
});
