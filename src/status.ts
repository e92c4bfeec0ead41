/** The status a document declares (checkboxes' policies, reports, checks across documents). */
import type { SpecDocument } from './types.js';

const STATUS_KEYS = new Set(['status', 'document status', 'spec status', 'state']);

/** The document's status: the first Status-like metadata field. */
export function documentStatus(doc: SpecDocument): { value: string; line: number } | undefined {
  const field = doc.metadata.find((m) => STATUS_KEYS.has(m.normalizedKey));
  if (!field) return undefined;
  // `**Status**: ✅ Complete` and `Status: Complete (2025-01-02)` still say Complete.
  const value = field.value.replace(/<[^>]*>/g, '').replace(/[*_`]/g, '').replace(/\(.*\)$/, '').replace(/^[^\p{L}\p{N}]+/u, '').trim();
  return { value, line: field.valueRange.start.line };
}
