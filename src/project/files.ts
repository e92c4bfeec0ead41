/**
 * Which files a run lints: explicit files as given, directories searched for *.md / *.markdown (honouring
 * .gitignore files and skipping node_modules and .git), globs expanded. Symlinked directories are followed
 * once: a directory reached again by its real path is skipped, so symlink loops end.
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Notification } from '../reporters/types.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface FileList {
  files: string[];
  notifications: Notification[];
  /** Patterns (as given) that matched no Markdown file, with why: a typo in CI must not be green. */
  unmatched: Array<{ pattern: string; reason: 'missing' | 'empty' }>;
}

const isMarkdown = (name: string) => MARKDOWN_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
const hasGlobChars = (pattern: string) => /[*?[\]{}!]/.test(pattern);

interface GitignoreLayer {
  base: string;
  rules: Ignore;
}

function readGitignore(directory: string): GitignoreLayer | undefined {
  const path = join(directory, '.gitignore');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return { base: directory, rules: ignore().add(text) };
}

function gitignored(layers: GitignoreLayer[], absolutePath: string, isDirectory: boolean): boolean {
  for (const layer of layers) {
    const rel = relative(layer.base, absolutePath).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (layer.rules.ignores(isDirectory ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** .gitignore files from the working directory down to (not including) `directory`. */
function ancestorLayers(cwd: string, directory: string): GitignoreLayer[] {
  const layers: GitignoreLayer[] = [];
  const rel = relative(cwd, directory);
  if (rel.startsWith('..')) return layers;
  let current = cwd;
  const root = readGitignore(current);
  if (root) layers.push(root);
  for (const part of rel.split(sep).filter(Boolean)) {
    current = join(current, part);
    if (current === directory) break;
    const layer = readGitignore(current);
    if (layer) layers.push(layer);
  }
  return layers;
}

export async function collectFiles(patterns: string[], cwd: string): Promise<FileList> {
  const files = new Set<string>();
  const notifications: Notification[] = [];
  const unmatched: FileList['unmatched'] = [];
  const visitedDirectories = new Set<string>();

  const walk = (directory: string, layers: GitignoreLayer[]) => {
    let real: string;
    try {
      real = realpathSync(directory);
    } catch (error) {
      notifications.push({ level: 'error', message: `Cannot read directory: ${describeError(error)}`, filePath: directory });
      return;
    }
    if (visitedDirectories.has(real)) return;
    visitedDirectories.add(real);
    const own = readGitignore(directory);
    const active = own ? [...layers, own] : layers;
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      notifications.push({ level: 'error', message: `Cannot read directory: ${describeError(error)}`, filePath: directory });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stats = statSync(path);
          isDirectory = stats.isDirectory();
          isFile = stats.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDirectory) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || gitignored(active, path, true)) continue;
        walk(path, active);
      } else if (isFile && isMarkdown(entry.name) && !gitignored(active, path, false)) {
        files.add(path);
      }
    }
  };

  for (const pattern of patterns) {
    const before = files.size;
    const absolute = resolve(cwd, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        notifications.push({ level: 'error', message: `Cannot read: ${describeError(error)}`, filePath: absolute });
        continue;
      }
    }
    if (stats?.isDirectory()) {
      walk(absolute, ancestorLayers(cwd, absolute));
      // A directory already listed by an earlier pattern adds nothing new, yet it matched.
      if (files.size === before && !alreadyCovered(files, absolute)) unmatched.push({ pattern, reason: 'empty' });
    } else if (stats) {
      // An explicit file is linted whatever its extension: the caller (a hook, a user) chose it.
      files.add(absolute);
    } else if (hasGlobChars(pattern)) {
      const { glob } = await import('tinyglobby');
      const matched = await glob(pattern, { cwd, absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false });
      const layers = readGitignore(cwd);
      let hits = 0;
      for (const path of matched.sort()) {
        if (isMarkdown(path) && !(layers && gitignored([layers], path, false))) {
          files.add(resolve(path));
          hits++;
        }
      }
      if (hits === 0) unmatched.push({ pattern, reason: 'empty' });
    } else {
      unmatched.push({ pattern, reason: 'missing' });
    }
  }
  return { files: [...files], notifications, unmatched };
}

function alreadyCovered(files: Set<string>, directory: string): boolean {
  const prefix = directory.endsWith(sep) ? directory : `${directory}${sep}`;
  for (const file of files) if (file.startsWith(prefix)) return true;
  return false;
}

export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e.code ? `${e.code}` : String(e.message ?? e).split('\n')[0]!;
  }
}

export function pathExists(path: string): boolean {
  return existsSync(path);
}
