/** Command-line parsing (node:util parseArgs) and the help text. */
import { parseArgs } from 'node:util';
import { UsageError, hint } from '../errors.js';

export const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o', multiple: true },
  config: { type: 'string', short: 'c' },
  type: { type: 'string' },
  'max-warnings': { type: 'string' },
  'max-findings': { type: 'string' },
  quiet: { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'cache-strategy': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  'print-config': { type: 'string' },
  'sarif-category': { type: 'string' },
  baseline: { type: 'string' },
  'baseline-file': { type: 'string' },
  changed: { type: 'string' },
  shard: { type: 'string' },
  threads: { type: 'string' },
  template: { type: 'string' },
  'max-file-size': { type: 'string' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  'only-changed-lines': { type: 'boolean' },
  'fail-on': { type: 'string' },
  stats: { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  update: { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  'report-unused-disable-directives-severity': { type: 'string' },
  // Spec sets (docs/sets.md): shard summaries, their merge, and the project pass on or off.
  'summaries-out': { type: 'string' },
  from: { type: 'string', multiple: true },
  'no-sets': { type: 'boolean' },
} as const;

export type FailOn = 'error' | 'warning' | 'never';

export interface CliOptions {
  command?: 'init' | 'new' | 'rules' | 'types' | 'baseline' | 'help' | 'trace' | 'sets';
  positionals: string[];
  formats: string[];
  outputFiles: string[];
  config?: string;
  type?: string;
  maxWarnings?: number;
  /** -f markdown: the most findings the comment lists. */
  maxFindings?: number;
  quiet: boolean;
  fix: boolean;
  fixDryRun: boolean;
  stdin: boolean;
  stdinFilename?: string;
  cache: boolean;
  cacheLocation?: string;
  cacheStrategy: 'content' | 'metadata';
  color?: boolean;
  verbose: boolean;
  version: boolean;
  help: boolean;
  printConfig?: string;
  sarifCategory?: string;
  baseline?: string;
  baselineFile?: string;
  /** `--changed` alone: '' (default ref); `--changed=<ref>`: that ref. */
  changed?: string;
  shard?: { index: number; count: number };
  threads?: number;
  template?: string;
  /** Bytes. */
  maxFileBytes?: number;
  /** A pattern that matches no Markdown file is an error (exit 2) unless this is set. */
  errorOnUnmatchedPattern: boolean;
  /** With --changed: findings only on the lines the change touches. */
  onlyChangedLines: boolean;
  /** What fails the run (exit 1): errors (default), any finding, or nothing. */
  failOn: FailOn;
  stats: boolean;
  /** --watch: lint, then re-lint changed files and redraw the report until Ctrl-C. */
  watch: boolean;
  /** `baseline --update`: prune fixed entries, add nothing. */
  update: boolean;
  /** Severity of unused disable directives; undefined = not reported. */
  reportUnusedDisableDirectives?: 'warn' | 'error';
  /** `--summaries-out`: write the linted files' results and summaries (a shard's part for `speclint sets --from`). */
  summariesOut?: string;
  /** `speclint sets --from <files…>`: summary files written by shards. */
  from: string[];
  /** `--no-sets`: skip the set rules. */
  sets: boolean;
}

const COMMANDS = ['init', 'new', 'rules', 'types', 'baseline', 'help', 'trace', 'sets'] as const;

export function parseCommandLine(argv: string[]): CliOptions {
  // `--changed` takes an optional value, which parseArgs cannot express: a bare flag becomes `--changed=`.
  const normalized = argv.map((arg) => (arg === '--changed' ? '--changed=' : arg));
  let parsed;
  try {
    parsed = parseArgs({ args: normalized, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    const unknown = /Unknown option '(--?[\w-]+)'/.exec(message);
    if (unknown) {
      throw new UsageError(`Unknown option ${unknown[1]}${hint(unknown[1]!, Object.keys(OPTIONS).map((o) => `--${o}`))}. Run "speclint --help".`);
    }
    throw new UsageError(`${message.replace(/\. To specify.*$/, '')}. Run "speclint --help".`);
  }
  const v = parsed.values;
  let positionals = parsed.positionals;
  let command: CliOptions['command'];
  if (positionals.length > 0 && (COMMANDS as readonly string[]).includes(positionals[0]!)) {
    command = positionals[0] as CliOptions['command'];
    positionals = positionals.slice(1);
  }
  const integer = (name: string, value: string | undefined, min: number): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} expects an integer ≥ ${min}, got "${value}"`);
    return Number(value);
  };
  let shard: CliOptions['shard'];
  if (v.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(v.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n, got "${v.shard}"`);
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  const failOn = v['fail-on'] ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') throw new UsageError(`--fail-on expects "error", "warning" or "never", got "${failOn}"`);
  const unusedSeverity = v['report-unused-disable-directives-severity'];
  if (unusedSeverity !== undefined && !['off', 'warn', 'error', '0', '1', '2'].includes(unusedSeverity)) {
    throw new UsageError(`--report-unused-disable-directives-severity expects "off", "warn" or "error", got "${unusedSeverity}"`);
  }
  const reportUnusedDisableDirectives: CliOptions['reportUnusedDisableDirectives'] =
    unusedSeverity === undefined ? (v['report-unused-disable-directives'] ? 'error' : undefined)
      : unusedSeverity === 'warn' || unusedSeverity === '1' ? 'warn' : unusedSeverity === 'error' || unusedSeverity === '2' ? 'error' : undefined;
  if (v['only-changed-lines'] && v.changed === undefined) throw new UsageError('--only-changed-lines needs --changed[=<ref>]: it keeps the findings on the lines that change touches');
  if (v.update && command !== 'baseline') throw new UsageError('--update belongs to "speclint baseline --update" (prune fixed findings from the baseline)');
  const cacheStrategy = v['cache-strategy'] ?? 'content';
  if (cacheStrategy !== 'content' && cacheStrategy !== 'metadata') throw new UsageError(`--cache-strategy expects "content" or "metadata", got "${cacheStrategy}"`);
  return {
    command,
    positionals,
    formats: v.format ?? [],
    outputFiles: v['output-file'] ?? [],
    config: v.config,
    type: v.type,
    maxWarnings: integer('max-warnings', v['max-warnings'], -1),
    maxFindings: integer('max-findings', v['max-findings'], 0),
    quiet: v.quiet ?? false,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'],
    cacheStrategy,
    color: v['no-color'] ? false : v.color,
    verbose: v.verbose ?? false,
    version: v.version ?? false,
    help: v.help ?? false,
    printConfig: v['print-config'],
    sarifCategory: v['sarif-category'],
    baseline: v.baseline,
    baselineFile: v['baseline-file'],
    changed: v.changed,
    shard,
    threads: integer('threads', v.threads, 0),
    template: v.template,
    maxFileBytes: v['max-file-size'] === undefined ? undefined : integer('max-file-size', v['max-file-size'], 1)! * 1024 * 1024,
    errorOnUnmatchedPattern: !v['no-error-on-unmatched-pattern'],
    onlyChangedLines: v['only-changed-lines'] ?? false,
    failOn,
    stats: v.stats ?? false,
    watch: v.watch ?? false,
    update: v.update ?? false,
    reportUnusedDisableDirectives,
    summariesOut: v['summaries-out'],
    // `--from a.json b.json`: the summary files are the positionals that follow.
    from: command === 'sets' ? [...(v.from ?? []), ...positionals] : (v.from ?? []),
    sets: !v['no-sets'],
  };
}

export const HELP = `speclint [options] [paths...]

Lint Markdown specification documents: files, directories (searched for *.md and
*.markdown, honouring .gitignore and config "ignores") and globs. A path or glob that
matches no Markdown file is an error (exit 2).

Commands:
  speclint init [--template <file>]   write a .specrc.json (optionally registering a template as a type)
  speclint new <type> <file>          scaffold a new spec from a document type's template
  speclint rules [<id>]               list the rules, or print one rule's documentation
  speclint types                      list the document types
  speclint baseline [paths...]        record current findings so only new ones fail
  speclint baseline --update          drop fixed findings from the baseline (adds none)
  speclint lsp [-c <config>]          run the language server on stdio (editors: docs/editors.md)
  speclint trace [paths...]           coverage matrix of spec sets (stories/requirements × plan and
                                      tasks; -f text|json|markdown); exit 1 below sets.coverage
  speclint sets --from <files...>     run the set rules over shards' --summaries-out files and
                                      report everything (per-file findings merged)
  speclint help                       print this help

Output:
  -f, --format <name>        text (default), json, sarif, github, compact, html, junit, gitlab,
                             markdown; repeat for several reports
  -o, --output-file <path>   write a report to a file; repeat, paired with the formats from the last
  --sarif-category <id>      SARIF runAutomationDetails.id (one per CI shard or job)
  --max-findings <n>         the most findings -f markdown lists (default 50)
  --quiet                    report errors only
  --stats                    count findings per rule in the text summary
  -w, --watch                lint, then re-lint files as they change and redraw the report;
                             Ctrl-C stops (exit code of the last report)
  --verbose                  say which document type each file got, and why
  --color, --no-color        force colours on or off (default: a terminal; FORCE_COLOR, NO_COLOR)

Failing:
  --max-warnings <n>         exit 1 when there are more than n warnings
  --fail-on <level>          error (default), warning (any finding fails) or never (always exit 0
                             unless speclint cannot run)

Configuration:
  -c, --config <path>        use this config file (no search)
  --type <id>                lint every file as this document type
  --print-config <file>      print the configuration that applies to a file
  --report-unused-disable-directives   report disable directives that suppress nothing (as errors;
                             --report-unused-disable-directives-severity warn|error|off)

Fixing:
  --fix                      apply safe fixes, writing files atomically
  --fix-dry-run              print the fixed text and the problems that remain; write nothing

Input:
  --stdin                    lint standard input
  --stdin-filename <name>    the name standard input is linted as (config, type, report)
  --changed[=<ref>]          lint only Markdown files changed against a git ref (default: merge base)
  --only-changed-lines       with --changed: report only findings on lines the change touches
  --no-error-on-unmatched-pattern   a path or glob that matches nothing is not an error
  --baseline <file>          ignore findings recorded in this baseline (default: config "baseline")
  --baseline-file <file>     where "speclint baseline" writes (default: config "baseline", else
                             .speclint-baseline.json)
  --shard <i/n>              lint only the i-th of n deterministic slices of the files (set rules
                             then run in "speclint sets --from")
  --summaries-out <file>     write the results and summaries for "speclint sets --from"
  --no-sets                  skip the set rules (checks across spec sets, docs/sets.md)

Speed:
  --cache                    skip files unchanged since the last run with the same config
  --cache-location <path>    where the cache lives (default .speclintcache)
  --cache-strategy <s>       content (default) or metadata
  --threads <n>              worker processes (0 = in-process; default: automatic)
  --max-file-size <MB>       skip (with a warning) files larger than this (default 10)

  -v, --version              print the version
  -h, --help                 print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors or too many
warnings, 2 usage, configuration or internal error.
`;
