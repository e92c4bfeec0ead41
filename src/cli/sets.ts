/**
 * The command line's part of spec sets (docs/sets.md): `speclint trace`, what `--verbose` says about sets, and the
 * set rules in `speclint rules`. `speclint sets --from` and `--summaries-out` go through the ordinary lint path
 * (main.ts), since their output is an ordinary report.
 */
import { writeOutputFile } from './output.js';
import { UsageError } from '../errors.js';
import type { CliOptions } from './args.js';
import type { LintRun, Speclint } from '../project/speclint.js';

/** The part of main.ts's Io these commands use (main.ts imports this module, not the other way round). */
interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const TRACE_FORMATS = new Set(['text', 'json', 'markdown']);

/**
 * `speclint trace [paths]`: the coverage matrix of every feature set (spec-kit, Kiro, configured layouts) among
 * the files. Exit 1 when a set is below a `sets.coverage` threshold of the config, 2 when a file could not be read.
 */
export async function printTrace(speclint: Speclint, options: CliOptions, io: Io, run: LintRun): Promise<number> {
  const format = options.formats[0] ?? 'text';
  if (options.formats.length > 1 || !TRACE_FORMATS.has(format)) throw new UsageError(`speclint trace prints one format: text, json or markdown (got "${options.formats.join('", "')}")`);
  if (options.outputFiles.length > 1) throw new UsageError('speclint trace writes one report: give at most one -o');
  if (!run.sets) throw new UsageError('speclint trace needs the set rules\' pass: drop --no-sets and --shard');
  const { buildTraceMatrices, checkCoverage, renderTraceJson, renderTraceMarkdown, renderTraceText } = await import('../sets/index.js');
  const matrices = buildTraceMatrices(run.sets.sets, run.sets.summaries);
  // Each set's thresholds come from the config that applies to its folder (a subfolder's config may set its own).
  const failures: ReturnType<typeof checkCoverage>['failures'] = [];
  for (const matrix of matrices) {
    const thresholds = (await speclint.configFor(`${matrix.set.root}/speclint.md`)).loaded.sets?.coverage;
    failures.push(...checkCoverage([matrix], thresholds).failures);
  }
  const ok = failures.length === 0;
  let text: string;
  if (format === 'json') text = renderTraceJson(matrices, failures);
  else if (format === 'markdown') text = renderTraceMarkdown(matrices, failures);
  else {
    const blocks = matrices.map((m) => renderTraceText(m));
    if (blocks.length === 0) blocks.push('No spec sets found (spec-kit specs/NNN-name/, Kiro .kiro/specs/<name>/, or the config\'s "sets"; docs/sets.md).');
    for (const f of failures) blocks.push(`✖ ${f.set}: ${f.metric} coverage ${f.percent}% is below the required ${f.required}% (config "sets.coverage")`);
    text = `${blocks.join('\n\n')}\n`;
  }
  const file = options.outputFiles[0];
  if (file) {
    writeOutputFile(io.cwd, file, text);
    io.stdout(`${matrices.length} set${matrices.length === 1 ? '' : 's'} traced${failures.length > 0 ? `, ${failures.length} below the coverage threshold` : ''}; report written to ${file}\n`);
  } else io.stdout(text);
  for (const n of run.notifications) if (n.level === 'error') io.stderr(`error: ${n.filePath ? `${n.filePath}: ` : ''}${n.message}\n`);
  if (run.notifications.some((n) => n.level === 'error')) return 2;
  return ok ? 0 : 1;
}

/** `--verbose`: the sets found, what kind, why, and their members by role. */
export async function sayVerboseSets(run: LintRun, io: Io): Promise<void> {
  if (!run.sets || run.sets.sets.length === 0) return;
  const { describeSets } = await import('../project/sets.js');
  io.stderr(describeSets(run.sets.sets));
}

/** `speclint rules`: the set rules, after the file rules, in the same columns. */
export async function listSetRules(io: Io, width: number): Promise<void> {
  const { setRules } = await import('../sets/index.js');
  for (const rule of setRules) {
    const severity = rule.meta.defaultSeverity === 'warn' ? 'warn ' : rule.meta.defaultSeverity === 'error' ? 'error' : 'off  ';
    io.stdout(`${rule.meta.id.padEnd(width)}  ${severity}  set      ${rule.meta.description}\n`);
  }
}

/** `speclint sets` takes summary files (from `--summaries-out`), not paths to lint. */
export function checkSetsCommand(options: CliOptions): void {
  if (options.from.length === 0) throw new UsageError('usage: speclint sets --from <summaries.json…> (shards write them with --summaries-out)');
  if (options.fix || options.fixDryRun || options.stdin || options.changed !== undefined || options.shard) {
    throw new UsageError('speclint sets --from merges shards\' summaries; --fix, --stdin, --changed and --shard belong to the shard runs');
  }
}
