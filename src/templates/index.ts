/**
 * Document types: the built-in templates, the compiler, and which type a document is. In this order:
 *   1. front matter `speclint: { type: … }` (or `speclint-type: …`): the document says so;
 *   2. `--type` on the command line, or the config's `documents` globs;
 *   3. front matter `type:` when its value is a known type id (many templates have a `type:` field of their own —
 *      EIPs' `Standards Track` — and there it is metadata, never an error);
 *   4. auto-detection: title pattern, location and the share of the template's sections and fields present.
 */
import type { DocumentType, DocumentTypeSource, ReportDescriptor, ResolvedConfig, SpecDocument } from '../types.js';
import { didYouMean } from '../errors.js';
import { BUILTIN_TEMPLATES } from './builtin.generated.js';
import { compileTemplate, type CompiledType } from './compile.js';
import { cleanHeading, headingForms, headingKey, matchesHeading, type HeadingForms } from './headings.js';
import { canonicalKey } from '../parse/metadata.js';
import { detectionSignature, type DetectionSignature } from './signature.js';

export interface TypeSelection {
  type?: DocumentType;
  id?: string;
  reason: string;
  /** A document problem to report (e.g. front matter names an unknown type). */
  problem?: ReportDescriptor & { ruleId: string };
  /** For an untyped document: the type that came closest. */
  closest?: { id: string; score: number; threshold: number };
  /** The document is itself the template of a registered type: nothing to check. */
  isTemplate?: boolean;
  /** Auto-detected, and another type came close (see CLOSE_CALL): the type is a guess, so nothing is inserted from it. */
  rival?: string;
}

/** Scores within this of the best make detection a close call between two types. */
const CLOSE_CALL = 0.25;

let builtins: Record<string, DocumentTypeSource> | undefined;

export function builtinTypeSources(): Record<string, DocumentTypeSource> {
  builtins ??= Object.fromEntries(Object.entries(BUILTIN_TEMPLATES).map(([id, template]) => [id, { id, template, source: 'builtin' }]));
  return builtins;
}

/**
 * Auto-detection thresholds: the share of the template's required headings and header fields a document must
 * have (optional ones count when present and are left out when absent). Less evidence is needed when the title
 * follows the template's title pattern, or when the document lives where the template does (its folder, or the
 * folder above a `templates` folder) — documents written against an older version of the template. A document
 * named as its template is (`tasks.md` for `tasks-template.md`) needs least.
 */
export const DETECTION = { plain: 0.5, titleOrLocation: 0.2, titleAndLocation: 0.1, locationAgainstTitle: 0.5 } as const;

export interface DetectionEvidence {
  score: number;
  share: number;
  threshold: number;
  titleMatch: boolean;
  located: boolean;
  named: boolean;
  qualifies: boolean;
}

const formsCache = new WeakMap<SpecDocument, { headings: HeadingForms[]; keys: Set<string>; metadata: Set<string>; title?: string }>();

function documentForms(doc: SpecDocument) {
  let forms = formsCache.get(doc);
  if (!forms) {
    const headings = doc.sections.map((s) => headingForms(s.text));
    const first = doc.sections[0];
    forms = {
      headings,
      keys: new Set(headings.map((h) => h.key)),
      // A template field may be written as a heading (`* **Decision**: …` in the template, `## Decision` in a document).
      metadata: new Set([...doc.metadata.map((m) => canonicalKey(m.key)), ...doc.sections.map((s) => canonicalKey(headingForms(s.text).clean))]),
      title: first && first.level <= 2 ? cleanHeading(first.text) : undefined,
    };
    formsCache.set(doc, forms);
  }
  return forms;
}

const normalizePath = (path: string) => path.replace(/\\/g, '/');
const stemOf = (path: string) => normalizePath(path).split('/').pop()!.replace(/\.(?:md|markdown)$/i, '').toLowerCase();
/** `tasks.md` for the name `tasks`; any file in a `checklists/` folder for `checklist`. */
const namedAs = (path: string, name: string) => stemOf(path) === name || normalizePath(path).toLowerCase().split('/').slice(0, -1).some((folder) => folder === name || folder === `${name}s`);

export function detectionEvidence(doc: SpecDocument, signature: DetectionSignature, filePath?: string): DetectionEvidence {
  const forms = documentForms(doc);
  const titleMatch = Boolean(signature.title && !signature.title.wildcard && forms.title !== undefined && signature.title.matcher.test(forms.title));
  const named = Boolean(signature.documentName && filePath && namedAs(filePath, signature.documentName));
  // A template for one kind of file (`checklist-template.md`) says nothing about the other files beside it.
  const located = Boolean(signature.home && filePath && normalizePath(filePath).startsWith(signature.home) && (!signature.documentName || named));
  // A title with a prefix of another kind (`# Design Draft: Generics` against `# Proposal: [Title]`) is evidence
  // against the type: living beside the template is then not enough. A plain title says nothing either way.
  const docPrefix = forms.title !== undefined ? /^([^:]{2,40}):\s*\S/.exec(forms.title)?.[1] : undefined;
  const contradicted = Boolean(signature.title && !signature.title.wildcard && signature.titlePrefix && docPrefix && !titleMatch && headingKey(docPrefix) !== signature.titlePrefix);
  let found = 0;
  let total = 0;
  let items = 0;
  const count = (present: boolean, optional: boolean, weight: number) => {
    if (present) {
      found += weight;
      items++;
    }
    if (present || !optional) total += weight;
  };
  for (const [key, heading] of signature.literal) count(forms.keys.has(key), heading.optional, heading.weight);
  for (const heading of signature.patterned) count(forms.headings.some((h) => matchesHeading(heading.pattern, h)), heading.optional, heading.weight);
  const headingItems = items;
  for (const [key, optional] of signature.metadataKeys) count(forms.metadata.has(key), optional, 1);
  const share = total === 0 ? 0 : found / total;
  const threshold = named || (titleMatch && located) ? DETECTION.titleAndLocation : titleMatch || (located && !contradicted) ? DETECTION.titleOrLocation : located ? DETECTION.locationAgainstTitle : DETECTION.plain;
  // Two matching items at least (one for a document named as its template): one shared `## Summary` is not a type.
  // …and one of them a section, when the template has sections: header fields alone do not make a document follow it.
  const sectionsInTemplate = signature.literal.size + signature.patterned.length;
  const qualifies = items >= (named ? 1 : 2) && (headingItems >= 1 || sectionsInTemplate < 2) && share >= threshold;
  // Location lowers the bar but hardly ranks: several templates of one collection live in the same place.
  // A template with a fixed title form (`# Package Manager Feature name`) ranks lower for a document whose title does
  // not follow it: between two templates that share most sections, the one whose title the document follows is meant.
  const prefixMissing = Boolean(signature.title && !signature.title.wildcard && forms.title !== undefined && !titleMatch && !contradicted);
  return { score: share + (titleMatch ? 0.5 : 0) + (located ? 0.1 : 0) + (named ? 0.4 : 0) - (contradicted ? 0.2 : 0) - (prefixMissing ? 0.15 : 0), share, threshold, titleMatch, located, named, qualifies };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function selectDocumentType(doc: SpecDocument, config: ResolvedConfig): TypeSelection {
  const filePath = doc.filePath;
  if (filePath) {
    const own = Object.values(config.types).find((t) => t.templatePath && normalizePath(t.templatePath) === normalizePath(filePath));
    if (own) return { reason: `this file is the template of the type "${own.id}"`, isTemplate: true };
  }

  const declared = declaredSpeclintType(doc);
  if (declared) {
    const source = config.types[declared.id];
    if (source) return { id: source.id, type: compileTemplate(source), reason: `front matter "speclint: type: ${declared.id}"` };
    return {
      reason: `front matter names unknown type "${declared.id}"`,
      problem: { ruleId: 'metadata', message: unknownTypeMessage(declared.id, config), range: declared.range, key: `unknown-type:${declared.id}` },
    };
  }
  if (config.forcedType) {
    const source = config.types[config.forcedType.id];
    if (source) return { id: source.id, type: compileTemplate(source), reason: config.forcedType.reason };
  }
  const typeField = frontMatterTypeField(doc);
  if (typeField && config.types[typeField.id]) {
    const source = config.types[typeField.id]!;
    return { id: source.id, type: compileTemplate(source), reason: `front matter "type: ${typeField.id}"` };
  }

  let best: { source: DocumentTypeSource; evidence: DetectionEvidence } | undefined;
  let runnerUp: { source: DocumentTypeSource; evidence: DetectionEvidence } | undefined;
  let closest: { source: DocumentTypeSource; evidence: DetectionEvidence } | undefined;
  for (const source of Object.values(config.types)) {
    const evidence = detectionEvidence(doc, detectionSignature(source), filePath);
    if (evidence.qualifies && (!best || evidence.score > best.evidence.score)) {
      runnerUp = best;
      best = { source, evidence };
    } else if (evidence.qualifies && (!runnerUp || evidence.score > runnerUp.evidence.score)) runnerUp = { source, evidence };
    if (!closest || evidence.share - evidence.threshold > closest.evidence.share - closest.evidence.threshold) closest = { source, evidence };
  }
  // `type: Standards Track` is the template's own field; `type: tech-spc` beside known types is a typo worth a word.
  const problem = typeField && !Object.values(config.types).some((t) => compileTemplateDeclaresType(t)) ? typoProblem(typeField, config) : undefined;
  if (!best) {
    const selection: TypeSelection = { reason: 'auto-detection: no template matched (title pattern, location and section overlap below the threshold)' };
    if (closest) {
      const { evidence } = closest;
      selection.closest = { id: closest.source.id, score: Number(evidence.share.toFixed(2)), threshold: evidence.threshold };
      const hints = [evidence.titleMatch ? 'title matches' : '', evidence.located ? 'lives beside the template' : '', evidence.named ? 'named as the template' : ''].filter(Boolean);
      selection.reason = `auto-detection: no template matched; closest: ${closest.source.id} with ${percent(evidence.share)} of its sections and fields, ${percent(evidence.threshold)} needed${hints.length ? ` (${hints.join(', ')})` : ''}`;
    }
    if (problem) selection.problem = problem;
    return selection;
  }
  const { evidence } = best;
  const why = [evidence.titleMatch ? 'title matches the template' : '', evidence.located ? 'the file lives where the template does' : '', evidence.named ? 'the file is named as the template' : ''].filter(Boolean).join(', ');
  const selection: TypeSelection = {
    id: best.source.id,
    type: compileTemplate(best.source),
    reason: `auto-detected: ${why ? `${why} and ` : ''}${percent(evidence.share)} of the template's sections and fields are present`,
  };
  if (runnerUp && evidence.score - runnerUp.evidence.score < CLOSE_CALL) {
    selection.rival = runnerUp.source.id;
    selection.reason += `; ${runnerUp.source.id} came close (${percent(runnerUp.evidence.share)}), so --fix inserts no sections`;
  }
  if (problem) selection.problem = problem;
  return selection;
}

/** Does a type's template carry a front-matter `type:` field of its own? Read from the text: no compile needed. */
function compileTemplateDeclaresType(source: DocumentTypeSource): boolean {
  const fm = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)/.exec(source.template);
  return Boolean(fm && /^type\s*:/m.test(fm[1]!));
}

function unknownTypeMessage(id: string, config: ResolvedConfig): string {
  const suggestion = didYouMean(id, Object.keys(config.types));
  return `Unknown document type "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: known types are ${Object.keys(config.types).sort().join(', ')}`;
}

function typoProblem(field: { id: string; range: NonNullable<ReportDescriptor['range']> }, config: ResolvedConfig): TypeSelection['problem'] {
  const suggestion = didYouMean(field.id, Object.keys(config.types));
  if (!suggestion || suggestion === field.id) return undefined;
  return {
    ruleId: 'metadata',
    message: `Front matter "type: ${field.id}" names no document type; did you mean "${suggestion}"? (to name the speclint type without ambiguity, write "speclint: { type: ${suggestion} }")`,
    range: field.range,
    key: `unknown-type:${field.id}`,
    severity: 'warn',
  };
}

/** `speclint: { type: kep }` or `speclint-type: kep` in front matter. */
function declaredSpeclintType(doc: SpecDocument): { id: string; range: NonNullable<ReportDescriptor['range']> } | undefined {
  for (const field of doc.metadata) {
    if (field.source !== 'frontmatter') continue;
    if (field.normalizedKey === 'speclint-type' && typeof field.data === 'string' && field.data.trim()) return { id: field.data.trim(), range: field.valueRange };
    if (field.normalizedKey === 'speclint' && field.data && typeof field.data === 'object') {
      const type = (field.data as { type?: unknown }).type;
      if (typeof type === 'string' && type.trim()) return { id: type.trim(), range: field.valueRange };
    }
  }
  return undefined;
}

function frontMatterTypeField(doc: SpecDocument): { id: string; range: NonNullable<ReportDescriptor['range']> } | undefined {
  const field = doc.metadata.find((m) => m.source === 'frontmatter' && m.normalizedKey === 'type');
  if (!field || typeof field.data !== 'string' || !field.data.trim()) return undefined;
  return { id: field.data.trim(), range: field.valueRange };
}

export { compileTemplate, detectionSignature };
export type { CompiledType };
