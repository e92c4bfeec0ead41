/**
 * The thin shell: arguments → files → config → lintText → baseline → reporters → exit code.
 * Every failure the user can cause ends as one line on stderr and exit code 2, never a stack trace.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { HELP, parseCommandLine, type CliOptions } from './args.js';
import { SpeclintError, UsageError, hint } from '../errors.js';
import { PACKAGE_INFO } from '../package-info.generated.js';
import { colorEnabled } from './color.js';
import type { ConfigLoader } from '../config/load.js';
import type { ChangedFiles } from '../git-changed.js';
import type { FileReport, Notification, ReportContext } from '../reporters/types.js';
import { blobUrlFromEnv } from '../reporters/locations.js';

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  readStdin: () => Promise<string>;
  /** Told the totals of a lint run (the GitHub Action sets its outputs from them). */
  onSummary?: (summary: RunSummary) => void;
}

export interface RunSummary {
  errors: number;
  warnings: number;
  files: number;
  suppressedByBaseline: number;
  /** Reports written to files, by format. */
  outputFiles: Array<{ format: string; file: string }>;
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await runUnsafe(argv, io);
  } catch (error) {
    if (error instanceof SpeclintError) {
      io.stderr(`speclint: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.stderr(`speclint: internal error: ${message}\n`);
    if (io.env.SPECLINT_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

async function runUnsafe(argv: string[], io: Io): Promise<number> {
  const options = parseCommandLine(argv);
  if (options.help || options.command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout(`${PACKAGE_INFO.version}\n`);
    return 0;
  }
  const { ConfigLoader } = await import('../config/load.js');
  const loader = new ConfigLoader({ cwd: io.cwd, configFile: options.config });

  switch (options.command) {
    case 'rules':
      return options.positionals.length > 0 ? printRuleDocs(options, io, loader) : listRules(io);
    case 'types':
    case 'new':
    case 'init':
      return runAuthoringCommand(options, io, loader);
    default:
      break;
  }

  if (options.printConfig !== undefined) {
    const target = resolve(io.cwd, options.printConfig);
    const loaded = await loader.configFor(target);
    const resolved = await loader.resolveFor(target, loaded, options.type);
    const printable = {
      configFile: loaded.filePath ?? null,
      rules: Object.fromEntries(Object.entries(resolved.rules).map(([id, r]) => [id, Object.keys(r.options).length ? [r.severity, r.options] : r.severity])),
      types: Object.fromEntries(Object.entries(resolved.types).map(([id, t]) => [id, { source: t.source }])),
      forcedType: resolved.forcedType ?? null,
      ignored: loader.isIgnored(target, loaded),
      baseline: loaded.baseline ?? null,
      settings: resolved.settings,
    };
    io.stdout(`${JSON.stringify(printable, null, 2)}\n`);
    return 0;
  }

  const { lintFiles, lintSource, displayPath } = await import('./lint-files.js');
  const lintOptions = {
    cwd: io.cwd, loader, forcedType: options.type, fix: options.fix, fixDryRun: options.fixDryRun, configFile: options.config,
    cache: options.cache ? { location: resolve(io.cwd, options.cacheLocation ?? '.speclintcache'), strategy: options.cacheStrategy } : undefined,
    threads: options.threads,
    maxFileBytes: options.maxFileBytes,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
  };
  const reports: FileReport[] = [];
  const notifications: Notification[] = [];
  const fixedTexts: Array<{ filePath: string; text: string }> = [];
  /** Texts that are not on disk as linted (standard input), for reports that show source lines. */
  const sourceTexts = new Map<string, string>();
  let changed: ChangedFiles | undefined;

  if (options.stdin) {
    if (options.positionals.length > 0) throw new UsageError('--stdin cannot be combined with paths');
    const text = await io.readStdin();
    const name = options.stdinFilename ?? '<stdin>';
    const absolute = resolve(io.cwd, options.stdinFilename ?? 'stdin.md');
    const outcome = await lintSource(text, absolute, options.stdinFilename ? displayPath(io.cwd, absolute) : name, { ...lintOptions, fix: false });
    sourceTexts.set(absolute, text);
    if (outcome.report) reports.push(outcome.report);
    if (outcome.fixedText !== undefined) fixedTexts.push({ filePath: name, text: outcome.fixedText });
  } else {
    const selected = await selectFiles(options, io, loader, notifications);
    changed = selected.changed;
    const outcomes = await lintFiles(selected.files, lintOptions);
    outcomes.forEach((outcome, i) => {
      if (outcome.report) reports.push(outcome.report);
      if (outcome.notification) notifications.push(outcome.notification);
      if (outcome.fixedText !== undefined) fixedTexts.push({ filePath: displayPath(io.cwd, selected.files[i]!), text: outcome.fixedText });
    });
  }

  if (options.command === 'baseline') {
    const { baselineCommand } = await import('./baseline-command.js');
    await baselineCommand(options, io, loader, reports);
    return notifications.some((n) => n.level === 'error') ? 2 : 0;
  }
  const { applyBaselines } = await import('./baseline-command.js');
  const suppressedByBaseline = await applyBaselines(options, io, loader, reports);
  if (changed && options.onlyChangedLines) await keepChangedLines(reports, changed);
  if (options.quiet) {
    for (const report of reports) {
      report.messages = report.messages.filter((m) => m.severity === 'error');
      report.warningCount = 0;
    }
  }
  if (options.verbose) {
    for (const report of reports) io.stderr(`${report.filePath}: ${report.documentType ? `type ${report.documentType}` : 'no document type'} (${report.documentTypeReason ?? 'no reason given'})${untypedDetail(report)}\n`);
  }

  const outputFiles = await writeReports(options, io, loader, reports, notifications, fixedTexts, sourceTexts);

  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  io.onSummary?.({ errors, warnings, files: reports.length, suppressedByBaseline, outputFiles });
  if (notifications.some((n) => n.level === 'error')) return 2;
  if (options.failOn === 'never') return 0;
  if (options.failOn === 'warning') return errors + warnings > 0 ? 1 : 0;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`speclint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/** `--verbose` for a file that matched none of the config's own types: the closest one and how close. */
export function untypedDetail(report: FileReport): string {
  const closest = report.untyped?.closest;
  // The core's reason names the closest type already (for every untyped file, configured types or not).
  if (!report.untyped || report.documentTypeReason?.includes('closest:')) return '';
  if (!closest) return '; no type of the config came close';
  const n = (value: number) => String(Math.round(value * 100) / 100);
  return `; closest type ${closest.id}, score ${n(closest.score)} below the threshold ${n(closest.threshold)}`;
}

async function selectFiles(options: CliOptions, io: Io, loader: ConfigLoader, notifications: Notification[]): Promise<{ files: string[]; changed?: ChangedFiles }> {
  let files: string[];
  let changed: ChangedFiles | undefined;
  if (options.changed !== undefined) {
    const { changedMarkdownFiles } = await import('../git-changed.js');
    changed = await changedMarkdownFiles(io.cwd, options.changed || undefined);
    files = changed.files;
    if (options.positionals.length > 0) {
      const roots = options.positionals.map((p) => resolve(io.cwd, p));
      files = files.filter((f) => roots.some((root) => f === root || f.startsWith(`${root}/`)));
    }
  } else {
    const { collectFiles } = await import('./files.js');
    const collected = await collectFiles(options.positionals.length > 0 ? options.positionals : ['.'], io.cwd);
    if (collected.unmatched.length > 0 && options.errorOnUnmatchedPattern) {
      const described = collected.unmatched.map(({ pattern, reason }) => `"${pattern}"${reason === 'missing' ? ' (no such file or directory)' : ''}`);
      throw new UsageError(`${described.join(', ')} ${described.length === 1 ? 'matches' : 'match'} no Markdown file: check the path or glob, or pass --no-error-on-unmatched-pattern`);
    }
    notifications.push(...collected.notifications.map((n) => (n.filePath ? { ...n, filePath: displayPathOf(io.cwd, n.filePath) } : n)));
    files = collected.files;
  }
  const kept: string[] = [];
  for (const file of files) {
    const loaded = await loader.configFor(file);
    if (!loader.isIgnored(file, loaded)) kept.push(file);
    else if (options.verbose) io.stderr(`${displayPathOf(io.cwd, file)}: ignored by config "ignores"\n`);
  }
  let selected = kept;
  if (options.shard) {
    const { index, count } = options.shard;
    selected = kept.filter((file) => shardOf(displayPathOf(io.cwd, file), count) === index - 1);
  }
  if (changed && selected.length === 0) {
    io.stderr(`speclint: no Markdown files changed against ${changed.ref}${changed.base !== changed.ref ? ` (merge base ${changed.base.slice(0, 12)})` : ''}; nothing to lint\n`);
  }
  return { files: selected, changed };
}

/** `--only-changed-lines`: findings outside the lines the change touches are left out (and do not count). */
async function keepChangedLines(reports: FileReport[], changed: ChangedFiles): Promise<void> {
  const { changedLines, touchesChangedLines } = await import('../git-changed.js');
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

function displayPathOf(cwd: string, path: string): string {
  const rel = path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
  return rel;
}

/** Deterministic across machines and runs: the shard depends only on the repository-relative path. */
export function shardOf(relativePath: string, count: number): number {
  return createHash('sha1').update(relativePath).digest().readUInt32BE(0) % count;
}

/** Pairs formats with output files from the right: `-f text -f sarif -o x.sarif` sends SARIF to x.sarif, text to stdout. */
export function pairOutputs(formats: string[], outputFiles: string[]): Array<{ format: string; file?: string }> {
  const list = formats.length > 0 ? formats : ['text'];
  if (outputFiles.length > list.length) throw new UsageError(`${outputFiles.length} output files for ${list.length} format${list.length === 1 ? '' : 's'}: give one -f per -o`);
  const offset = list.length - outputFiles.length;
  return list.map((format, i) => ({ format, file: i >= offset ? outputFiles[i - offset] : undefined }));
}

/** What reporters are told besides the results. */
async function reportContext(options: CliOptions, io: Io, loader: ConfigLoader, notifications: Notification[]): Promise<ReportContext> {
  const { rulesById } = await import('../../rules/index.js');
  const { readRuleDocs, docsUrlResolver } = await import('./rule-docs.js');
  const { gitTopLevel } = await import('../git-changed.js');
  let docsTemplate: string | undefined;
  try {
    docsTemplate = (await loader.configFor(resolve(io.cwd, 'speclint.md'))).docsUrl;
  } catch {
    // A broken config here was not needed for the files linted; links use the default.
  }
  return {
    cwd: io.cwd,
    repositoryRoot: gitTopLevel(io.cwd) ?? io.cwd,
    version: PACKAGE_INFO.version,
    homepage: PACKAGE_INFO.homepage,
    color: colorEnabled(options.color, io.env, io.isTTY),
    rules: rulesById,
    docsUrl: docsUrlResolver(docsTemplate),
    ruleDocs: readRuleDocs,
    notifications,
    sarifCategory: options.sarifCategory,
    maxWarnings: options.maxWarnings,
    stats: options.stats,
    env: io.env,
    maxFindings: options.maxFindings,
    blobUrl: blobUrlFromEnv(io.env),
  };
}

const MACHINE_FORMATS = new Set(['json', 'sarif', 'github', 'compact', 'html', 'junit', 'gitlab', 'markdown']);

async function writeReports(
  options: CliOptions, io: Io, loader: ConfigLoader, reports: FileReport[], notifications: Notification[], fixedTexts: Array<{ filePath: string; text: string }>,
  sourceTexts: ReadonlyMap<string, string>,
): Promise<Array<{ format: string; file: string }>> {
  const { loadReporter } = await import('../reporters/index.js');
  const pairs = pairOutputs(options.formats, options.outputFiles);
  const context = await reportContext(options, io, loader, notifications);
  // --fix-dry-run: the fixed text goes to the terminal unless a machine-read report does (JSON carries `output`).
  if (!pairs.some((p) => !p.file && MACHINE_FORMATS.has(p.format))) {
    for (const { filePath, text } of fixedTexts) io.stdout(`==> ${filePath} (fixed) <==\n${text}${text.endsWith('\n') ? '' : '\n'}`);
  }
  let wroteToStdout = false;
  const written: Array<{ format: string; file: string }> = [];
  for (const { format, file } of pairs) {
    const reporter = await loadReporter(format).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    if (reporter.needsSourceLines && !context.sourceLines) {
      // The text the findings refer to: standard input, the --fix-dry-run output, else the file (after --fix).
      const { sourceLinesFor } = await import('../reporters/excerpts.js');
      const { readMarkdownFile } = await import('./read.js');
      context.sourceLines = sourceLinesFor(reports, (report) => {
        const read = report.output ?? sourceTexts.get(report.absolutePath) ?? readMarkdownFile(report.absolutePath);
        return typeof read === 'string' ? read : read.ok ? read.text : undefined;
      });
    }
    const text = reporter.format(reports, file ? { ...context, color: false } : context);
    if (file) {
      const target = resolve(io.cwd, file);
      try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      } catch (error) {
        throw new SpeclintError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      written.push({ format, file: target });
    } else {
      io.stdout(text);
      wroteToStdout = true;
    }
    const summaryPath = io.env.GITHUB_STEP_SUMMARY;
    if (reporter.stepSummary && summaryPath) {
      try {
        appendFileSync(summaryPath, reporter.stepSummary(reports, context));
      } catch (error) {
        throw new SpeclintError(`Cannot write the step summary ${summaryPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
  }
  if (!wroteToStdout) {
    // Every report went to a file: say on the terminal which files could not be checked.
    for (const n of notifications) io.stderr(`${n.level}: ${n.filePath ? `${n.filePath}: ` : ''}${n.message}\n`);
    const errors = reports.reduce((n, r) => n + r.errorCount, 0);
    const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
    const files = reports.length;
    io.stdout(`${errors + warnings} problem${errors + warnings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${files} file${files === 1 ? '' : 's'}; report written to ${pairs.map((p) => p.file).join(', ')}\n`);
  }
  return written;
}

async function listRules(io: Io): Promise<number> {
  const { rules } = await import('../../rules/index.js');
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  for (const rule of rules) {
    const severity = rule.meta.defaultSeverity === 'warn' ? 'warn ' : rule.meta.defaultSeverity === 'error' ? 'error' : 'off  ';
    io.stdout(`${rule.meta.id.padEnd(width)}  ${severity}  ${rule.meta.fixable ? 'fixable  ' : '         '}${rule.meta.description}\n`);
  }
  return 0;
}

/** `speclint rules <id>`: the rule's documentation page, in the terminal, and where it lives online. */
async function printRuleDocs(options: CliOptions, io: Io, loader: ConfigLoader): Promise<number> {
  const { rulesById } = await import('../../rules/index.js');
  const { readRuleDocs, docsUrlResolver, renderForTerminal } = await import('./rule-docs.js');
  const [id, ...rest] = options.positionals;
  if (rest.length > 0) throw new UsageError('usage: speclint rules [<rule-id>]');
  const rule = rulesById.get(id!);
  if (!rule) throw new UsageError(`unknown rule "${id}"${hint(id!, rulesById.keys())}; "speclint rules" lists them`);
  let template: string | undefined;
  try {
    template = (await loader.configFor(resolve(io.cwd, 'speclint.md'))).docsUrl;
  } catch {
    template = undefined;
  }
  const url = docsUrlResolver(template)(rule.meta.id);
  const page = readRuleDocs(rule.meta.id) ?? `# ${rule.meta.id}\n\n${rule.meta.description}.\n`;
  io.stdout(`${renderForTerminal(page, colorEnabled(options.color, io.env, io.isTTY))}\nOnline: ${url}\n`);
  return 0;
}

async function runAuthoringCommand(options: CliOptions, io: Io, loader: ConfigLoader): Promise<number> {
  const { listTypes, newSpec, initConfig } = await import('../commands/authoring.js');
  if (options.command === 'init') {
    io.stdout(initConfig(io.cwd, options.template));
    return 0;
  }
  const here = resolve(io.cwd, 'speclint.md');
  const types = (await loader.resolveFor(here, await loader.configFor(here))).types;
  io.stdout(options.command === 'types' ? listTypes(types) : newSpec(options.positionals[0], options.positionals[1], types, io.cwd));
  return 0;
}
