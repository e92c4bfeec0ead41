/**
 * Document types: built-in templates, the template compiler and type selection.
 * (Owned by the document-types work; the engine calls only `selectDocumentType` and `builtinTypeSources`.)
 */
import type { DocumentType, DocumentTypeSource, ReportDescriptor, ResolvedConfig, SpecDocument } from '../types.js';

export interface TypeSelection {
  type?: DocumentType;
  id?: string;
  reason: string;
  /** A document problem to report (e.g. front matter `type:` names an unknown type). */
  problem?: ReportDescriptor & { ruleId: string };
}

export function builtinTypeSources(): Record<string, DocumentTypeSource> {
  return {};
}

export function selectDocumentType(doc: SpecDocument, config: ResolvedConfig): TypeSelection {
  void doc;
  if (config.forcedType) return { id: config.forcedType.id, reason: config.forcedType.reason };
  return { reason: 'no document type matched' };
}
