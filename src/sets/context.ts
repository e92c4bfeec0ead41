/** What a set rule sees: the sets, the summaries, its options per file, path resolution, and `report`. */
import type { DocumentSummary } from '../types.js';
import type { RelatedLocation, SetRuleMeta, SpecSet } from './types.js';

export interface SetReport {
  filePath: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** What identifies the finding across edits (never a line number). */
  key: string;
  related?: RelatedLocation[];
}

export interface SetRuleContext<Options = Record<string, unknown>> {
  sets: readonly SpecSet[];
  /** Every summary the project layer has (set members and the rest: supersede links cross sets). */
  summaries: ReadonlyMap<string, DocumentSummary>;
  /** The rule's options for a file (defaults merged with the config that applies to it). */
  options(filePath: string): Options;
  /** Whether the rule is on for a file (it may be off there by an override). */
  enabled(filePath: string): boolean;
  /** A link from one document, resolved to the key of a known document (relative links; `#fragment` dropped). */
  resolve(fromPath: string, url: string): string | undefined;
  report(finding: SetReport): void;
}

export interface SetRule<Options = Record<string, unknown>> {
  meta: SetRuleMeta;
  check(context: SetRuleContext<Options>): void;
}

export const toPosix = (path: string) => path.replace(/\\/g, '/');
export const dirname = (path: string) => {
  const at = path.lastIndexOf('/');
  return at < 0 ? '.' : at === 0 ? '/' : path.slice(0, at);
};
export const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** `a/b/../c/./d` → `a/c/d` (posix; keeps a leading `/` and leading `..` that cannot be resolved). */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part === '..' && absolute) continue;
    else out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** Resolves links between known documents; built once per checkSets call. */
export function linkResolver(keys: Iterable<string>): (fromPath: string, url: string) => string | undefined {
  const byPath = new Map<string, string>();
  for (const key of keys) byPath.set(normalizePath(toPosix(key)), key);
  return (fromPath, url) => {
    let target = url.trim().replace(/^<|>$/g, '');
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target) || target.startsWith('#')) return undefined;
    target = target.replace(/[?#].*$/, '');
    try {
      target = decodeURIComponent(target);
    } catch {
      // a stray % is part of the name
    }
    if (target === '') return undefined;
    const from = normalizePath(toPosix(fromPath));
    const candidates: string[] = [];
    if (target.startsWith('/')) {
      // Root-relative: the project root is not known here; the longest known path that ends with it.
      const suffix = normalizePath(target).slice(1);
      for (const [path, key] of byPath) if (path === suffix || path.endsWith(`/${suffix}`)) return key;
      return undefined;
    }
    const joined = normalizePath(`${dirname(from)}/${target}`);
    candidates.push(joined);
    // A folder link stands for its README (`1234-name/` → `1234-name/README.md`).
    if (target.endsWith('/') || !/\.[a-z0-9]+$/i.test(target)) {
      candidates.push(`${joined}/README.md`, `${joined}/readme.md`, `${joined}/index.md`, `${joined}.md`);
    }
    for (const candidate of candidates) {
      const key = byPath.get(candidate);
      if (key !== undefined) return key;
    }
    return undefined;
  };
}

/** The relative link from one document to another (posix paths as given). */
export function relativePath(from: string, to: string): string {
  const a = normalizePath(toPosix(dirname(from))).split('/').filter((p) => p !== '.');
  const b = normalizePath(toPosix(to)).split('/').filter((p) => p !== '.');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
