/**
 * Two cores' worth of worker processes for large runs. Files go out in small batches on demand (so a slow file
 * does not idle a worker) and outcomes come back in the order of the file list.
 *
 * Processes rather than worker threads, because V8's flags are per process and two flags pay here: a worker that
 * runs its garbage collector and compiler on its own thread does not fight the other worker for the second core,
 * and a 64 MB semi-space halves the scavenges of the allocation-heavy Markdown parser. Measured on rust-rfcs
 * (640 files, 9 MB), a 2-core machine: worker threads 8.0–9.1 s, these processes 7.4–7.5 s.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ConfigError, SpeclintError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import type { FileOutcome, LintFilesOptions } from './lint-files.js';
import type { WorkerBatch, WorkerOptions, WorkerResult } from './worker.js';

/** Below this much Markdown, starting workers (each loads and warms up the linter) costs more than it saves. */
export const MIN_BYTES_FOR_WORKERS = 4 * 1024 * 1024;
const BATCH = 16;
const WORKER_V8_FLAGS = ['--single-threaded', '--max-semi-space-size=64'];

/** Set by a bundled entry point (bin.ts) to the worker bundle built beside it (dist/bundle or standalone/). */
export const workerLocation: { path?: string } = {};

export function workerScript(): string | undefined {
  const path = workerLocation.path ?? join(packageRoot(), 'dist', 'bundle', 'worker.js');
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
  let failed = false;
  const workerOptions: WorkerOptions = {
    cwd: options.cwd, configFile: options.configFile, forcedType: options.forcedType, fix: options.fix, fixDryRun: options.fixDryRun, maxFileBytes: options.maxFileBytes,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
  };
  const children: ChildProcess[] = [];
  const run = (child: ChildProcess) =>
    new Promise<void>((resolveRun, reject) => {
      let done = false;
      const fail = (error: Error) => {
        done = true;
        failed = true;
        for (const other of children) other.kill();
        reject(error);
      };
      const send = () => {
        if (failed || next >= files.length) {
          done = true;
          child.disconnect();
          resolveRun();
          return;
        }
        const batch: WorkerBatch = files.slice(next, next + BATCH).map((path, i) => ({ index: next + i, path }));
        next += batch.length;
        child.send(batch, (error) => {
          if (error) fail(new SpeclintError(`a worker process could not be reached: ${error.message}`));
        });
      };
      child.on('message', (results: WorkerResult[]) => {
        for (const result of results) {
          if (result.error) {
            const ErrorClass = result.error.name === 'ConfigError' ? ConfigError : SpeclintError;
            fail(new ErrorClass(result.error.message));
            return;
          }
          outcomes[result.index] = result.outcome!;
        }
        send();
      });
      child.on('error', (error) => fail(new SpeclintError(`a worker process failed: ${error.message}`)));
      child.on('exit', (code, signal) => {
        if (!done) fail(new SpeclintError(`a worker process stopped (${signal ?? `exit code ${code}`}) before linting its files`));
      });
      send();
    });
  for (let i = 0; i < count; i++) {
    children.push(fork(script, [JSON.stringify(workerOptions)], { execArgv: WORKER_V8_FLAGS, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  }
  await Promise.all(children.map(run));
  return outcomes;
}
