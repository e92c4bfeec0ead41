/**
 * Document types: the built-in templates, the compiler, and which type a document is.
 * Order: front matter `type:`, then config (`--type`, `documents` globs), then auto-detection.
 */
import type { DocumentType, DocumentTypeSource, ReportDescriptor, ResolvedConfig, SpecDocument } from '../types.js';
import { BUILTIN_TEMPLATES } from './builtin.generated.js';
import { compileTemplate, detectionSignature, normalizeHeading, type CompiledType, type DetectionSignature } from './compile.js';

export interface TypeSelection {
  type?: DocumentType;
  id?: string;
  reason: string;
  /** A document problem to report (e.g. front matter `type:` names an unknown type). */
  problem?: ReportDescriptor & { ruleId: string };
}

let builtins: Record<string, DocumentTypeSource> | undefined;

export function builtinTypeSources(): Record<string, DocumentTypeSource> {
  builtins ??= Object.fromEntries(Object.entries(BUILTIN_TEMPLATES).map(([id, template]) => [id, { id, template, source: 'builtin' }]));
  return builtins;
}

/**
 * Auto-detection: a type is a candidate when the document's title matches the template's title pattern and at
 * least 30 % of the template's fixed section headings are present, or — without a title match — at least 60 %.
 * The best score wins (title match 0.5 + share of headings).
 */
export const DETECTION = { withTitle: 0.3, withoutTitle: 0.6 } as const;

export function detectionScore(doc: SpecDocument, signature: DetectionSignature): { score: number; titleMatch: boolean; share: number } {
  const titleText = doc.title?.text.replace(/\s*\((?:optional|mandatory)\)\s*$/i, '').replace(/[:.]+$/, '').trim();
  const titleMatch = Boolean(signature.title && titleText !== undefined && !signature.title.wildcard && signature.title.matcher.test(titleText));
  const present = new Set(doc.sections.map((s) => normalizeHeading(s.text)));
  let found = 0;
  for (const heading of signature.headings) if (present.has(heading)) found++;
  const share = signature.headings.size === 0 ? 0 : found / signature.headings.size;
  const qualifies = titleMatch ? share >= DETECTION.withTitle : share >= DETECTION.withoutTitle;
  return { score: qualifies ? share + (titleMatch ? 0.5 : 0) : 0, titleMatch, share };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function selectDocumentType(doc: SpecDocument, config: ResolvedConfig): TypeSelection {
  const fromFrontMatter = frontMatterType(doc);
  if (fromFrontMatter) {
    const source = config.types[fromFrontMatter.id];
    if (source) return { id: source.id, type: compileTemplate(source), reason: `front matter "type: ${fromFrontMatter.id}"` };
    // Some templates have a `type:` field of their own (EIPs: "Standards Track"): with a type set by config, that
    // field is the document's metadata, not a speclint type.
    if (config.forcedType && config.types[config.forcedType.id]) {
      const forced = config.types[config.forcedType.id]!;
      return { id: forced.id, type: compileTemplate(forced), reason: `${config.forcedType.reason} (front matter "type: ${fromFrontMatter.id}" is not a speclint type)` };
    }
    return {
      reason: `front matter names unknown type "${fromFrontMatter.id}"`,
      problem: {
        ruleId: 'metadata',
        message: `Unknown document type "${fromFrontMatter.id}" in front matter (known types: ${Object.keys(config.types).sort().join(', ')})`,
        range: fromFrontMatter.range,
      },
    };
  }
  if (config.forcedType) {
    const source = config.types[config.forcedType.id];
    if (source) return { id: source.id, type: compileTemplate(source), reason: config.forcedType.reason };
  }
  let best: { source: DocumentTypeSource; score: number; titleMatch: boolean; share: number } | undefined;
  for (const source of Object.values(config.types)) {
    const result = detectionScore(doc, detectionSignature(source));
    if (result.score > 0 && (!best || result.score > best.score)) best = { source, ...result };
  }
  if (!best) return { reason: 'auto-detection: no template matched (title pattern and section overlap below the threshold)' };
  return {
    id: best.source.id,
    type: compileTemplate(best.source),
    reason: `auto-detected: ${best.titleMatch ? 'title matches the template and ' : ''}${percent(best.share)} of the template's sections are present`,
  };
}

function frontMatterType(doc: SpecDocument): { id: string; range: NonNullable<ReportDescriptor['range']> } | undefined {
  const field = doc.metadata.find((m) => m.source === 'frontmatter' && m.normalizedKey === 'type');
  if (!field || typeof field.data !== 'string' || !field.data.trim()) return undefined;
  return { id: field.data.trim(), range: field.valueRange };
}

export { compileTemplate };
export type { CompiledType };
