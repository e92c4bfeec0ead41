/**
 * Worker processes for runs with enough Markdown. Files go out in batches on demand (so a slow file does not idle a
 * worker), smaller towards the end so the lanes finish together, and outcomes come back in the order of the list.
 *
 * Why processes, and how many (measured on the 530-file, 6 MB slice speckit + madr + react-rfcs; docs/performance.md):
 * - V8's flags are per process, and two pay: a 64 MB semi-space (a third less CPU for the allocation-heavy Markdown
 *   parser: a cold in-process pass 18.8 s CPU, the same pass with the flag 13.7 s) and `--single-threaded` (the
 *   garbage collector and compiler on the worker's own thread, not fighting the other lane for the second core).
 *   They cannot be set at run time, so a run with enough Markdown lints in a flagged worker even on one lane.
 * - Every process pays the parser's JIT warm-up again: a cold pass over the slice costs 12.8 s CPU, a warm one 7.2 s.
 *   So a lane needs a few MB of Markdown (MIN_BYTES_PER_WORKER) to pay for itself, and a core of its own: a lane
 *   the machine cannot run at the same time as the others only adds its warm-up.
 * - How many cores are ours is measured, not guessed from the load average: the cores the machine left idle since
 *   the run started, plus the share this process itself got (its work moves to the lanes). The load average counts
 *   runnable threads over the last minute, but Linux shares the cores between sessions first (autogroup, on by
 *   default; containers do the same with cgroups): on this shared machine a busy loop got 0.29 of a core alone and
 *   0.32 with a second one beside it in the same session, so a second lane bought nothing while others were busy.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ConfigError, SpeclintError } from '../errors.js';
import { packageRoot } from './package-root.js';
import type { FileOutcome } from './lint-file.js';
import type { SpeclintOptions } from './options.js';

/** Below this much Markdown, starting a worker (0.2 s to load) costs more than its V8 flags save. */
export const MIN_BYTES_FOR_WORKERS = 1024 * 1024;
/** Each lane past the first needs this much more Markdown to pay back its warm-up (a few seconds of CPU). */
export const MIN_BYTES_PER_WORKER = 3 * 1024 * 1024;
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

/** The machine's idle CPU time and this process's CPU time at a moment (see `coresToSpare`). */
export interface CpuSample {
  at: number;
  idleMs: number;
  own: NodeJS.CpuUsage;
}

export function cpuSample(): CpuSample {
  let idleMs = 0;
  for (const cpu of cpus()) idleMs += cpu.times.idle;
  return { at: performance.now(), idleMs, own: process.cpuUsage() };
}

/**
 * The cores worker lanes could have, measured since `since` (the start of the run): the cores the machine left idle
 * plus those this process used. Under 100 ms (the kernel's idle counters tick every 10 ms) it falls back to the
 * 1-minute load average.
 */
export function coresToSpare(since: CpuSample, cores = availableParallelism()): number {
  const now = cpuSample();
  const elapsedMs = now.at - since.at;
  if (elapsedMs < 100) return cores - loadavg()[0]!;
  const own = process.cpuUsage(since.own);
  return (now.idleMs - since.idleMs) / elapsedMs + (own.user + own.system) / 1000 / elapsedMs;
}

/**
 * How many worker processes lint the files (0: this process). `--threads n` asks for n. Automatic: none below
 * MIN_BYTES_FOR_WORKERS; then one lane, and another per MIN_BYTES_PER_WORKER of Markdown, but no more than there are
 * cores to spare (`coresToSpare`, rounded) and at least one.
 */
export function plannedWorkers(files: string[], threads: number | undefined, machine: { cores?: number; spare?: () => number } = {}): number {
  const { cores = availableParallelism(), spare = () => cores - loadavg()[0]! } = machine;
  if (threads !== undefined) return Math.min(threads, files.length);
  const enough = Math.max(MIN_BYTES_FOR_WORKERS, (cores - 1) * MIN_BYTES_PER_WORKER);
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // unreadable: the lint reports it
    }
    if (bytes >= enough) break;
  }
  if (bytes < MIN_BYTES_FOR_WORKERS) return 0;
  const bySize = Math.min(cores, 1 + Math.floor(bytes / MIN_BYTES_PER_WORKER), files.length);
  if (bySize <= 1) return 1;
  return Math.max(1, Math.min(bySize, Math.round(spare())));
}

/** Lints `files` in `count` worker processes started from `script`. */
export async function lintInWorkers(files: string[], options: SpeclintOptions, count: number, script: string): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  let failed: Error | undefined;
  const children: ChildProcess[] = [];
  // Smaller batches as the list runs out, so that no worker is left with a long last batch while the others idle.
  const take = (): WorkerBatch => {
    const size = Math.max(1, Math.min(BATCH, Math.floor((files.length - next) / (count * 3))));
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
        const batch = failed ? [] : take();
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
  for (let i = 0; i < count; i++) {
    children.push(fork(script, [JSON.stringify(options)], { execArgv: WORKER_V8_FLAGS, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  }
  await Promise.all(children.map(runChild));
  if (failed) throw failed;
  return outcomes;
}
