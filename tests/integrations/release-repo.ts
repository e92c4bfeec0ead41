/**
 * A release of this checkout as users get it, for the install, pre-commit and README tests: the files git would
 * commit (tracked, plus untracked files that are not ignored — so the test sees work in progress), without
 * node_modules or dist/, committed and tagged v<version> in a temporary repository. Users' tools reach it through
 * its real home URL: git's `url.<local>.insteadOf <home>` (passed as GIT_CONFIG_* variables, which pre-commit keeps)
 * sends https://github.com/<owner>/<repo> to the local copy, so the README's snippets run verbatim.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git } from '../cli/run-cli.js';

export const root = join(import.meta.dirname, '..', '..');
export const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; repository: { url: string } };
/** https://github.com/owner/repo, from package.json (the one place that names it). */
export const home = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
export const tag = `v${pkg.version}`;

export interface Release {
  /** The tagged repository (file:// URL in `url`). */
  dir: string;
  url: string;
  /** Environment that makes git (and pre-commit, and npm's git) fetch `home` from the local release. */
  gitEnv: Record<string, string>;
}

export function makeRelease(): Release {
  const dir = mkdtempSync(join(tmpdir(), 'speclint-release-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    try {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(root, file), join(dir, file));
    } catch {
      // deleted in the working tree but still in the index
    }
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', `release ${tag}`);
  git(dir, 'tag', tag);
  const url = `file://${dir}`;
  return {
    dir,
    url,
    gitEnv: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `url.${url}.insteadOf`, GIT_CONFIG_VALUE_0: home },
  };
}
