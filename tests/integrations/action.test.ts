/**
 * The composite action, run step by step as a runner would: `${{ … }}` expressions substituted, each `run:`
 * executed with bash in the workspace, with GITHUB_ACTION_PATH, GITHUB_WORKSPACE, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY set.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../cli/run-cli.js';

const root = join(import.meta.dirname, '..', '..');

interface Step { name: string; id?: string; shell: string; run: string; env?: Record<string, string>; 'working-directory'?: string }

function runAction(workspace: string, inputs: Record<string, string>) {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] }; outputs: Record<string, { value: string }> };
  expect(action.runs.using).toBe('composite');
  const values: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default]));
  const output = join(workspace, '.github_output');
  const summary = join(workspace, '.step_summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const substitute = (text: string) =>
    text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => values[name] ?? '').replace(/\$\{\{\s*github\.workspace\s*\}\}/g, workspace).replace(/\$\{\{\s*github\.action_path\s*\}\}/g, root);
  let stdout = '';
  let code = 0;
  for (const step of action.runs.steps) {
    const env = { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: root, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' };
    for (const [k, v] of Object.entries(step.env ?? {})) (env as Record<string, string>)[k] = substitute(v);
    const result = spawnSync('bash', ['-e', '-c', substitute(step.run)], { cwd: substitute(step['working-directory'] ?? workspace), env, encoding: 'utf8', timeout: 120_000 });
    stdout += result.stdout;
    code = result.status ?? -1;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=') as [string, string]));
  return { code, stdout, outputs, summary: readFileSync(summary, 'utf8') };
}

describe('GitHub Action (composite, run locally)', () => {
  it('annotates, writes counts, the step summary and SARIF, and fails on errors', () => {
    const workspace = tempProject({ 'docs/a.md': '# A\n\n- [] task\n\n## Empty\n' });
    const result = runAction(workspace, { paths: 'docs', 'sarif-file': 'speclint.sarif' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error file=docs/a.md,line=3,col=1');
    expect(result.outputs).toEqual({ errors: '1', warnings: '1', files: '1' });
    expect(result.summary).toContain('## speclint');
    expect(JSON.parse(readFileSync(join(workspace, 'speclint.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('fail-on never passes; fail-on warning fails on warnings only', () => {
    const withWarning = tempProject({ 'a.md': '# A\n\n## Empty\n' });
    expect(runAction(withWarning, { 'fail-on': 'never' }).code).toBe(0);
    expect(runAction(withWarning, { 'fail-on': 'error' }).code).toBe(0);
    expect(runAction(withWarning, { 'fail-on': 'warning' }).code).toBe(1);
    expect(runAction(withWarning, { 'max-warnings': '0' }).code).toBe(1);
  });

  it('a broken config fails the step with exit 2', () => {
    const workspace = tempProject({ 'a.md': '# A\n', '.specrc.json': '{ "rulez": {} }' });
    expect(runAction(workspace, {}).code).toBe(2);
  });
});
