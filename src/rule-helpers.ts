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
