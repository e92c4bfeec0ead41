/**
 * Git facts a run needs: `--changed[=<ref>]` (the Markdown files that differ from a git ref — by default the merge
 * base of HEAD with the default branch — plus untracked files that are not ignored; deleted files left out),
 * `--only-changed-lines` (which lines of those files the change touches), and the repository's top level (SARIF
 * and GitHub annotations give paths relative to it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SpeclintError } from '../errors.js';

const MARKDOWN = /\.(md|markdown)$/i;

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

/** The directory holding `.git` at or above `from` (a worktree's `.git` file counts), without starting git. */
export function gitTopLevel(from: string): string | undefined {
  for (let current = resolve(from); ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
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

export interface ChangedFiles {
  files: string[];
  /** The commit compared against (the merge base when there is one), and how the user named it. */
  base: string;
  ref: string;
  /** Absolute paths of untracked files (every line of them is new). */
  untracked: Set<string>;
  top: string;
}

export async function changedMarkdownFiles(cwd: string, ref?: string): Promise<ChangedFiles> {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  const target = ref ?? defaultBranch(cwd);
  if (!tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${target}^{commit}`])) throw new SpeclintError(`--changed: unknown git ref "${target}"`);
  // A shallow clone may have no merge base: then the ref itself is the base.
  const base = tryGit(cwd, ['merge-base', 'HEAD', target]) || target;
  const changed = git(cwd, ['diff', '--name-only', '-z', '--diff-filter=ACMRT', base, '--']).split('\0');
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0');
  const untrackedAbsolute = untracked.filter((p) => p && MARKDOWN.test(p)).map((p) => resolve(cwd, p));
  const changedAbsolute = changed.filter((p) => p && MARKDOWN.test(p)).map((p) => resolve(top, p));
  return { files: [...new Set([...changedAbsolute, ...untrackedAbsolute])].sort(), base, ref: target, untracked: new Set(untrackedAbsolute), top };
}

/** Inclusive line ranges of a file that a change adds or modifies; `all` for a file that is new as a whole. */
export type ChangedLines = Array<[number, number]> | 'all';

/** Which lines of the changed files differ from the base (`git diff -U0`, working tree against the base). */
export function changedLines(changed: ChangedFiles): Map<string, ChangedLines> {
  const lines = new Map<string, ChangedLines>();
  for (const path of changed.untracked) lines.set(path, 'all');
  const tracked = changed.files.filter((path) => !changed.untracked.has(path));
  if (tracked.length === 0) return lines;
  const diff = git(changed.top, ['diff', '-U0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=ACMRT', changed.base, '--', ...tracked]);
  let current: Array<[number, number]> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4).replace(/^b\//, '');
      current = [];
      lines.set(resolve(changed.top, unquote(path)), current);
    } else if (current && line.startsWith('@@')) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      if (count > 0) current.push([start, start + count - 1]);
    }
  }
  return lines;
}

/** git quotes paths with unusual characters in C style ("a\tb.md"). */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Does a finding spanning [line, endLine] touch a changed line? */
export function touchesChangedLines(ranges: ChangedLines | undefined, line: number, endLine: number): boolean {
  if (ranges === 'all') return true;
  if (!ranges) return false;
  return ranges.some(([start, end]) => line <= end && endLine >= start);
}
