/**
 * The thin shell: arguments → files → config → lintText → reporters → exit code.
 * Every failure the user can cause ends as one line on stderr and exit code 2, never a stack trace.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { HELP, parseCommandLine, type CliOptions } from './args.js';
import { SpeclintError, UsageError } from '../errors.js';
import { packageVersion } from '../package-root.js';
import type { FileReport, Notification, ReportContext } from '../reporters/types.js';

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  readStdin: () => Promise<string>;
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
  if (options.help) {
    io.stdout(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const { ConfigLoader } = await import('../config/load.js');
  const loader = new ConfigLoader({ cwd: io.cwd, configFile: options.config });

  switch (options.command) {
    case 'rules':
      return listRules(io);
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
  };
  const reports: FileReport[] = [];
  const notifications: Notification[] = [];
  const fixedTexts: Array<{ filePath: string; text: string }> = [];

  if (options.stdin) {
    if (options.positionals.length > 0) throw new UsageError('--stdin cannot be combined with paths');
    const text = await io.readStdin();
    const name = options.stdinFilename ?? '<stdin>';
    const absolute = resolve(io.cwd, options.stdinFilename ?? 'stdin.md');
    const outcome = await lintSource(text.charCodeAt(0) === 0xfeff ? text : text, absolute, options.stdinFilename ? displayPath(io.cwd, absolute) : name, { ...lintOptions, fix: false });
    if (outcome.report) reports.push(outcome.report);
    if (outcome.fixedText !== undefined) fixedTexts.push({ filePath: name, text: outcome.fixedText });
  } else {
    const files = await selectFiles(options, io, loader, notifications);
    const outcomes = await lintFiles(files, lintOptions);
    outcomes.forEach((outcome, i) => {
      if (outcome.report) reports.push(outcome.report);
      if (outcome.notification) notifications.push(outcome.notification);
      if (outcome.fixedText !== undefined) fixedTexts.push({ filePath: displayPath(io.cwd, files[i]!), text: outcome.fixedText });
    });
  }

  if (options.command === 'baseline') {
    const { writeBaseline } = await import('../baseline.js');
    const target = resolve(io.cwd, options.baselineFile ?? options.baseline ?? '.speclint-baseline.json');
    const { count } = writeBaseline(target, reports);
    io.stdout(`Wrote ${count} finding${count === 1 ? '' : 's'} to ${displayPath(io.cwd, target)}\n`);
    return notifications.some((n) => n.level === 'error') ? 2 : 0;
  }
  if (options.baseline) {
    const { readBaseline, applyBaseline } = await import('../baseline.js');
    applyBaseline(reports, readBaseline(resolve(io.cwd, options.baseline)));
  }
  if (options.quiet) {
    for (const report of reports) {
      report.messages = report.messages.filter((m) => m.severity === 'error');
      report.warningCount = 0;
    }
  }
  if (options.verbose) {
    for (const report of reports) io.stderr(`${report.filePath}: ${report.documentType ? `type ${report.documentType}` : 'no document type'} (${report.documentTypeReason ?? 'no reason given'})\n`);
  }
  for (const { filePath, text } of fixedTexts) io.stdout(`==> ${filePath} (fixed) <==\n${text}${text.endsWith('\n') ? '' : '\n'}`);

  await writeReports(options, io, reports, notifications);

  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  if (notifications.some((n) => n.level === 'error')) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`speclint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

async function selectFiles(options: CliOptions, io: Io, loader: import('../config/load.js').ConfigLoader, notifications: Notification[]): Promise<string[]> {
  let files: string[];
  if (options.changed !== undefined) {
    const { changedMarkdownFiles } = await import('../git-changed.js');
    files = await changedMarkdownFiles(io.cwd, options.changed || undefined);
    if (options.positionals.length > 0) {
      const roots = options.positionals.map((p) => resolve(io.cwd, p));
      files = files.filter((f) => roots.some((root) => f === root || f.startsWith(`${root}/`)));
    }
  } else {
    const { collectFiles } = await import('./files.js');
    const collected = await collectFiles(options.positionals.length > 0 ? options.positionals : ['.'], io.cwd);
    notifications.push(...collected.notifications.map((n) => (n.filePath ? { ...n, filePath: displayPathOf(io.cwd, n.filePath) } : n)));
    files = collected.files;
  }
  const kept: string[] = [];
  for (const file of files) {
    const loaded = await loader.configFor(file);
    if (!loader.isIgnored(file, loaded)) kept.push(file);
    else if (options.verbose) io.stderr(`${displayPathOf(io.cwd, file)}: ignored by config "ignores"\n`);
  }
  if (options.shard) {
    const { index, count } = options.shard;
    return kept.filter((file) => shardOf(displayPathOf(io.cwd, file), count) === index - 1);
  }
  return kept;
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

async function writeReports(options: CliOptions, io: Io, reports: FileReport[], notifications: Notification[]): Promise<void> {
  const { loadReporter } = await import('../reporters/index.js');
  const { rulesById } = await import('../../rules/index.js');
  const pairs = pairOutputs(options.formats, options.outputFiles);
  const context: ReportContext = {
    cwd: io.cwd,
    version: packageVersion(),
    color: options.color ?? (io.isTTY && !io.env.NO_COLOR),
    rules: rulesById,
    notifications,
    sarifCategory: options.sarifCategory,
    maxWarnings: options.maxWarnings,
    env: io.env,
  };
  let wroteToStdout = false;
  for (const { format, file } of pairs) {
    const reporter = await loadReporter(format).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    const text = reporter.format(reports, file ? { ...context, color: false } : context);
    if (file) {
      const target = resolve(io.cwd, file);
      try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      } catch (error) {
        throw new SpeclintError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    } else {
      io.stdout(text);
      wroteToStdout = true;
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

async function runAuthoringCommand(options: CliOptions, io: Io, loader: import('../config/load.js').ConfigLoader): Promise<number> {
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
