/** Small helpers shared by rule modules. */
import type { Range, SpecDocument } from './types.js';
import { PACKAGE_INFO } from './package-info.generated.js';

/** The project's home, from package.json `repository` (the one place that names it). */
export const REPOSITORY_URL: string = PACKAGE_INFO.repositoryUrl;

/**
 * Where a rule's documentation lives: `{rule}` is the rule id, `{version}` the installed version. The default
 * points at the docs of the installed release's tag; the config's `docsUrl` can point at a mirror.
 */
export const DEFAULT_DOCS_URL = `${REPOSITORY_URL}/blob/v{version}/docs/rules/{rule}.md`;

export function ruleDocsUrl(ruleId: string, template: string = DEFAULT_DOCS_URL, version: string = PACKAGE_INFO.version): string {
  return template.replace(/\{rule\}/g, ruleId).replace(/\{version\}/g, version);
}

export function docsUrl(ruleId: string): string {
  return ruleDocsUrl(ruleId);
}

/** Range of `length` UTF-16 units starting at a document offset. */
export function rangeAt(doc: SpecDocument, offset: number, length: number): Range {
  return { start: doc.pointAt(offset), end: doc.pointAt(offset + length) };
}

/** Escape a string for use inside a RegExp. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `YYYY-MM-DD` naming a day that exists (no 2025-02-30). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
