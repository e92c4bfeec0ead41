/**
 * One file, start to finish: its config (resolved once), its bytes, the core's lint, the fixes written. This is the
 * unit the cache and the worker processes wrap; a worker builds a FileLinter from the run's SpeclintOptions.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from './paths.js';
import { lintText } from '../engine.js';
import { ConfigLoader, type LoadedConfig } from '../config/load.js';
import { readMarkdownFile } from './read.js';
import { writeFileAtomic } from './write.js';
import type { SpeclintOptions } from './options.js';
import type { ResolvedConfig } from '../types.js';
import type { FileReport, Notification } from '../reporters/types.js';

/** For valid-links' `other.md#section` check: a linked file's text, or undefined when it cannot be read. */
const readLinkedFile = (path: string): string | undefined => { try { return readFileSync(path, 'utf8'); } catch { return undefined; } };

/** Everything config says about one file. */
export interface FileConfig {
  /** The config file that applies (nearest above the file, or `-c`), `extends` flattened. */
  loaded: LoadedConfig;
  /** What the core receives for this file: overrides applied, type mapping and templates resolved. */
  resolved: ResolvedConfig;
  /** Left out by the config's `ignores`. */
  ignored: boolean;
}

/** A file's result, or why there is none. */
export interface FileOutcome {
  report?: FileReport;
  notification?: Notification;
}

/** Specs are documents for people: past this size a file is skipped with a warning rather than parsed for minutes. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export { displayPath };

export class FileLinter {
  readonly loader: ConfigLoader;
  private readonly configs = new Map<string, Promise<FileConfig>>();

  constructor(readonly options: SpeclintOptions) {
    this.loader = new ConfigLoader({ cwd: options.cwd, configFile: options.configFile });
  }

  /** The one place a file's config is resolved; every consumer (ignores, cache, lint, baseline, print) asks here. */
  configFor(path: string): Promise<FileConfig> {
    const absolute = resolve(this.options.cwd, path);
    let pending = this.configs.get(absolute);
    if (!pending) {
      pending = (async () => {
        const loaded = await this.loader.configFor(absolute);
        const resolved = await this.loader.resolveFor(absolute, loaded, this.options.forcedType);
        return { loaded, resolved, ignored: this.loader.isIgnored(absolute, loaded) };
      })();
      this.configs.set(absolute, pending);
    }
    return pending;
  }

  async lintFile(absolutePath: string): Promise<FileOutcome> {
    const filePath = displayPath(this.options.cwd, absolutePath);
    const limit = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    try {
      const size = statSync(absolutePath).size;
      if (size > limit) {
        const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
        return { notification: { level: 'warning', message: `Skipped: ${mb(size)} is over the ${mb(limit)} limit for one document (--max-file-size)`, filePath } };
      }
    } catch {
      // unreadable or vanished: reading reports it
    }
    const read = readMarkdownFile(absolutePath);
    if (!read.ok) return { notification: { level: read.level, message: read.message, filePath } };
    return this.lintSource(read.text, absolutePath, filePath, { write: true });
  }

  /**
   * Lints a text as the file at `absolutePath` (its config, its relative links). Writes fixes only with `write`
   * (a file from disk under --fix); with --fix-dry-run the fixed text is the report's `output`.
   */
  async lintSource(text: string, absolutePath: string, filePath: string, { write }: { write: boolean }): Promise<FileOutcome> {
    const { resolved: config } = await this.configFor(absolutePath);
    const writeFixes = write && Boolean(this.options.fix) && !this.options.fixDryRun;
    const unused = this.options.reportUnusedDisableDirectives;
    let result;
    try {
      result = await lintText(text, { filePath: absolutePath, config, fix: writeFixes || this.options.fixDryRun, fileExists: existsSync, readFile: readLinkedFile, reportUnusedDisableDirectives: unused });
    } catch (error) {
      // Past MAX_CONTAINER_DEPTH (markdown.ts), past MAX_NESTING (document.ts), or the parser's own stack.
      const reason = error instanceof RangeError ? (error.name === 'NestingError' ? error.message : 'the document nests too deeply') : (error as Error).message.split('\n')[0];
      return { notification: { level: 'error', message: `Cannot lint: ${reason}`, filePath } };
    }
    if (result.output === undefined) {
      delete result.output;
      return { report: { ...result, filePath, absolutePath } };
    }
    if (writeFixes) {
      try {
        writeFileAtomic(absolutePath, result.output);
      } catch (error) {
        return { notification: { level: 'error', message: `Cannot write fixes: ${(error as Error).message}`, filePath } };
      }
    }
    // Report what remains after the fixes, as ESLint does (for --fix-dry-run too, with the fixed text as `output`).
    const after = await lintText(result.output, { filePath: absolutePath, config, fileExists: existsSync, readFile: readLinkedFile, reportUnusedDisableDirectives: unused });
    const report: FileReport = { ...after, filePath, absolutePath };
    if (this.options.fixDryRun) report.output = result.output;
    else delete report.output;
    return { report };
  }
}
