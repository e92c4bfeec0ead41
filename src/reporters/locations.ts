/** Where a finding is for a CI system: a path relative to the repository's top level, and a link to its line. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ReportContext } from './types.js';

/**
 * A file's path relative to the repository root (forward slashes, no `./`), as GitLab and GitHub resolve report
 * paths whatever directory speclint ran in; a file outside the repository keeps the path it was given.
 */
export function repositoryPath(context: Pick<ReportContext, 'cwd' | 'repositoryRoot'>, path: string): string {
  const rel = relative(context.repositoryRoot, resolve(context.cwd, path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path.split(sep).join('/');
}

/** True when the path is inside the repository (a link to it on the forge can work). */
export function insideRepository(context: Pick<ReportContext, 'cwd' | 'repositoryRoot'>, path: string): boolean {
  const rel = relative(context.repositoryRoot, resolve(context.cwd, path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The forge's view of the checked-out commit, from the CI's own variables: GitHub Actions
 * (`GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/GITHUB_SHA`) or GitLab CI (`CI_PROJECT_URL/-/blob/CI_COMMIT_SHA`).
 * Undefined elsewhere: reports then name lines without linking them.
 */
export function blobUrlFromEnv(env: Record<string, string | undefined>): string | undefined {
  const trim = (url: string) => url.replace(/\/+$/, '');
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA) {
    return `${trim(env.GITHUB_SERVER_URL)}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}`;
  }
  if (env.CI_PROJECT_URL && env.CI_COMMIT_SHA) return `${trim(env.CI_PROJECT_URL)}/-/blob/${env.CI_COMMIT_SHA}`;
  return undefined;
}

/** A link to a line of a repository file, or undefined when there is no blob URL or the file is outside. */
export function lineUrl(context: Pick<ReportContext, 'cwd' | 'repositoryRoot' | 'blobUrl'>, absolutePath: string, line: number): string | undefined {
  if (!context.blobUrl || !insideRepository(context, absolutePath)) return undefined;
  const encoded = repositoryPath(context, absolutePath).split('/').map((segment) => encodeURIComponent(segment)).join('/');
  return `${context.blobUrl}/${encoded}#L${line}`;
}
