/** A worker thread: lints the batches of files the pool sends, each with its own config loader. */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigLoader } from '../config/load.js';
import { lintOneFile, type LintFilesOptions } from './lint-files.js';

interface WorkerOptions {
  cwd: string;
  configFile?: string;
  forcedType?: string;
  fix: boolean;
  fixDryRun: boolean;
  maxFileBytes?: number;
}

const options = workerData as WorkerOptions;
const lintOptions: LintFilesOptions = {
  cwd: options.cwd,
  loader: new ConfigLoader({ cwd: options.cwd, configFile: options.configFile }),
  forcedType: options.forcedType,
  fix: options.fix,
  fixDryRun: options.fixDryRun,
  maxFileBytes: options.maxFileBytes,
};

parentPort!.on('message', async (batch: Array<{ index: number; path: string }>) => {
  const results = [];
  for (const { index, path } of batch) {
    try {
      results.push({ index, outcome: await lintOneFile(path, lintOptions) });
    } catch (error) {
      results.push({ index, error: error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) } });
    }
  }
  parentPort!.postMessage(results);
});
