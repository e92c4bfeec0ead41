/**
 * The command line: arguments → project options → the project (src/project/speclint.ts: files, config, lint,
 * baseline) → reporters → stdout, files and the exit code.
 * Every failure the user can cause ends as one line on stderr and exit code 2, never a stack trace.
 */
import { appendFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { writeOutputFile } from './output.js';
import { HELP, parseCommandLine, type CliOptions } from './args.js';
import { SpeclintError, UsageError, hint } from '../errors.js';
import { PACKAGE_INFO } from '../package-info.generated.js';
import { colorEnabled } from './color.js';
import { displayPath } from '../project/paths.js';
import type { FormatOptions, LintRun, Speclint } from '../project/speclint.js';
import type { BaselineWrite } from '../project/baselines.js';
import type { SpeclintOptions } from '../project/options.js';
import type { FileReport } from '../reporters/types.js';
import { blobUrlFromEnv } from '../reporters/locations.js';
import { checkSetsCommand, listSetRules, printTrace, sayVerboseSets } from './sets.js';

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
  // The language server speaks JSON-RPC on stdio and takes the options language clients pass (--stdio): its own parser.
  if (argv[0] === 'lsp') return (await import('./lsp.js')).runLanguageServer(argv.slice(1), io.cwd);
  const options = parseCommandLine(argv);
  if (options.help || options.command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout(`${PACKAGE_INFO.version}\n`);
    return 0;
  }
  const { Speclint } = await import('../project/speclint.js');
  const speclint = new Speclint(projectOptions(options, io.cwd));
  switch (options.command) {
    case 'rules':
      return options.positionals.length > 0 ? printRuleDocs(options, io, speclint) : listRules(io);
    case 'types':
    case 'new':
    case 'init':
      return runAuthoringCommand(options, io, speclint);
    default:
      break;
  }
  if (options.printConfig !== undefined) {
    io.stdout(`${JSON.stringify(await speclint.calculateConfigForFile(options.printConfig), null, 2)}\n`);
    return 0;
  }

  if (options.watch) {
    if (options.stdin || options.command === 'baseline' || options.fix || options.changed !== undefined) throw new UsageError('--watch lints files as they change: it cannot be combined with --stdin, --fix, --changed or "speclint baseline"');
    const { watch } = await import('./watch.js');
    return watch(options, io, { project: () => new Speclint(projectOptions(options, io.cwd)), report: (project, run) => report(project, options, io, run) });
  }
  const run = await lint(speclint, options, io);
  if (options.summariesOut) await speclint.writeSummaries(options.summariesOut, run, options.shard);
  if (options.command === 'trace') return printTrace(speclint, options, io, run);
  if (options.command === 'baseline') {
    sayBaselinesWritten(await speclint.writeBaselines(run.results, { file: options.baselineFile ?? options.baseline, update: options.update }), io);
    return run.notifications.some((n) => n.level === 'error') ? 2 : 0;
  }
  return report(speclint, options, io, run);
}

/** Everything after the lint: baselines, --quiet, --verbose, the reports, the exit code (also each --watch redraw). */
async function report(speclint: Speclint, options: CliOptions, io: Io, run: LintRun): Promise<number> {
  const suppressedByBaseline = await speclint.applyBaselines(run.results);
  if (options.quiet) {
    for (const report of run.results) {
      report.messages = report.messages.filter((m) => m.severity === 'error');
      report.warningCount = 0;
    }
  }
  if (options.verbose) {
    for (const report of run.results) io.stderr(`${report.filePath}: ${report.documentType ? `type ${report.documentType}` : 'no document type'} (${report.documentTypeReason ?? 'no reason given'})${untypedDetail(report)}\n`);
    await sayVerboseSets(run, io);
  }
  const outputFiles = await writeReports(speclint, options, io, run);
  const errors = run.results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = run.results.reduce((n, r) => n + r.warningCount, 0);
  io.onSummary?.({ errors, warnings, files: run.results.length, suppressedByBaseline, outputFiles });
  return exitCode(options, io, run, errors, warnings);
}

/** The one mapping from command-line options to the project's options (which worker processes also receive). */
export function projectOptions(options: CliOptions, cwd: string): SpeclintOptions {
  return {
    cwd,
    configFile: options.config,
    forcedType: options.type,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    cache: options.cache ? { location: options.cacheLocation ?? '.speclintcache', strategy: options.cacheStrategy } : undefined,
    threads: options.threads,
    maxFileBytes: options.maxFileBytes,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    baseline: options.baseline,
    sets: options.sets,
  };
}

/** Standard input, or the files the paths name (with what --verbose and --changed have to say about them). */
async function lint(speclint: Speclint, options: CliOptions, io: Io): Promise<LintRun> {
  if (options.stdin) {
    if (options.positionals.length > 0) throw new UsageError('--stdin cannot be combined with paths');
    return speclint.lintText(await io.readStdin(), { filePath: options.stdinFilename });
  }
  if (options.command === 'sets') {
    checkSetsCommand(options);
    return speclint.lintSummaries(options.from);
  }
  const run = await speclint.lintFiles(options.positionals, { changed: options.changed, onlyChangedLines: options.onlyChangedLines, shard: options.shard });
  if (options.verbose) for (const file of run.ignored) io.stderr(`${displayPath(io.cwd, file)}: ignored by config "ignores"\n`);
  const { changed } = run;
  if (changed && run.selected.length === 0) {
    io.stderr(`speclint: no Markdown files changed against ${changed.ref}${changed.base !== changed.ref ? ` (merge base ${changed.base.slice(0, 12)})` : ''}; nothing to lint\n`);
  }
  return run;
}

function exitCode(options: CliOptions, io: Io, run: LintRun, errors: number, warnings: number): number {
  if (run.notifications.some((n) => n.level === 'error')) return 2;
  if (options.failOn === 'never') return 0;
  if (options.failOn === 'warning') return errors + warnings > 0 ? 1 : 0;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`speclint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What `speclint baseline [--update]` wrote, and how later runs apply it. */
function sayBaselinesWritten(written: BaselineWrite[], io: Io): void {
  for (const entry of written) {
    const shown = displayPath(io.cwd, entry.file);
    if (entry.kind === 'update') {
      const { removed, remaining, unrecorded } = entry;
      io.stdout(`Removed ${plural(removed, 'fixed finding')} from ${shown}; ${remaining} remain${remaining === 1 ? 's' : ''}.\n`);
      if (unrecorded > 0) io.stdout(`${plural(unrecorded, 'finding')} not in the baseline still fail${unrecorded === 1 ? 's' : ''}: fix ${unrecorded === 1 ? 'it' : 'them'}, or record ${unrecorded === 1 ? 'it' : 'them'} with "speclint baseline".\n`);
      continue;
    }
    io.stdout(`Wrote ${plural(entry.count, 'finding')} to ${shown}\n`);
    if (!entry.unapplied) continue;
    const config = entry.unappliedConfig;
    const fromConfig = config ? relative(dirname(config), entry.file).split(sep).join('/') : shown;
    io.stdout(config
      ? `Later runs apply it with --baseline ${shown}, or always once ${displayPath(io.cwd, config)} says "baseline": "${fromConfig}".\n`
      : `Later runs apply it with --baseline ${shown}, or always once a .specrc.json says "baseline": "${shown}" ("speclint init" writes one that does).\n`);
  }
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

export { shardOf } from '../project/speclint.js';

/** Pairs formats with output files from the right: `-f text -f sarif -o x.sarif` sends SARIF to x.sarif, text to stdout. */
export function pairOutputs(formats: string[], outputFiles: string[]): Array<{ format: string; file?: string }> {
  const list = formats.length > 0 ? formats : ['text'];
  if (outputFiles.length > list.length) throw new UsageError(`${outputFiles.length} output files for ${list.length} format${list.length === 1 ? '' : 's'}: give one -f per -o`);
  const offset = list.length - outputFiles.length;
  return list.map((format, i) => ({ format, file: i >= offset ? outputFiles[i - offset] : undefined }));
}

const MACHINE_FORMATS = new Set(['json', 'sarif', 'github', 'compact', 'html', 'junit', 'gitlab', 'markdown']);

async function writeReports(speclint: Speclint, options: CliOptions, io: Io, run: LintRun): Promise<Array<{ format: string; file: string }>> {
  const { results: reports, notifications } = run;
  const pairs = pairOutputs(options.formats, options.outputFiles);
  // --fix-dry-run: the fixed text goes to the terminal unless a machine-read report does (JSON carries `output`).
  if (!pairs.some((p) => !p.file && MACHINE_FORMATS.has(p.format))) {
    for (const { filePath, output: text } of reports) {
      if (text !== undefined) io.stdout(`==> ${filePath} (fixed) <==\n${text}${text.endsWith('\n') ? '' : '\n'}`);
    }
  }
  const summaryPath = io.env.GITHUB_STEP_SUMMARY;
  const presentation: FormatOptions = {
    notifications,
    color: colorEnabled(options.color, io.env, io.isTTY),
    sarifCategory: options.sarifCategory,
    maxWarnings: options.maxWarnings,
    stats: options.stats,
    stepSummary: Boolean(summaryPath),
    maxFindings: options.maxFindings,
    blobUrl: blobUrlFromEnv(io.env),
    sets: run.sets?.sets,
  };
  let wroteToStdout = false;
  const written: Array<{ format: string; file: string }> = [];
  for (const { format, file } of pairs) {
    const formatter = await speclint.loadFormatter(format);
    const text = formatter.format(reports, file ? { ...presentation, color: false } : presentation);
    if (file) {
      written.push({ format, file: writeOutputFile(io.cwd, file, text) });
    } else {
      io.stdout(text);
      wroteToStdout = true;
    }
    if (formatter.stepSummary && summaryPath) {
      try {
        appendFileSync(summaryPath, formatter.stepSummary(reports, presentation));
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
  const { setRules } = await import('../sets/index.js');
  const width = Math.max(...[...rules, ...setRules].map((r) => r.meta.id.length));
  for (const rule of rules) {
    const severity = rule.meta.defaultSeverity === 'warn' ? 'warn ' : rule.meta.defaultSeverity === 'error' ? 'error' : 'off  ';
    io.stdout(`${rule.meta.id.padEnd(width)}  ${severity}  ${rule.meta.fixable ? 'fixable  ' : '         '}${rule.meta.description}\n`);
  }
  await listSetRules(io, width);
  return 0;
}

/** `speclint rules <id>`: the rule's documentation page, in the terminal, and where it lives online. */
async function printRuleDocs(options: CliOptions, io: Io, speclint: Speclint): Promise<number> {
  const { rulesById } = await import('../../rules/index.js');
  const { renderForTerminal } = await import('./render-docs.js');
  const [id, ...rest] = options.positionals;
  if (rest.length > 0) throw new UsageError('usage: speclint rules [<rule-id>]');
  const { setRules } = await import('../sets/index.js');
  const rule = rulesById.get(id!) ?? setRules.find((r) => r.meta.id === id);
  if (!rule) throw new UsageError(`unknown rule "${id}"${hint(id!, [...rulesById.keys(), ...setRules.map((r) => r.meta.id)])}; "speclint rules" lists them`);
  const { page, url } = await speclint.ruleDocs(rule.meta.id);
  io.stdout(`${renderForTerminal(page ?? `# ${rule.meta.id}\n\n${rule.meta.description}.\n`, colorEnabled(options.color, io.env, io.isTTY))}\nOnline: ${url}\n`);
  return 0;
}

async function runAuthoringCommand(options: CliOptions, io: Io, speclint: Speclint): Promise<number> {
  const { listTypes, newSpec, initConfig } = await import('../commands/authoring.js');
  if (options.command === 'init') {
    io.stdout(initConfig(io.cwd, options.template));
    return 0;
  }
  const types = await speclint.documentTypes();
  io.stdout(options.command === 'types' ? listTypes(types) : newSpec(options.positionals[0], options.positionals[1], types, io.cwd));
  return 0;
}
