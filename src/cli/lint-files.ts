/**
 * Lint a list of files: read, resolve config, lint, fix. This is the unit a worker process or the cache wraps.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { lintText } from '../engine.js';
import { readMarkdownFile } from './read.js';
import { writeFileAtomic } from './write.js';
import { LintCache, hashConfig } from '../cache.js';
import { PACKAGE_INFO } from '../package-info.generated.js';
import { lintInWorkers, plannedWorkers, workerScript } from './pool.js';
import type { ConfigLoader } from '../config/load.js';
import type { Severity } from '../types.js';
import type { FileReport, Notification } from '../reporters/types.js';

export interface LintFilesOptions {
  cwd: string;
  loader: ConfigLoader;
  forcedType?: string;
  fix: boolean;
  fixDryRun: boolean;
  /** -c path, so a worker process can build its own ConfigLoader. */
  configFile?: string;
  /** --cache: where, and how a file counts as unchanged. */
  cache?: { location: string; strategy: 'content' | 'metadata' };
  /** --threads: 0 = in-process; undefined = automatic. */
  threads?: number;
  /** --max-file-size, in bytes. */
  maxFileBytes?: number;
  /** --report-unused-disable-directives: the severity of unused directives. */
  reportUnusedDisableDirectives?: Severity;
}

export interface FileOutcome {
  report?: FileReport;
  notification?: Notification;
  /** Fixed text for --fix-dry-run. */
  fixedText?: string;
}

/** Bumped when cached results would differ for the same version (2: fingerprints from keys and section paths). */
const RESULT_FORMAT = 2;

export function displayPath(cwd: string, absolutePath: string): string {
  const rel = relative(cwd, absolutePath);
  return (rel && !rel.startsWith('..') ? rel : absolutePath).split(sep).join('/');
}

/**
 * Lint every file, in order. The outcomes come back in the order of `files` whatever runs them.
 */
export async function lintFiles(files: string[], options: LintFilesOptions): Promise<FileOutcome[]> {
  const cache = options.cache && !options.fix && !options.fixDryRun ? new LintCache(options.cache.location, options.cache.strategy, `${PACKAGE_INFO.version}/${RESULT_FORMAT}`) : undefined;
  const outcomes: FileOutcome[] = new Array(files.length);
  const pending: number[] = [];
  const keys: Array<{ key?: string; configHash: string; filePath: string } | undefined> = [];
  if (cache) {
    // Cache hits are decided here, so that only misses cost a parse (in this thread or a worker).
    for (let i = 0; i < files.length; i++) {
      const path = files[i]!;
      const filePath = displayPath(options.cwd, path);
      const config = await options.loader.resolveFor(path, await options.loader.configFor(path), options.forcedType);
      const configHash = `${hashConfig(config)}:${options.reportUnusedDisableDirectives ?? ''}`;
      let key: string | undefined;
      if (options.cache!.strategy === 'metadata') key = cache.keyFor(path);
      else {
        const read = readMarkdownFile(path);
        key = read.ok ? cache.keyFor(path, read.text) : undefined;
      }
      keys[i] = { key, configHash, filePath };
      const hit = cache.get(path, key, configHash);
      if (hit) outcomes[i] = { report: { ...hit, filePath, absolutePath: path } };
      else pending.push(i);
    }
  } else {
    for (let i = 0; i < files.length; i++) pending.push(i);
  }

  const pendingFiles = pending.map((i) => files[i]!);
  const script = workerScript();
  const workers = script ? plannedWorkers(pendingFiles, options.threads) : 0;
  const fresh = workers > 0 ? await lintInWorkers(pendingFiles, options, workers, script!) : await lintSequentially(pendingFiles, options);
  pending.forEach((fileIndex, i) => {
    const outcome = fresh[i]!;
    outcomes[fileIndex] = outcome;
    const entry = keys[fileIndex];
    if (cache && entry && outcome.report) {
      const { filePath: _filePath, absolutePath: _absolutePath, ...result } = outcome.report;
      cache.set(files[fileIndex]!, entry.key, entry.configHash, result);
    }
  });
  cache?.save();
  return outcomes;
}

async function lintSequentially(files: string[], options: LintFilesOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) outcomes.push(await lintOneFile(file, options));
  return outcomes;
}

/** Specs are documents for people: past this size a file is skipped with a warning rather than parsed for minutes. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export async function lintOneFile(absolutePath: string, options: LintFilesOptions): Promise<FileOutcome> {
  const filePath = displayPath(options.cwd, absolutePath);
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
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
  return lintSource(read.text, absolutePath, filePath, options);
}

/** For valid-links' `other.md#section` check: a linked file's text, or undefined when it cannot be read. */
const readLinkedFile = (path: string): string | undefined => { try { return readFileSync(path, 'utf8'); } catch { return undefined; } };

export async function lintSource(text: string, absolutePath: string, filePath: string, options: LintFilesOptions): Promise<FileOutcome> {
  const loaded = await options.loader.configFor(absolutePath);
  const config = await options.loader.resolveFor(absolutePath, loaded, options.forcedType);
  const wantFix = options.fix || options.fixDryRun;
  const unused = options.reportUnusedDisableDirectives;
  let result;
  try {
    result = await lintText(text, { filePath: absolutePath, config, fix: wantFix, fileExists: existsSync, readFile: readLinkedFile, reportUnusedDisableDirectives: unused });
  } catch (error) {
    // Past MAX_CONTAINER_DEPTH (markdown.ts), past MAX_NESTING (document.ts), or the parser's own stack.
    const reason = error instanceof RangeError ? (error.name === 'NestingError' ? error.message : 'the document nests too deeply') : (error as Error).message.split('\n')[0];
    return { notification: { level: 'error', message: `Cannot lint: ${reason}`, filePath } };
  }
  const outcome: FileOutcome = {};
  if (result.output !== undefined) {
    if (options.fix && !options.fixDryRun) {
      try {
        writeFileAtomic(absolutePath, result.output);
      } catch (error) {
        return { notification: { level: 'error', message: `Cannot write fixes: ${(error as Error).message}`, filePath } };
      }
    }
    // Report what remains after the fixes, as ESLint does (for --fix-dry-run too, with the fixed text as `output`).
    const after = await lintText(result.output, { filePath: absolutePath, config, fileExists: existsSync, readFile: readLinkedFile, reportUnusedDisableDirectives: unused });
    outcome.report = { ...after, filePath, absolutePath };
    if (options.fixDryRun) {
      outcome.fixedText = result.output;
      outcome.report.output = result.output;
    }
    return outcome;
  }
  delete result.output;
  outcome.report = { ...result, filePath, absolutePath };
  return outcome;
}
