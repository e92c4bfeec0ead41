/**
 * speclint's file-aware API (the project layer), modelled on ESLint's `ESLint` class:
 *
 *   const speclint = new Speclint({ cwd: process.cwd() });
 *   const run = await speclint.lintFiles(['docs']);
 *   const text = (await speclint.loadFormatter('text')).format(run.results, { notifications: run.notifications });
 *
 * It owns everything between the pure core (text + resolved config → findings) and a user interface (the CLI, an
 * editor, a watcher): config resolution (one call per file, `configFor`), file discovery, `--changed`, the cache,
 * baselines, worker processes and writing fixes. It prints nothing and never exits the process.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { LintCache, hashConfig } from './cache.js';
import { FileLinter, type FileConfig, type FileOutcome } from './lint-file.js';
import { displayPath } from './paths.js';
import { readMarkdownFile } from './read.js';
import { sourceLinesFor } from '../reporters/excerpts.js';
import { lintInWorkers, plannedLanes, workerScript } from './pool.js';
import { applyBaselines, writeBaselines, type BaselineWrite } from './baselines.js';
import { UsageError } from '../errors.js';
import { PACKAGE_INFO } from '../package-info.generated.js';
import type { FileSelection, SpeclintOptions } from './options.js';
import type { ChangedFiles } from './git-changed.js';
import type { SetsOutcome } from './sets.js';
import type { SpecSet } from '../sets/types.js';
import type { DocumentTypeSource, Rule } from '../types.js';
import type { FileReport, Notification, ReportContext } from '../reporters/types.js';

/** Bumped when cached results would differ for the same version (2: fingerprints from keys and section paths; 3: story headings keep their opening prose in the summary). */
const RESULT_FORMAT = 3;

/** What one lint run found. */
export interface LintRun {
  /** One per linted file, in the order of the selected files. */
  results: FileReport[];
  /** Files that could not be checked, patterns that matched nothing readable. */
  notifications: Notification[];
  /** The files selected for linting (absolute), after ignores and sharding. */
  selected: string[];
  /** Files left out by a config's `ignores` (absolute). */
  ignored: string[];
  /** With `changed`: what git reported. */
  changed?: ChangedFiles;
  /** The project pass: the sets found and every linted file's summary (absent with a shard, stdin or --no-sets). */
  sets?: SetsOutcome;
}

/** How a report is presented: what the user interface decides. */
export interface FormatOptions {
  notifications?: Notification[];
  color?: boolean;
  sarifCategory?: string;
  maxWarnings?: number;
  stats?: boolean;
  /** A job summary is being written ($GITHUB_STEP_SUMMARY): the github format says so. */
  stepSummary?: boolean;
  /** --max-findings: the most findings a size-limited report (markdown) lists. */
  maxFindings?: number;
  /** Where a repository file can be read at this commit (see blobUrlFromEnv), for reports that link lines. */
  blobUrl?: string;
  /** The spec sets the run found (the JSON report lists them). */
  sets?: ReportContext['sets'];
}

export interface Formatter {
  format(results: FileReport[], options?: FormatOptions): string;
  /** Markdown for a CI job summary, for formats that have one. */
  stepSummary?(results: FileReport[], options?: FormatOptions): string;
}

/** The configuration that applies to a file, as `--print-config` shows it. */
export interface PrintableConfig {
  configFile: string | null;
  rules: Record<string, unknown>;
  types: Record<string, { source: string }>;
  forcedType: { id: string; reason: string } | null;
  ignored: boolean;
  baseline: string | null;
  settings: Record<string, unknown>;
}

/** Deterministic across machines and runs: the shard depends only on the repository-relative path. */
export function shardOf(relativePath: string, count: number): number {
  return createHash('sha1').update(relativePath).digest().readUInt32BE(0) % count;
}

export class Speclint {
  readonly options: SpeclintOptions;
  private readonly linter: FileLinter;

  constructor(options: SpeclintOptions) {
    this.options = { ...options, cwd: resolve(options.cwd) };
    this.linter = new FileLinter(this.options);
  }

  /** The config of a file: loaded once per directory, resolved once per file, shared by every step of a run. */
  configFor(path: string): Promise<FileConfig> {
    return this.linter.configFor(path);
  }

  async isPathIgnored(path: string): Promise<boolean> {
    return (await this.configFor(path)).ignored;
  }

  async calculateConfigForFile(path: string): Promise<PrintableConfig> {
    const { loaded, resolved, ignored } = await this.configFor(path);
    return {
      configFile: loaded.filePath ?? null,
      rules: Object.fromEntries(Object.entries(resolved.rules).map(([id, r]) => [id, Object.keys(r.options).length ? [r.severity, r.options] : r.severity])),
      types: Object.fromEntries(Object.entries(resolved.types).map(([id, t]) => [id, { source: t.source }])),
      forcedType: resolved.forcedType ?? null,
      ignored,
      baseline: loaded.baseline ?? null,
      settings: resolved.settings,
    };
  }

  /** The document types known in the working directory (built-in and the config's). */
  async documentTypes(): Promise<Record<string, DocumentTypeSource>> {
    return (await this.configFor('speclint.md')).resolved.types;
  }

  /**
   * Lints a text as the file `filePath` would be (its config; relative links from its directory), without reading
   * or writing that file. Without a path it is `<stdin>` in the working directory. With --fix-dry-run the fixed text
   * is the result's `output`. With a path (and sets on), the text stands in for that file in its spec sets: the
   * other members are read from disk and the set findings that land in the file are part of its report (the CLI's
   * `--stdin --stdin-filename` and the language server both come here).
   */
  async lintText(text: string, { filePath }: { filePath?: string } = {}): Promise<LintRun> {
    const absolute = resolve(this.options.cwd, filePath ?? 'stdin.md');
    this.lintedTexts.set(absolute, text);
    const outcome = await this.linter.lintSource(text, absolute, filePath ? displayPath(this.options.cwd, absolute) : '<stdin>', { write: false });
    const run: LintRun = { results: outcome.report ? [outcome.report] : [], notifications: outcome.notification ? [outcome.notification] : [], selected: [absolute], ignored: [] };
    // With a path, the text stands in for that file in its set (read from disk around it): its set findings too.
    if (filePath && outcome.report?.summary && this.options.sets !== false) run.sets = await this.textSetPass(outcome.report);
    return run;
  }

  /** The other members of a text's sets, linted once per change on disk (an editor lints the same text often). */
  private readonly memberReports = new Map<string, { stamp: string; report: FileReport }>();

  private async textSetPass(report: FileReport): Promise<SetsOutcome> {
    const { runSetRulesForText } = await import('./sets.js');
    const { collectFiles } = await import('./files.js');
    const { statSync } = await import('node:fs');
    const stampOf = (file: string) => {
      try {
        const stat = statSync(file);
        return `${stat.mtimeMs}:${stat.size}`;
      } catch {
        return undefined;
      }
    };
    return runSetRulesForText(report, {
      cwd: this.options.cwd,
      configFor: (path) => this.configFor(path),
      listFiles: async (root) => (await collectFiles([root], this.options.cwd)).files,
      lintMembers: async (files) => {
        const stale = files.filter((file) => this.memberReports.get(file)?.stamp !== stampOf(file));
        // Other members are read, never fixed: under --fix only the text is (and it is not written either).
        const outcomes = this.options.fix || this.options.fixDryRun ? await this.lintUnfixed(stale) : await this.lintSelected(stale);
        stale.forEach((file, i) => {
          const fresh = outcomes[i]?.report;
          const stamp = stampOf(file);
          if (fresh && stamp) this.memberReports.set(file, { stamp, report: fresh });
          else this.memberReports.delete(file);
        });
        return files.flatMap((file) => this.memberReports.get(file)?.report ?? []);
      },
      options: this.setPassOptions(),
    });
  }

  /** Lints the Markdown files that paths, directories and globs name (and `selection` keeps), in a stable order. */
  async lintFiles(patterns: string[], selection: FileSelection = {}): Promise<LintRun> {
    const notifications: Notification[] = [];
    const { files, changed } = await this.candidateFiles(patterns, selection, notifications);
    const ignored: string[] = [];
    let selected: string[] = [];
    for (const file of files) ((await this.configFor(file)).ignored ? ignored : selected).push(file);
    if (selection.shard) {
      const { index, count } = selection.shard;
      selected = selected.filter((file) => shardOf(displayPath(this.options.cwd, file), count) === index - 1);
    }
    // A shard sees part of each set: its summaries go to `speclint sets --from` (--summaries-out) instead.
    const withSets = !selection.shard && this.options.sets !== false;
    // Which files form sets depends on their paths alone: found while worker lanes lint, not after them.
    const foundSets = withSets && changed === undefined ? this.discoverSets(selected) : undefined;
    foundSets?.catch(() => {}); // awaited below; an early lint failure must not leave it unhandled
    const outcomes = await this.lintSelected(selected);
    const results: FileReport[] = [];
    for (const outcome of outcomes) {
      if (outcome.report) results.push(outcome.report);
      if (outcome.notification) notifications.push(outcome.notification);
    }
    if (changed && selection.onlyChangedLines) await keepChangedLines(results, changed);
    const sets = !withSets ? undefined : foundSets ? await this.runSets(results, await foundSets) : await this.changedSetsPass(results, selected, patterns);
    return { results, notifications, selected, ignored, changed, sets };
  }

  /** The sets the linted files form (from their paths and configs alone), for the set rules over their summaries. */
  private async discoverSets(files: string[]): Promise<SpecSet[]> {
    const { discoverProjectSets } = await import('./sets.js');
    return discoverProjectSets(files, this.options.cwd, (path: string) => this.configFor(path));
  }

  private async runSets(results: FileReport[], sets: SpecSet[]): Promise<SetsOutcome> {
    const { runSetRules } = await import('./sets.js');
    return runSetRules(results, sets, this.options.cwd, (path: string) => this.configFor(path), this.setPassOptions());
  }

  /**
   * The set rules of a --changed run. Sets are found among all the files the patterns name, and the other members of
   * a set with a changed file are linted too (from the cache when warm): a changed tasks.md re-checks its spec's
   * status. Those files report only the set findings that land in them.
   */
  private async changedSetsPass(results: FileReport[], selected: string[], patterns: string[]): Promise<SetsOutcome> {
    const { discoverProjectSets, membersAffectedBy, runSetRules } = await import('./sets.js');
    const { cwd } = this.options;
    const configFor = (path: string) => this.configFor(path);
    const { collectFiles } = await import('./files.js');
    const all: string[] = [];
    for (const file of (await collectFiles(patterns.length > 0 ? patterns : ['.'], cwd)).files) if (!(await this.configFor(file)).ignored) all.push(file);
    const allSets = await discoverProjectSets(all, cwd, configFor);
    const changedPaths = selected.map((file) => displayPath(cwd, file));
    const changedSet = new Set(changedPaths);
    const selectedSet = new Set(selected);
    const affected = membersAffectedBy(allSets, changedPaths);
    const sets = allSets.filter((set) => set.members.some((m) => changedSet.has(m.path)));
    const extraFiles = all.filter((file) => affected.has(displayPath(cwd, file)) && !selectedSet.has(file));
    const extras: FileReport[] = [];
    for (const outcome of await this.lintSelected(extraFiles)) {
      if (!outcome.report) continue;
      extras.push({ ...outcome.report, messages: [], errorCount: 0, warningCount: 0, fixableCount: 0 });
    }
    const outcome = await runSetRules([...results, ...extras], sets, cwd, configFor, this.setPassOptions());
    for (const extra of extras) if (extra.messages.length > 0) results.push(extra);
    return outcome;
  }

  private setPassOptions(): { reportUnusedDisableDirectives?: SpeclintOptions['reportUnusedDisableDirectives'] } {
    return { reportUnusedDisableDirectives: this.options.reportUnusedDisableDirectives };
  }

  private async candidateFiles(patterns: string[], selection: FileSelection, notifications: Notification[]): Promise<{ files: string[]; changed?: ChangedFiles }> {
    const { cwd } = this.options;
    if (selection.changed !== undefined) {
      const { changedMarkdownFiles } = await import('./git-changed.js');
      const changed = await changedMarkdownFiles(cwd, selection.changed || undefined);
      let files = changed.files;
      if (patterns.length > 0) {
        const roots = patterns.map((p) => resolve(cwd, p));
        files = files.filter((f) => roots.some((root) => f === root || f.startsWith(`${root}/`)));
      }
      return { files, changed };
    }
    const { collectFiles } = await import('./files.js');
    const collected = await collectFiles(patterns.length > 0 ? patterns : ['.'], cwd);
    if (collected.unmatched.length > 0 && this.options.errorOnUnmatchedPattern !== false) {
      const described = collected.unmatched.map(({ pattern, reason }) => `"${pattern}"${reason === 'missing' ? ' (no such file or directory)' : ''}`);
      throw new UsageError(`${described.join(', ')} ${described.length === 1 ? 'matches' : 'match'} no Markdown file: check the path or glob, or pass --no-error-on-unmatched-pattern`);
    }
    notifications.push(...collected.notifications.map((n) => (n.filePath ? { ...n, filePath: displayPath(cwd, n.filePath) } : n)));
    return { files: collected.files };
  }

  /** Cache hits first, then the misses: in this process, or for enough Markdown in worker processes. */
  private async lintSelected(files: string[]): Promise<FileOutcome[]> {
    const { options } = this;
    const cache = options.cache && !options.fix && !options.fixDryRun
      ? new LintCache(resolve(options.cwd, options.cache.location), options.cache.strategy, `${PACKAGE_INFO.version}/${RESULT_FORMAT}`)
      : undefined;
    const outcomes: FileOutcome[] = new Array(files.length);
    const pending: number[] = [];
    const keys: Array<{ key?: string; configHash: string } | undefined> = [];
    if (cache) {
      const { readMarkdownFile } = await import('./read.js');
      for (let i = 0; i < files.length; i++) {
        const path = files[i]!;
        const configHash = `${hashConfig((await this.configFor(path)).resolved)}:${options.reportUnusedDisableDirectives ?? ''}`;
        let key: string | undefined;
        if (options.cache!.strategy === 'metadata') key = cache.keyFor(path);
        else {
          const read = readMarkdownFile(path);
          key = read.ok ? cache.keyFor(path, read.text) : undefined;
        }
        keys[i] = { key, configHash };
        const hit = cache.get(path, key, configHash);
        if (hit) outcomes[i] = { report: { ...hit, filePath: displayPath(options.cwd, path), absolutePath: path } };
        else pending.push(i);
      }
    } else {
      for (let i = 0; i < files.length; i++) pending.push(i);
    }

    const pendingFiles = pending.map((i) => files[i]!);
    const script = workerScript();
    const lanes = script ? plannedLanes(pendingFiles, options.threads) : { first: 0, upTo: 0 };
    const fresh = lanes.first > 0 ? await lintInWorkers(pendingFiles, options, lanes, script!) : await this.lintHere(pendingFiles);
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

  private async lintUnfixed(files: string[]): Promise<FileOutcome[]> {
    const outcomes: FileOutcome[] = [];
    for (const file of files) {
      const read = readMarkdownFile(file);
      outcomes.push(read.ok ? await this.linter.lintSource(read.text, file, displayPath(this.options.cwd, file), { write: false }) : {});
    }
    return outcomes;
  }

  private async lintHere(files: string[]): Promise<FileOutcome[]> {
    const outcomes: FileOutcome[] = [];
    for (const file of files) outcomes.push(await this.linter.lintFile(file));
    return outcomes;
  }

  /**
   * `speclint sets --from`: the results shards wrote (--summaries-out), merged, with the set rules run over all
   * their summaries: one run, as if one job had linted every file.
   */
  async lintSummaries(files: string[]): Promise<LintRun> {
    const { readSummaries } = await import('./summaries.js');
    const { discoverProjectSets, runSetRules } = await import('./sets.js');
    const { cwd } = this.options;
    const { results, notifications } = readSummaries(files, cwd, PACKAGE_INFO.version);
    results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
    const selected = results.map((r) => r.absolutePath);
    const configFor = (path: string) => this.configFor(path);
    const sets = this.options.sets === false ? undefined : await runSetRules(results, await discoverProjectSets(selected, cwd, configFor), cwd, configFor, this.setPassOptions());
    return { results, notifications, selected, ignored: [], sets };
  }

  /** `--summaries-out`: this run's results and summaries, for a later `speclint sets --from`. */
  async writeSummaries(file: string, run: LintRun, shard?: { index: number; count: number }): Promise<void> {
    const { writeSummaries } = await import('./summaries.js');
    writeSummaries(resolve(this.options.cwd, file), run.results, run.notifications, { version: PACKAGE_INFO.version, shard: shard ? `${shard.index}/${shard.count}` : undefined });
  }

  /** Marks the findings recorded in the applicable baselines as suppressed; returns how many. */
  applyBaselines(results: FileReport[]): Promise<number> {
    return applyBaselines(results, this.linter);
  }

  /** `speclint baseline [--update]`: records the results' findings (or drops fixed ones) and says what it wrote. */
  writeBaselines(results: FileReport[], options: { file?: string; update: boolean }): Promise<BaselineWrite[]> {
    return writeBaselines(results, this.linter, options);
  }

  /** A rule's documentation page (from the installed package) and its URL (the config's `docsUrl` mirror honoured). */
  async ruleDocs(ruleId: string): Promise<{ page?: string; url: string }> {
    const { readRuleDocs, docsUrlResolver } = await import('./rule-docs.js');
    return { page: readRuleDocs(ruleId), url: docsUrlResolver(await this.docsUrlTemplate())(ruleId) };
  }

  private async docsUrlTemplate(): Promise<string | undefined> {
    try {
      return (await this.configFor('speclint.md')).loaded.docsUrl;
    } catch {
      // A broken config here was not needed for the files linted; links use the default.
      return undefined;
    }
  }

  /** A report format by name (text, json, sarif, github, compact), bound to this project's rules, docs and paths. */
  async loadFormatter(name: string): Promise<Formatter> {
    const { loadReporter } = await import('../reporters/index.js');
    const reporter = await loadReporter(name).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    // Reporters are pure and synchronous: what they need from disk (docs pages, the git top level) is read here.
    const base = await this.reportContext();
    const withOptions = (results: FileReport[], options: FormatOptions = {}): ReportContext => ({
      ...base,
      color: options.color ?? false,
      notifications: options.notifications ?? [],
      sarifCategory: options.sarifCategory,
      maxWarnings: options.maxWarnings,
      stats: options.stats,
      stepSummary: options.stepSummary ?? false,
      maxFindings: options.maxFindings,
      blobUrl: options.blobUrl,
      sets: options.sets,
      ruleDocs: this.docsFor(results),
      sourceLines: reporter.needsSourceLines ? this.sourceLinesFor(results) : undefined,
    });
    return {
      format: (results, options) => reporter.format(results, withOptions(results, options)),
      ...(reporter.stepSummary ? { stepSummary: (results: FileReport[], options?: FormatOptions) => reporter.stepSummary!(results, withOptions(results, options)) } : {}),
    };
  }

  /** Texts linted that are not on disk as linted (standard input, lintText), for reports that show source lines. */
  private readonly lintedTexts = new Map<string, string>();

  /** The lines around each finding, from the text the findings refer to: lintText's, --fix-dry-run's output, else the file. */
  private sourceLinesFor(results: FileReport[]): ReadonlyMap<string, ReadonlyMap<number, string>> {
    return sourceLinesFor(results, (report) => {
      const read = report.output ?? this.lintedTexts.get(report.absolutePath) ?? readMarkdownFile(report.absolutePath);
      return typeof read === 'string' ? read : read.ok ? read.text : undefined;
    });
  }

  private readonly docsPages = new Map<string, string | undefined>();
  private readDocs?: (ruleId: string) => string | undefined;

  /** The docs pages of the rules that reported (read before formatting: reporters do not read files). */
  private docsFor(results: FileReport[]): ReadonlyMap<string, string> {
    const pages = new Map<string, string>();
    for (const report of results) {
      for (const finding of report.messages) {
        if (pages.has(finding.ruleId)) continue;
        if (!this.docsPages.has(finding.ruleId)) this.docsPages.set(finding.ruleId, this.readDocs?.(finding.ruleId));
        const page = this.docsPages.get(finding.ruleId);
        if (page !== undefined) pages.set(finding.ruleId, page);
      }
    }
    return pages;
  }

  private async reportContext(): Promise<ReportContext> {
    const { rulesById: fileRules } = await import('../../rules/index.js');
    const { setRules } = await import('../sets/index.js');
    // Reporters describe set rules like file rules (id, description, default severity, tags, docs).
    const rulesById = new Map<string, Rule>([...fileRules, ...setRules.map((rule): [string, Rule] => [rule.meta.id, { meta: rule.meta, check: () => {} } as Rule])]);
    const { readRuleDocs, docsUrlResolver } = await import('./rule-docs.js');
    const { gitTopLevel } = await import('./git-changed.js');
    this.readDocs = readRuleDocs;
    const { cwd } = this.options;
    return {
      cwd,
      repositoryRoot: gitTopLevel(cwd) ?? cwd,
      version: PACKAGE_INFO.version,
      homepage: PACKAGE_INFO.homepage,
      color: false,
      rules: rulesById,
      docsUrl: docsUrlResolver(await this.docsUrlTemplate()),
      ruleDocs: new Map(),
      notifications: [],
      stepSummary: false,
    };
  }
}

/** `--only-changed-lines`: findings outside the lines the change touches are left out (and do not count). */
async function keepChangedLines(reports: FileReport[], changed: ChangedFiles): Promise<void> {
  const { changedLines, touchesChangedLines } = await import('./git-changed.js');
  const lines = changedLines(changed);
  for (const report of reports) {
    const ranges = lines.get(report.absolutePath);
    report.messages = report.messages.filter((m) => touchesChangedLines(ranges, m.line, m.endLine));
    const active = report.messages.filter((m) => !m.suppressed);
    report.errorCount = active.filter((m) => m.severity === 'error').length;
    report.warningCount = active.filter((m) => m.severity === 'warn').length;
    report.fixableCount = active.filter((m) => m.fix).length;
  }
}
