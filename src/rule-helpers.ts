/** Small helpers shared by rule modules. */
import type { Range, SpecDocument } from './types.js';

export const REPOSITORY_URL = 'https://github.com/speclint/speclint';

export function docsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
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
