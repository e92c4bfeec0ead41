/**
 * The GitHub Action as a runner runs it: action.yml names a JavaScript entry (`runs.main`), which the runner starts
 * with its own Node.js in the workspace, inputs as INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
 * GITHUB_EVENT_PATH set. The entry runs from a copy of the action's files without node_modules (as on a runner:
 * nothing installed), against a real git repository with a base and a head commit, checked out shallow as
 * actions/checkout does. The exit-code matrix runs the same entry in-process (src/cli/action.ts).
 *
 * Also here: the committed standalone/ bundle is identical to a fresh build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse as parsePath } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, tempProject } from '../cli/run-cli.js';
import { actionArguments, runAction, splitArguments } from '../../src/cli/action.js';

const root = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; outputs: Record<string, unknown>; runs: { using: string; main: string } };

interface ActionRun { code: number; stdout: string; stderr: string; outputs: Record<string, string>; summary: string; wallMs: number; readyMs: number }

/** The environment a runner gives a JavaScript action: every input (default when not given) and the GitHub files. */
function runnerEnv(workspace: string, inputs: Record<string, string>, event: object = {}): Record<string, string> {
  const files = tempProject({});
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? files,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    GITHUB_EVENT_PATH: join(files, 'event.json'),
    GITHUB_EVENT_NAME: 'pull_request',
  };
  writeFileSync(env.GITHUB_OUTPUT!, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  writeFileSync(env.GITHUB_EVENT_PATH!, JSON.stringify(event));
  for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default;
  return env;
}

const readOutputs = (env: Record<string, string>) => Object.fromEntries(readFileSync(env.GITHUB_OUTPUT!, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));

/** Spawns the action's entry as the runner does (`node <action dir>/<runs.main>`, cwd the workspace). */
function runBundled(actionDir: string, workspace: string, inputs: Record<string, string>, event?: object): ActionRun {
  const env = runnerEnv(workspace, inputs, event);
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(actionDir, action.runs.main)], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
  const wallMs = performance.now() - started;
  const ready = /^::debug::speclint \S+ ready (\d+) ms after the process started/m.exec(result.stdout);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, outputs: readOutputs(env), summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'), wallMs, readyMs: ready ? Number(ready[1]) : NaN };
}

/** The entry in-process, for the cases that are about arguments and exit codes. */
async function runInline(workspace: string, inputs: Record<string, string>) {
  const env = runnerEnv(workspace, inputs);
  let stdout = '';
  const code = await runAction(env, workspace, { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
  return { code, stdout, outputs: readOutputs(env) };
}

const BASE_DOC = '# Caching\n\n## Summary\n\nCache responses.\n\n- [] old task\n';
const HEAD_DOC = '# Caching\n\n## Summary\n\nCache responses for [SERVICE].\n\n- [] old task\n\n## Rollout\n\n- [] new task\n';

describe('GitHub Action', () => {
  let actionDir: string;
  let remote: string;
  let workspace: string;
  let baseSha: string;

  beforeAll(() => {
    // The action's files as the runner downloads them (the repository at the tag): no node_modules, no dist/.
    actionDir = mkdtempSync(join(tmpdir(), 'speclint-action-'));
    for (const entry of ['action.yml', 'package.json', 'standalone', 'docs']) cpSync(join(root, entry), join(actionDir, entry), { recursive: true });
    for (let dir = actionDir; dir !== parsePath(dir).root; dir = dirname(dir)) expect(existsSync(join(dir, 'node_modules'))).toBe(false);

    // A repository with a base commit on main and a pull request's head commit.
    remote = tempProject({ 'docs/caching.md': BASE_DOC, 'docs/ok.md': '# Fine\n\nText.\n', 'README.md': '# Project\n\nText.\n' });
    git(remote, 'init', '-q', '-b', 'main');
    git(remote, 'add', '-A');
    git(remote, 'commit', '-q', '-m', 'base');
    baseSha = git(remote, 'rev-parse', 'HEAD').trim();
    git(remote, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(remote, 'docs/caching.md'), HEAD_DOC);
    writeFileSync(join(remote, 'docs/new.md'), '# New\n\nOwner: [TEAM]\n');
    git(remote, 'add', '-A');
    git(remote, 'commit', '-q', '-m', 'head');
    // actions/checkout: the head commit only (fetch-depth 1), origin pointing at the repository.
    workspace = mkdtempSync(join(tmpdir(), 'speclint-workspace-'));
    git(tmpdir(), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${remote}`, workspace);
  });

  afterAll(() => {
    for (const dir of [actionDir, workspace]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('action.yml: a JavaScript action on the bundle, with the documented inputs and outputs', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'standalone/action.mjs' });
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'baseline', 'args', 'changed', 'only-changed-lines', 'format', 'sarif-file', 'max-warnings', 'fail-on']);
    expect(Object.keys(action.outputs)).toEqual(['errors', 'warnings', 'files', 'sarif-file']);
  });

  it('lints the workspace: annotations, outputs, job summary and SARIF; setup well under 3 s', () => {
    const run = runBundled(actionDir, workspace, { paths: 'docs', 'sarif-file': 'out/speclint.sarif' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error file=docs/caching.md,line=5,col=21,endLine=5,endColumn=30,title=speclint (no-placeholders)::Unfilled placeholder "[SERVICE]"');
    expect(run.outputs).toEqual({ errors: '4', warnings: '0', files: '3', 'sarif-file': 'out/speclint.sarif' });
    expect(run.summary).toContain('## speclint\n\n4 errors and 0 warnings in 2 of 3 files.');
    expect(JSON.parse(readFileSync(join(workspace, 'out/speclint.sarif'), 'utf8')).runs[0].results).toHaveLength(4);
    // Setup: from process start to linting (measured inside), and the whole step including the lint (outside).
    console.info(`action setup: ${run.readyMs} ms from process start to linting; whole step ${Math.round(run.wallMs)} ms`);
    expect(run.readyMs).toBeLessThan(1000);
    expect(run.wallMs).toBeLessThan(3000);
  });

  it('changed + only-changed-lines: fetches the pull request base into the shallow checkout, reports only new lines', () => {
    const event = { pull_request: { base: { sha: baseSha, ref: 'main' } } };
    const run = runBundled(actionDir, workspace, { changed: 'true', 'only-changed-lines': 'true', format: 'compact' }, event);
    expect(run.stdout).toContain(`speclint: fetching the base commit ${baseSha.slice(0, 12)} to compare against`);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('docs/'))).toEqual([
      `docs/caching.md:5:21: error: Unfilled placeholder "[SERVICE]": replace it with the real value, or add it to no-placeholders' allow list if it is meant literally (no-placeholders)`,
      'docs/caching.md:11:1: error: Malformed task item "- []": write "- [ ]" (--fix does it) (checkboxes)',
      `docs/new.md:3:8: error: Unfilled placeholder "[TEAM]": replace it with the real value, or add it to no-placeholders' allow list if it is meant literally (no-placeholders)`,
    ]);
    expect([run.code, run.outputs]).toEqual([1, { errors: '3', warnings: '0', files: '2', 'sarif-file': '' }]);
  });

  it('the CLI decides the exit code: fail-on, max-warnings, a broken config', async () => {
    const warnOnly = tempProject({ 'a.md': '# A\n\n## Empty\n' });
    expect((await runInline(warnOnly, {})).code).toBe(0);
    expect((await runInline(warnOnly, { 'fail-on': 'warning' })).code).toBe(1);
    expect((await runInline(warnOnly, { 'max-warnings': '0' })).code).toBe(1);
    const errors = tempProject({ 'a.md': '# A\n\n- [] task\n' });
    expect((await runInline(errors, { 'fail-on': 'never' })).code).toBe(0);
    const broken = tempProject({ 'a.md': '# A\n', '.specrc.json': '{ "rulez": {} }' });
    const run = await runInline(broken, {});
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('::error title=speclint::Invalid config');
    expect(run.outputs).toEqual({});
  });

  it('baseline and args inputs reach the CLI', async () => {
    const dir = tempProject({ 'a.md': '# A\n\n- [] task\n\n<!-- speclint-disable-line valid-json -->\n' });
    expect((await runInline(dir, {})).code).toBe(1);
    git(dir, 'init', '-q');
    const { runInProcess } = await import('../cli/run-cli.js');
    await runInProcess(['baseline', '--baseline-file', 'b.json', '.'], { cwd: dir });
    expect((await runInline(dir, { baseline: 'b.json' })).code).toBe(0);
    const unused = await runInline(dir, { baseline: 'b.json', args: '--report-unused-disable-directives --format "json"' });
    expect(unused.code).toBe(1);
    expect(unused.stdout).toContain('"ruleId": "directives"');
  });

  it('maps inputs to arguments; args split like a shell', () => {
    const env = runnerEnv('/w', { paths: 'docs\nrfcs/*.md', config: 'ci.json', 'max-warnings': '5', args: `--type "tech spec" --quiet` });
    expect(actionArguments(env, '/w').argv).toEqual(['--config', 'ci.json', '--format', 'github', '--max-warnings=5', '--fail-on=error', '--type', 'tech spec', '--quiet', 'docs', 'rfcs/*.md']);
    expect(splitArguments(`a 'b c' "d \\"e\\"" f\\ g`)).toEqual(['a', 'b c', 'd "e"', 'f g']);
  });
});

describe('the committed standalone/ bundle', () => {
  it('is identical to a fresh build (after a change to src/, rules/ or templates/, run "npm run build:standalone")', async () => {
    const { buildStandalone } = await import('../../scripts/build-standalone.mjs');
    const fresh = mkdtempSync(join(tmpdir(), 'speclint-standalone-'));
    try {
      const files: string[] = await buildStandalone(fresh);
      const committed = join(root, 'standalone');
      const stale = 'standalone/ differs from a fresh build: run "npm run build:standalone" and commit standalone/';
      expect(readdirSync(committed).sort(), stale).toEqual(files);
      for (const file of files) expect(readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file))), `${stale} (${file})`).toBe(true);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 60_000);
});
