/**
 * `speclint --watch`: lint, then re-lint the Markdown files that change and redraw the whole report, until Ctrl-C
 * (SIGINT) or SIGTERM; the exit code is the last report's (0 clean, 1 findings that fail, 2 could not check).
 *
 * Only changed files are linted again. A change to a config file, a template or a schema of a type, or a
 * Markdown file that was not linted before (a new file), starts a fresh project layer and lints everything, because
 * any file's config or selection may have changed with it. A broken config while editing is said on stderr and the
 * watch goes on.
 */
import { type FSWatcher, existsSync, statSync, watch as watchPath } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SEARCH_PLACES } from '../config/load.js';
import { SpeclintError } from '../errors.js';
import type { CliOptions } from './args.js';
import { displayPath } from '../project/paths.js';
import type { LintRun, Speclint } from '../project/speclint.js';
import type { FileReport, Notification } from '../reporters/types.js';

/** What the watcher needs of the command line's Io (main.ts). */
interface Io {
  cwd: string;
  isTTY: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface WatchHooks {
  /** A fresh project layer (configs and templates read again). */
  project(): Speclint;
  /** Reports a run and returns its exit code (what a run without --watch ends with). */
  report(speclint: Speclint, run: LintRun): Promise<number>;
}

/** Quiet time after the last file event before re-linting: editors save in several steps. */
const SETTLE_MS = 100;
const MARKDOWN = /\.(?:md|markdown)$/i;
const SKIPPED = /(?:^|[\\/])(?:node_modules|\.git)(?:[\\/]|$)/;
const CONFIG_NAMES = new Set(SEARCH_PLACES);

interface FileState {
  report?: FileReport;
  notifications: Notification[];
}

export function watch(options: CliOptions, io: Io, hooks: WatchHooks): Promise<number> {
  return new Watcher(options, io, hooks).start();
}

class Watcher {
  private speclint: Speclint;
  /** By absolute path, in the order of the last full run (new files last). */
  private files = new Map<string, FileState>();
  private general: Notification[] = [];
  /** Templates, schemas and config files the current config reads: a change to one means a full run. */
  private configInputs = new Set<string>();
  private readonly watchers = new Map<string, FSWatcher>();
  private pending = new Set<string>();
  private timer?: NodeJS.Timeout;
  /** The lint under way, if any. */
  private busy?: Promise<void>;
  private exitCode = 0;
  private stopped = false;

  constructor(private readonly options: CliOptions, private readonly io: Io, private readonly hooks: WatchHooks) {
    this.speclint = hooks.project();
  }

  async start(): Promise<number> {
    // Watching starts first, so that a change during the first run is not missed.
    this.watchRoots();
    // The first run fails as a run without --watch would (a pattern that matches nothing, a broken config).
    this.busy = this.fullRun();
    try {
      await this.busy;
    } catch (error) {
      for (const watcher of this.watchers.values()) watcher.close();
      throw error;
    } finally {
      this.busy = undefined;
    }
    if (this.pending.size > 0) this.timer = setTimeout(() => void this.flush(), 0);
    return new Promise((resolvePromise) => {
      const stop = () => {
        if (this.stopped) return;
        this.stopped = true;
        clearTimeout(this.timer);
        for (const watcher of this.watchers.values()) watcher.close();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        // Let a re-lint under way finish its report, so the exit code is the last report's.
        void Promise.resolve(this.busy).then(() => {
          this.io.stderr('\nspeclint: stopped watching\n');
          resolvePromise(this.exitCode);
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  }

  private async fullRun(): Promise<void> {
    this.speclint = this.hooks.project();
    const run = await this.speclint.lintFiles(this.options.positionals);
    const files = new Map<string, FileState>();
    for (const path of run.selected) files.set(path, { notifications: [] });
    for (const report of run.results) files.set(report.absolutePath, { report, notifications: [] });
    const byDisplay = new Map([...files.keys()].map((path) => [displayPath(this.io.cwd, path), path]));
    this.general = [];
    for (const notification of run.notifications) {
      const path = notification.filePath === undefined ? undefined : byDisplay.get(notification.filePath);
      if (path) files.get(path)!.notifications.push(notification);
      else this.general.push(notification);
    }
    this.files = files;
    await this.collectConfigInputs();
    await this.draw();
  }

  private async collectConfigInputs(): Promise<void> {
    const inputs = new Set<string>();
    for (const path of this.files.keys()) {
      try {
        const { loaded } = await this.speclint.configFor(path);
        if (loaded.filePath) inputs.add(loaded.filePath);
        for (const type of Object.values(loaded.types)) {
          inputs.add(type.template);
          if (type.schema) inputs.add(type.schema);
        }
        if (loaded.baseline) inputs.add(loaded.baseline);
      } catch {
        // Reported by the lint.
      }
    }
    this.configInputs = inputs;
    // Their folders may lie outside the watched paths (a template folder, a config above the working directory).
    for (const input of inputs) this.watchDirectory(dirname(input), false);
  }

  /** The folders the paths name (directories recursively; a file's folder; a glob's fixed prefix), and the cwd. */
  private watchRoots(): void {
    const { cwd } = this.io;
    const patterns = this.options.positionals.length > 0 ? this.options.positionals : ['.'];
    for (const pattern of patterns) {
      const fixed = pattern.split(/[*?[{]/)[0]!;
      const absolute = resolve(cwd, fixed || '.');
      const isGlob = fixed !== pattern;
      if (!isGlob && existsSync(absolute) && statSync(absolute).isFile()) this.watchDirectory(dirname(absolute), false);
      else this.watchDirectory(isGlob && !fixed.endsWith('/') ? dirname(absolute) : absolute, true);
    }
    // A config in the working directory applies to every path below it.
    this.watchDirectory(cwd, false);
  }

  private watchDirectory(directory: string, recursive: boolean): void {
    const key = `${directory}\u0000${recursive}`;
    if (this.watchers.has(key) || this.watchers.has(`${directory}\u0000true`) || !existsSync(directory)) return;
    try {
      const watcher = watchPath(directory, { recursive }, (_event, name) => {
        if (name) this.changed(join(directory, name.toString()));
      });
      watcher.on('error', () => watcher.close());
      this.watchers.set(key, watcher);
    } catch (error) {
      this.io.stderr(`speclint: cannot watch ${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    }
  }

  private changed(path: string): void {
    if (this.stopped || SKIPPED.test(path)) return;
    if (!MARKDOWN.test(path) && !CONFIG_NAMES.has(basename(path)) && !this.configInputs.has(path)) return;
    this.pending.add(path);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SETTLE_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.busy) {
      // Changes during a re-lint are taken once it ends.
      await this.busy.catch(() => undefined);
      if (this.pending.size > 0 && !this.timer) this.timer = setTimeout(() => void this.flush(), 0);
      return;
    }
    const paths = [...this.pending];
    this.pending.clear();
    if (paths.length === 0 || this.stopped) return;
    this.busy = this.relint(paths).catch((error: unknown) => {
      if (!(error instanceof SpeclintError)) throw error;
      this.io.stderr(`speclint: ${error.message}\n`);
      this.exitCode = 2;
    }).finally(() => {
      this.busy = undefined;
    });
    await this.busy;
  }

  private async relint(paths: string[]): Promise<void> {
    const configChanged = paths.some((path) => CONFIG_NAMES.has(basename(path)) || this.configInputs.has(path));
    const added = paths.some((path) => MARKDOWN.test(path) && !this.files.has(path) && existsSync(path));
    if (configChanged || added) return this.fullRun();
    const known = paths.filter((path) => this.files.has(path));
    if (known.length === 0) return;
    const present = known.filter((path) => existsSync(path));
    for (const path of known) if (!present.includes(path)) this.files.delete(path);
    if (present.length > 0) {
      const run = await this.speclint.lintFiles(present);
      for (const path of present) this.files.set(path, { notifications: [] });
      for (const report of run.results) this.files.get(report.absolutePath)!.report = report;
      for (const notification of run.notifications) {
        const path = present.find((p) => notification.filePath !== undefined && resolve(this.io.cwd, notification.filePath) === p);
        (path ? this.files.get(path)!.notifications : this.general).push(notification);
      }
    }
    await this.draw();
  }

  /** The whole report again (a clear screen first on a terminal), from copies: reporting marks and filters findings. */
  private async draw(): Promise<void> {
    const results: FileReport[] = [];
    const notifications = [...this.general];
    for (const state of this.files.values()) {
      if (state.report) results.push({ ...state.report, messages: state.report.messages.map((m) => ({ ...m })) });
      notifications.push(...state.notifications);
    }
    if (this.io.isTTY) this.io.stdout('\x1b[2J\x1b[3J\x1b[H');
    const run: LintRun = { results, notifications, selected: [...this.files.keys()], ignored: [] };
    this.exitCode = await this.hooks.report(this.speclint, run);
    const time = new Date().toTimeString().slice(0, 8);
    this.io.stderr(`[${time}] speclint is watching ${this.files.size} file${this.files.size === 1 ? '' : 's'} for changes (Ctrl-C stops)\n`);
  }
}
