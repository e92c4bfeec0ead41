/**
 * The GitHub Action (action.yml, `runs.using: node24`, `main: standalone/action.mjs`): the runner's own Node.js runs
 * this self-contained bundle, so there is nothing to install. Inputs become speclint arguments, the CLI runs in
 * this process, its totals become the step's outputs, and its exit code is the step's: the CLI decides.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, type RunSummary } from './main.js';
import { workerLocation } from '../project/pool.js';
import { PACKAGE_INFO } from '../package-info.generated.js';

type Env = Record<string, string | undefined>;

/** An input as the runner passes it: INPUT_<NAME>, upper-cased, spaces as underscores (hyphens kept). */
export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Splits an `args` input like a shell would: whitespace separates, quotes group, backslash escapes. */
export function splitArguments(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word = (word ?? '') + text[++i];
      else word = (word ?? '') + c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (quote) throw new Error(`args: unclosed ${quote} quote`);
  if (word !== undefined) words.push(word);
  return words;
}

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['', 'false', 'no', '0', 'off']);

/**
 * `changed: true`: the base of the pull request (or of the push) from the event, fetched when the checkout is
 * shallow; any other value is a git ref given by the user.
 */
function changedBase(env: Env, value: string, cwd: string, log: (text: string) => void): string | undefined {
  if (FALSE.has(value.toLowerCase())) return undefined;
  if (!TRUE.has(value.toLowerCase())) return value;
  let event: { pull_request?: { base?: { sha?: string } }; before?: string } = {};
  try {
    if (env.GITHUB_EVENT_PATH) event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof event;
  } catch {
    event = {};
  }
  const sha = event.pull_request?.base?.sha ?? (event.before && !/^0+$/.test(event.before) ? event.before : undefined);
  if (!sha) return '';
  const git = (args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  try {
    git(['cat-file', '-e', `${sha}^{commit}`]);
  } catch {
    // actions/checkout fetches one commit by default: fetch the base too (fetch-depth: 0 avoids this).
    log(`speclint: fetching the base commit ${sha.slice(0, 12)} to compare against\n`);
    try {
      git(['fetch', '--no-tags', '--depth=1', 'origin', sha]);
    } catch (error) {
      const reason = String((error as { stderr?: string }).stderr ?? '').trim().split('\n')[0];
      throw new Error(`changed: cannot fetch the base commit ${sha}${reason ? ` (${reason})` : ''}; check out with fetch-depth: 0`);
    }
  }
  return sha;
}

/** The speclint command line for the action's inputs. */
export function actionArguments(env: Env, cwd: string, log: (text: string) => void = () => {}): { argv: string[]; sarifFile?: string } {
  const argv: string[] = [];
  const config = input(env, 'config');
  if (config) argv.push('--config', config);
  const baseline = input(env, 'baseline');
  if (baseline) argv.push('--baseline', baseline);
  const base = changedBase(env, input(env, 'changed'), cwd, log);
  if (base !== undefined) argv.push(base ? `--changed=${base}` : '--changed');
  const onlyChangedLines = input(env, 'only-changed-lines').toLowerCase();
  if (TRUE.has(onlyChangedLines)) argv.push('--only-changed-lines');
  else if (!FALSE.has(onlyChangedLines)) throw new Error(`only-changed-lines expects true or false, got "${onlyChangedLines}"`);
  argv.push('--format', input(env, 'format') || 'github');
  const sarifFile = input(env, 'sarif-file') || undefined;
  if (sarifFile) argv.push('--format', 'sarif', '--output-file', sarifFile);
  // `=` form: a negative number after a space reads as an option. -1 (no limit) is the CLI's default.
  const maxWarnings = input(env, 'max-warnings');
  if (maxWarnings && maxWarnings !== '-1') argv.push(`--max-warnings=${maxWarnings}`);
  const failOn = input(env, 'fail-on');
  if (failOn) argv.push(`--fail-on=${failOn}`);
  argv.push(...splitArguments(input(env, 'args')));
  const paths = splitArguments(input(env, 'paths'));
  // With `changed`, no paths means every changed file; otherwise the default is the whole workspace.
  argv.push(...(paths.length > 0 ? paths : base !== undefined ? [] : ['.']));
  return { argv, sarifFile };
}

/** Appends `name=value` lines to $GITHUB_OUTPUT. */
function setOutputs(env: Env, outputs: Record<string, string | number>): void {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`).join(''));
}

export async function runAction(env: Env, cwd: string, io: { stdout: (text: string) => void; stderr: (text: string) => void }): Promise<number> {
  let argv: string[];
  let sarifFile: string | undefined;
  try {
    ({ argv, sarifFile } = actionArguments(env, cwd, io.stdout));
  } catch (error) {
    io.stdout(`::error title=speclint::${(error as Error).message}\n`);
    return 2;
  }
  io.stdout(`::debug::speclint ${PACKAGE_INFO.version} ready ${Math.round(process.uptime() * 1000)} ms after the process started; running: speclint ${argv.join(' ')}\n`);
  let summary: RunSummary | undefined;
  let lastError = '';
  const code = await run(argv, {
    cwd,
    env,
    stdout: io.stdout,
    stderr: (text) => {
      const line = text.trim().split('\n').find((l) => l.startsWith('speclint: '));
      if (line) lastError = line.slice('speclint: '.length);
      io.stderr(text);
    },
    isTTY: false,
    readStdin: async () => '',
    onSummary: (s) => {
      summary = s;
    },
  });
  if (summary) setOutputs(env, { errors: summary.errors, warnings: summary.warnings, files: summary.files, 'sarif-file': sarifFile ?? '' });
  // A run that could not lint (bad config, unreadable file) also gets an annotation, so the pull request shows why.
  if (code === 2 && lastError) io.stdout(`::error title=speclint::${lastError.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  return code;
}

// Run when this module is the process's entry (the bundle action.yml names), not when a test imports it.
const self = fileURLToPath(import.meta.url);
const isEntry = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(self);
  } catch {
    return false;
  }
})();
if (isEntry) {
  const extension = /\.m?js$/.exec(self)?.[0];
  if (extension) workerLocation.path = self.replace(/[^/\\]+$/, `worker${extension}`);
  process.exitCode = await runAction(process.env, process.cwd(), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
