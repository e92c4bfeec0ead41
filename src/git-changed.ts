/**
 * `--changed[=<ref>]`: the Markdown files that differ from a git ref — by default the merge base of HEAD with
 * the default branch — plus untracked files that are not ignored. Deleted files are left out.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { SpeclintError } from './errors.js';
import { MARKDOWN_EXTENSIONS } from './cli/files.js';

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim().split('\n')[0];
    throw new SpeclintError(`--changed: git ${args[0]} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args).trim();
  } catch {
    return undefined;
  }
}

function defaultBranch(cwd: string): string {
  const remoteHead = tryGit(cwd, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  if (remoteHead) return remoteHead.replace(/^refs\/remotes\//, '');
  for (const candidate of ['origin/main', 'origin/master', 'main', 'master']) {
    if (tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])) return candidate;
  }
  throw new SpeclintError('--changed: cannot find the default branch (no origin/HEAD, main or master); name a ref: --changed=<ref>');
}

export async function changedMarkdownFiles(cwd: string, ref?: string): Promise<string[]> {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  const target = ref ?? defaultBranch(cwd);
  if (!tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${target}^{commit}`])) throw new SpeclintError(`--changed: unknown git ref "${target}"`);
  const base = tryGit(cwd, ['merge-base', 'HEAD', target]) ?? target;
  const changed = git(cwd, ['diff', '--name-only', '-z', '--diff-filter=ACMRT', base, '--']).split('\0');
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0');
  const isMarkdown = (path: string) => MARKDOWN_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext));
  const untrackedAbsolute = untracked.filter((p) => p && isMarkdown(p)).map((p) => resolve(cwd, p));
  const changedAbsolute = changed.filter((p) => p && isMarkdown(p)).map((p) => resolve(top, p));
  return [...new Set([...changedAbsolute, ...untrackedAbsolute])].sort();
}
