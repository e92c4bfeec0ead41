/**
 * Worker processes for runs with enough Markdown. Files go out in batches on demand (so a slow file does not idle a
 * worker), smaller towards the end so the lanes finish together, and outcomes come back in the order of the list.
 *
 * Why processes, and how many (measured on the 530-file, 6 MB slice speckit + madr + react-rfcs; docs/performance.md):
 * - V8's flags are per process, and four pay: a 64 MB semi-space (a third less CPU for the allocation-heavy Markdown
 *   parser: a cold in-process pass 18.8 s CPU, the same pass with the flag 13.7 s), `--single-threaded` (the
 *   garbage collector and compiler on the worker's own thread, not fighting the other lane for the second core),
 *   and two that make the optimizing compiler cheaper: `--no-turbo-inlining` and a 7× interrupt budget (fewer
 *   functions optimized, later). A lane's TurboFan compiles took 2.8 s of its 9.8 s over the slice, and were
 *   repeated in every lane; with the two flags the slice takes 5.3 s instead of 6.6 s on two lanes, and the whole
 *   corpus, whose lanes live long enough to repay any compile, the same 37–39 s. They cannot be set at run time,
 *   so a run with enough Markdown lints in a flagged worker even on one lane.
 * - Every process pays the parser's JIT warm-up again: a cold pass over the slice costs 12.8 s CPU, a warm one 7.2 s.
 *   So a lane needs a few MB of Markdown (MIN_BYTES_PER_WORKER) to pay for itself, and a core of its own: a lane
 *   the machine cannot run at the same time as the others only adds its warm-up.
 * - How many cores are ours is measured, not guessed from the load average: the first lane starts at once, with
 *   another for each core the machine left idle since this process started up (measured over at least
 *   MIN_SAMPLE_MS, the first lane's own core counted as ours), or else for each it leaves idle while the first
 *   lane works (LANE_DECISION_MS, when the start-up sample is stale). The load average counts
 *   runnable threads over the last minute, earlier runs of this tool included (an idle machine running speclint
 *   back to back shows 1–2 and got one lane), and Linux shares the cores between sessions first (autogroup, on by
 *   default; containers do the same with cgroups): on this shared machine a busy loop got 0.29 of a core alone and
 *   0.32 with a second one beside it in the same session, so a second lane bought nothing while others were busy.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
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
const WORKER_V8_FLAGS = ['--single-threaded', '--max-semi-space-size=64', '--no-turbo-inlining', '--interrupt-budget=500000'];

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

/** The machine's idle CPU time (all cores) and this process's CPU time at a moment. */
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
 * The cores the machine left idle since `since`, counting this process's own work (all its threads) as idle: it is
 * about to wait for its lanes. Undefined when too little time has passed for the kernel's 10 ms ticks to tell.
 */
export function idleCoresSince(since: CpuSample, now = cpuSample()): number | undefined {
  const elapsedMs = now.at - since.at;
  if (elapsedMs < MIN_SAMPLE_MS) return undefined;
  const own = process.cpuUsage(since.own);
  return (now.idleMs - since.idleMs + (own.user + own.system) / 1000) / elapsedMs;
}

/**
 * The cores a new lane could have: those the machine left idle since `since`, less the cores the `lanes` running
 * lanes (started at `lanesStartedAt`) hold from now on. A lane counts as having used a whole core since it started
 * (it starts by loading Node and the worker bundle, which is all CPU), so its share of the span counts as idle, like
 * this process's own: a span that began before the lanes did still measures everything else on the machine.
 */
export function coresForNewLanes(since: CpuSample, lanes: number, lanesStartedAt: number, now = cpuSample()): number | undefined {
  const idle = idleCoresSince(since, now);
  if (idle === undefined) return undefined;
  const lanesShare = (lanes * Math.max(0, now.at - Math.max(since.at, lanesStartedAt))) / (now.at - since.at);
  return idle + lanesShare - lanes;
}

/** The machine as this process found it while starting up (module load, files, config): its first sample. */
const startupSample = cpuSample();

/** How many worker lanes to start at once, and how many a run may grow to when cores turn out to be idle. */
export interface LanePlan {
  first: number;
  upTo: number;
}

/**
 * `--threads n` asks for n lanes (no more than files). Automatic: none below MIN_BYTES_FOR_WORKERS; one lane at
 * once, and up to one more per MIN_BYTES_PER_WORKER of Markdown (at most the cores), each started only for a core
 * the machine left idle, while this process started up or while the first lane works (`extraLanes`).
 */
export function plannedLanes(files: string[], threads: number | undefined, cores = availableParallelism()): LanePlan {
  if (threads !== undefined) {
    const lanes = Math.min(threads, files.length);
    return { first: lanes, upTo: lanes };
  }
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
  if (bytes < MIN_BYTES_FOR_WORKERS) return { first: 0, upTo: 0 };
  return { first: 1, upTo: Math.max(1, Math.min(cores, 1 + Math.floor(bytes / MIN_BYTES_PER_WORKER), files.length)) };
}

/**
 * Lanes to add to a running pool, from the cores the machine left idle (`idleCores`): one per idle core, within the
 * plan, and none once most files are handed out.
 */
export function extraLanes(plan: LanePlan, running: number, idleCores: number, filesLeft: number, files: number): number {
  if (filesLeft < files / 4) return 0;
  // 0.7 of an idle core earns a lane: on a 2-core machine at load 4, two lanes cost 1.5 times the CPU of one.
  return Math.max(0, Math.min(plan.upTo - running, Math.floor(idleCores + 0.3)));
}

/**
 * Without a fresh start-up sample (a --watch run, the language server): how long the first lane works before the
 * pool measures whether another has a core of its own. The measure then sees the machine as the run finds it, not
 * the load average of the last minute (which counts earlier runs of this very tool).
 */
const LANE_DECISION_MS = 250;
/** The shortest span a sample of idle time is trusted over (2 cores × 100 ms = 20 kernel ticks). */
const MIN_SAMPLE_MS = 100;
/** Past this, the startup sample says little about the machine now (a --watch run, the language server). */
const STARTUP_SAMPLE_MAX_MS = 3000;

/** Lints `files` in worker processes started from `script`: `plan.first` at once, more if cores turn out idle. */
export async function lintInWorkers(files: string[], options: SpeclintOptions, plan: LanePlan, script: string): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  let failed: Error | undefined;
  const children: ChildProcess[] = [];
  // Smaller batches as the list runs out, so that no worker is left with a long last batch while the others idle.
  const take = (): WorkerBatch => {
    const size = Math.max(1, Math.min(BATCH, Math.floor((files.length - next) / (children.length * 3))));
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
      // Two batches in flight per lane, so that a lane never waits for this process to send the next one (it may be
      // busy finding the spec sets: lanes waited 0.4 s each over the corpus).
      let inFlight = 0;
      const send = () => {
        const batch = failed ? [] : take();
        if (batch.length === 0) {
          if (inFlight === 0) finish();
          return;
        }
        inFlight++;
        child.send(batch, (error) => {
          if (error) {
            fail(new SpeclintError(`a worker process could not be reached: ${error.message}`));
            finish();
          }
        });
      };
      child.on('message', (results: WorkerResult[]) => {
        inFlight--;
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
      send();
    });
  const lanes: Promise<void>[] = [];
  const startLane = () => {
    const child = fork(script, [JSON.stringify(options)], { execArgv: WORKER_V8_FLAGS, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    children.push(child);
    lanes.push(runChild(child));
  };
  const addLanes = (idleCores: number) => {
    for (let i = extraLanes(plan, children.length, idleCores, files.length - next, files.length); i > 0; i--) startLane();
  };
  for (let i = 0; i < plan.first; i++) startLane();
  const lanesStartedAt = performance.now();
  // Cores the machine left idle while this process started up earn their lanes at once (a lane started later
  // finishes later: 0.1–0.2 s of a 3–5 s run), or as soon as that span is long enough to tell (MIN_SAMPLE_MS:
  // starting up may take less); a stale sample gives way to the first lane's first moments.
  let decision: NodeJS.Timeout | undefined;
  if (plan.upTo > children.length) {
    const startupAge = lanesStartedAt - startupSample.at;
    const fresh = startupAge <= STARTUP_SAMPLE_MAX_MS;
    const since = fresh ? startupSample : cpuSample();
    const wait = fresh ? Math.max(0, MIN_SAMPLE_MS - startupAge) : LANE_DECISION_MS;
    const decide = () => {
      if (failed) return;
      const cores = coresForNewLanes(since, children.length, lanesStartedAt);
      // A timer may fire a fraction of a millisecond before the span is MIN_SAMPLE_MS long.
      if (cores === undefined) decision = setTimeout(decide, 2);
      else addLanes(cores);
    };
    if (wait === 0) decide();
    else decision = setTimeout(decide, wait);
  }
  // Lanes added while waiting are waited for too; once every lane is done, all files are handed out.
  for (let i = 0; i < lanes.length; i++) await lanes[i];
  clearTimeout(decision);
  if (failed) throw failed;
  return outcomes;
}
