/**
 * Worker processes for large runs. Files go out in small batches on demand (so a slow file does not idle a worker)
 * and outcomes come back in the order of the file list. The parent process lints too, from the same queue: it has
 * already paid for loading and warming up the linter, so on two cores one worker plus the parent does the work of
 * two workers for one process start less.
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
import { packageRoot } from './package-root.js';
import type { FileLinter, FileOutcome } from './lint-file.js';
import type { SpeclintOptions } from './options.js';

/** Below this much Markdown, starting a worker (it loads and warms up the linter) costs more than it saves. */
export const MIN_BYTES_FOR_WORKERS = 4 * 1024 * 1024;
const BATCH = 16;
const WORKER_V8_FLAGS = ['--single-threaded', '--max-semi-space-size=64'];

/** Files to lint, each with its place in the pool's list. */
export type WorkerBatch = Array<{ index: number; path: string }>;

export interface WorkerResult {
  index: number;
  outcome?: FileOutcome;
  error?: { name: string; message: string };
}

/** Set by a bundled entry point (bin.ts, action.ts) to the worker bundle built beside it (dist/bundle or standalone/). */
export const workerLocation: { path?: string } = {};

export function workerScript(): string | undefined {
  const path = workerLocation.path ?? join(packageRoot(), 'dist', 'bundle', 'worker.js');
  return existsSync(path) ? path : undefined;
}

/**
 * How many lanes lint the files: 1 is this process alone; n > 1 is this process and n − 1 workers. `--threads n`
 * asks for n lanes (0 and 1: this process only).
 */
export function plannedLanes(files: string[], threads: number | undefined): number {
  if (threads !== undefined) return Math.max(1, Math.min(threads, files.length));
  if (availableParallelism() < 2) return 1;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // unreadable: the lint reports it
    }
    if (bytes >= MIN_BYTES_FOR_WORKERS) return 2;
  }
  return 1;
}

/** Lints `files` on `lanes` lanes: this process (with `local`) and lanes − 1 worker processes started from `script`. */
export async function lintInWorkers(files: string[], options: SpeclintOptions, lanes: number, script: string, local: FileLinter): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  let failed: Error | undefined;
  const children: ChildProcess[] = [];
  const take = (size: number): WorkerBatch => {
    const batch = files.slice(next, next + size).map((path, i) => ({ index: next + i, path }));
    next += batch.length;
    return batch;
  };
  const fail = (error: Error) => {
    failed ??= error;
    for (const child of children) child.kill();
  };
  const runChild = (child: ChildProcess) =>
    new Promise<void>((resolveRun) => {
      let done = false;
      const finish = () => {
        done = true;
        if (child.connected) child.disconnect();
        resolveRun();
      };
      const send = () => {
        const batch = failed ? [] : take(BATCH);
        if (batch.length === 0) return finish();
        child.send(batch, (error) => {
          if (error) {
            fail(new SpeclintError(`a worker process could not be reached: ${error.message}`));
            finish();
          }
        });
      };
      child.on('message', (results: WorkerResult[]) => {
        for (const result of results) {
          if (result.error) {
            const ErrorClass = result.error.name === 'ConfigError' ? ConfigError : SpeclintError;
            fail(new ErrorClass(result.error.message));
            return finish();
          }
          outcomes[result.index] = result.outcome!;
        }
        send();
      });
      child.on('error', (error) => {
        fail(new SpeclintError(`a worker process failed: ${error.message}`));
        finish();
      });
      child.on('exit', (code, signal) => {
        if (!done) {
          fail(new SpeclintError(`a worker process stopped (${signal ?? `exit code ${code}`}) before linting its files`));
          finish();
        }
      });
      send();
    });
  // This process takes one file at a time and yields between files, so that workers waiting for a batch are served.
  const runLocal = async () => {
    for (;;) {
      const [item] = failed ? [] : take(1);
      if (!item) return;
      try {
        outcomes[item.index] = await local.lintFile(item.path);
      } catch (error) {
        fail(error as Error);
        return;
      }
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
    }
  };
  for (let i = 1; i < lanes; i++) {
    children.push(fork(script, [JSON.stringify(options)], { execArgv: WORKER_V8_FLAGS, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  }
  await Promise.all([...children.map(runChild), runLocal()]);
  if (failed) throw failed;
  return outcomes;
}
