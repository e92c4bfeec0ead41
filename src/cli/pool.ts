/**
 * Two cores' worth of worker threads for large runs. Files go out in small batches on demand (so a slow file
 * does not idle a worker) and outcomes come back in the order of the file list.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConfigError, SpeclintError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import type { FileOutcome, LintFilesOptions } from './lint-files.js';

/** Below this much Markdown, starting workers (each loads and warms up the linter) costs more than it saves. */
export const MIN_BYTES_FOR_WORKERS = 4 * 1024 * 1024;
const BATCH = 16;

export function workerScript(): string | undefined {
  const path = join(packageRoot(), 'dist', 'bundle', 'worker.js');
  return existsSync(path) ? path : undefined;
}

export function plannedWorkers(files: string[], threads: number | undefined): number {
  if (threads !== undefined) return Math.min(threads, files.length);
  if (availableParallelism() < 2) return 0;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // unreadable: the lint reports it
    }
    if (bytes >= MIN_BYTES_FOR_WORKERS) return 2;
  }
  return 0;
}

export async function lintInWorkers(files: string[], options: LintFilesOptions, count: number, script: string): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  const workerData = { cwd: options.cwd, configFile: options.configFile, forcedType: options.forcedType, fix: options.fix, fixDryRun: options.fixDryRun, maxFileBytes: options.maxFileBytes };
  const run = (worker: Worker) =>
    new Promise<void>((resolveRun, reject) => {
      const send = () => {
        if (next >= files.length) {
          void worker.terminate();
          resolveRun();
          return;
        }
        const batch = files.slice(next, next + BATCH).map((path, i) => ({ index: next + i, path }));
        next += batch.length;
        worker.postMessage(batch);
      };
      worker.on('message', (results: Array<{ index: number; outcome?: FileOutcome; error?: { name: string; message: string } }>) => {
        for (const result of results) {
          if (result.error) {
            const ErrorClass = result.error.name === 'ConfigError' ? ConfigError : SpeclintError;
            reject(new ErrorClass(result.error.message));
            void worker.terminate();
            return;
          }
          outcomes[result.index] = result.outcome!;
        }
        send();
      });
      worker.on('error', reject);
      send();
    });
  // A larger young generation halves the scavenges of the allocation-heavy Markdown parser (measured: -25 % time).
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 192 } }));
  await Promise.all(workers.map(run));
  return outcomes;
}
