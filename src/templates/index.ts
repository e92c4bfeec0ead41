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
import { cleanHeading, headingForms, matchesHeading, type HeadingForms } from './headings.js';
import { canonicalKey } from '../parse/metadata.js';
import { detectionSignature, documentKinds, singular, type DetectionSignature } from './signature.js';

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

/** Shares are sums of ½ and ¼ weights: 0.19999… is the 20 % the reason prints, and meets a 20 % threshold. */
const SHARE_EPSILON = 1e-9;

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
 * follows the template's title pattern (or names its kind of document, or a header field holds an ID of the
 * template's form), or when the document lives where the template does (its folder, or the folder above a
 * `templates` folder) — documents written against an older version of the template. A document named as its
 * template is (`tasks.md` for `tasks-template.md`) needs least. Living there is not enough for a document whose
 * header field holds an ID of another form (`locationAgainstTitle`); a title that names another kind of document
 * than the template's title does (`— Draft Design` against `# Proposal: [Title]`) is no match at all.
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
  /** A header field holds an ID of the template's form (`Proposal: ST-0017` for `[ST-NNNN]`). */
  idMatch: boolean;
  /** The title names another kind of document than the template's title (`… — Draft Design` for `Proposal: [Title]`). */
  otherKind: boolean;
  /** The title names the template's kind of document without following its title form (`…: A Proposal`). */
  kindMatch: boolean;
  /** The template is for one kind of document (its file's name says so) and the document shows nothing of it. */
  unspecific?: boolean;
  /** Template headings (their keys) the document has: unique ones weigh more between two candidate types. */
  matchedKeys: Map<string, number>;
}

/** What detection of one type knows of the other types it competes with. */
export interface DetectionContext {
  /** The names (`documentName`) and homes of the other types' templates. */
  others: DetectionSignature[];
}

const formsCache = new WeakMap<SpecDocument, { headings: HeadingForms[]; keys: Set<string>; metadata: Set<string>; title?: string; ids: Map<string, string> }>();

function documentForms(doc: SpecDocument) {
  let forms = formsCache.get(doc);
  if (!forms) {
    const headings = doc.sections.map((s) => headingForms(s.text));
    const first = doc.sections[0];
    const ids = new Map<string, string>();
    for (const field of doc.metadata) {
      const id = /\b([A-Za-z][A-Za-z0-9]{0,6})-\d+\b/.exec(field.value);
      if (id && !ids.has(canonicalKey(field.key))) ids.set(canonicalKey(field.key), id[1]!.toLowerCase());
    }
    forms = {
      headings,
      keys: new Set(headings.map((h) => h.key)),
      // A template field may be written as a heading (`* **Decision**: …` in the template, `## Decision` in a document).
      metadata: new Set([...doc.metadata.map((m) => canonicalKey(m.key)), ...headings.map((h) => canonicalKey(h.clean))]),
      title: first && first.level <= 2 ? cleanHeading(first.text) : undefined,
      ids,
    };
    formsCache.set(doc, forms);
  }
  return forms;
}

const normalizePath = (path: string) => path.replace(/\\/g, '/');
const stemOf = (path: string) => normalizePath(path).split('/').pop()!.replace(/\.(?:md|markdown)$/i, '').toLowerCase();
const foldersOf = (path: string) => normalizePath(path).toLowerCase().split('/').slice(0, -1);

/**
 * `tasks.md` for the name `tasks`; any file in a `checklists/` folder for `checklist`. A folder may leave out the
 * words of the name that the template's home already says: `proposals/testing/` for `swift-testing` when the
 * template lives in `swift-evolution/`.
 */
function namedAs(path: string, signature: DetectionSignature): boolean {
  const name = signature.documentName;
  if (!name) return false;
  if (stemOf(path) === name) return true;
  const names = new Set([name]);
  const underHome = Boolean(signature.home && normalizePath(path).startsWith(signature.home));
  // (the shorter name only below the template's home: `docs/` elsewhere is no `design-doc` folder)
  if (underHome) {
    const homeWords = new Set(signature.home!.toLowerCase().split(/[^a-z0-9]+/));
    const short = name.split('-').filter((w) => !homeWords.has(w)).join('-');
    if (short.length >= 4) names.add(short);
  }
  const folders = underHome ? foldersOf(path.slice(signature.home!.length)) : foldersOf(path);
  return folders.some((folder) => names.has(folder) || names.has(singular(folder)));
}

/**
 * The parts of a title that say what the document is: the words before a colon, a short part after it (`Go generate:
 * A Proposal`) and the part after a dash (`Error Printing — Draft Design`).
 */
function titleKindsOf(title: string): Set<string> {
  const parts: string[] = [];
  const colon = /^([^:]{2,40}):\s*(.*)$/.exec(title);
  if (colon) {
    parts.push(colon[1]!);
    if (colon[2]!.split(/\s+/).length <= 3) parts.push(colon[2]!);
  }
  const dash = /\s[—–-]\s+([^—–]+)$/.exec(title);
  if (dash && dash[1]!.split(/\s+/).length <= 4) parts.push(dash[1]!);
  return documentKinds(parts.join(' '));
}

export function detectionEvidence(doc: SpecDocument, signature: DetectionSignature, filePath?: string, context?: DetectionContext): DetectionEvidence {
  const forms = documentForms(doc);
  const titleMatch = Boolean(signature.title && !signature.title.wildcard && forms.title !== undefined && signature.title.matcher.test(forms.title));
  const named = Boolean(filePath && namedAs(filePath, signature));
  // A template for one kind of file (`checklist-template.md`) says nothing about the other files beside it; and a
  // folder named after another template (`testing/` for `swift-testing-template.md`) holds that template's documents.
  const claimed = Boolean(filePath && !signature.documentName && context?.others.some((other) => other.documentName && namedAs(filePath, other)));
  const located = Boolean(signature.home && filePath && normalizePath(filePath).startsWith(signature.home) && (signature.documentName ? named : !claimed));
  // A title that names another kind of document (`Error Printing — Draft Design`, `Design Draft: …` against
  // `# Proposal: [Title]`) is not this type, whatever its sections: the template's title names its kind.
  const docKinds = forms.title !== undefined ? titleKindsOf(forms.title) : new Set<string>();
  const otherKind = !titleMatch && signature.titleKinds.size > 0 && docKinds.size > 0 && ![...docKinds].some((k) => signature.titleKinds.has(k));
  // …and one that names the template's kind (`Go generate: A Proposal`) follows its title in what matters.
  const kindMatch = !titleMatch && signature.titleKinds.size > 0 && [...docKinds].some((k) => signature.titleKinds.has(k));
  // An ID of the template's form in its header field (`Proposal: ST-0017` for `[ST-NNNN]`) is as good as a title;
  // one of another form (`SE-0042` in the same field) is evidence against.
  let idMatch = false;
  let idOther = false;
  for (const [key, prefix] of signature.idPrefixes) {
    const id = forms.ids.get(key);
    if (id === prefix) idMatch = true;
    else if (id !== undefined) idOther = true;
  }
  if (idMatch) idOther = false;
  let found = 0;
  let total = 0;
  let items = 0;
  let topFound = 0;
  let topTotal = 0;
  const matchedKeys = new Map<string, number>();
  const count = (present: boolean, optional: boolean, weight: number) => {
    if (present) {
      found += weight;
      items++;
    }
    if (present || !optional) total += weight;
  };
  const countHeading = (present: boolean, optional: boolean, weight: number) => {
    count(present, optional, weight);
    if (weight === 1 && present) topFound++;
    if (weight === 1 && (present || !optional)) topTotal++;
  };
  for (const [key, heading] of signature.literal) {
    const present = forms.keys.has(key);
    countHeading(present, heading.optional, heading.weight);
    if (present) matchedKeys.set(key, heading.weight);
  }
  for (const heading of [...signature.patterned, ...signature.families]) countHeading(forms.headings.some((h) => matchesHeading(heading.pattern, h)), heading.optional, heading.weight);
  const headingItems = items;
  for (const [key, optional] of signature.metadataKeys) count(forms.metadata.has(key), optional, 1);
  const weighted = total === 0 ? 0 : found / total;
  // A document from a shorter or older version of the template has its main sections and not all of their
  // subsections: the share of the top-level sections alone counts too (a little less, as it is fewer items).
  const outline = topTotal >= 3 ? (topFound / topTotal) * 0.9 : 0;
  const share = Math.max(weighted, outline);
  const titled = titleMatch || kindMatch || idMatch;
  const threshold = named || (titled && located) ? DETECTION.titleAndLocation : titled || (located && !idOther) ? DETECTION.titleOrLocation : located ? DETECTION.locationAgainstTitle : DETECTION.plain;
  // Two matching items at least (one for a document named as its template): one shared `## Summary` is not a type.
  // A title in the template's fixed form (`# Proposal: Soft memory limit`) is one.
  // …and one of them a section, when the template has sections: header fields alone do not make a document follow
  // it — unless its title follows the template's fixed title form too (`Feature Specification: …` over the fields).
  const sectionsInTemplate = signature.literal.size + signature.patterned.length + signature.families.length;
  const qualifies = !otherKind && items + (titleMatch ? 1 : 0) >= (named ? 1 : 2) && (headingItems >= 1 || sectionsInTemplate < 2 || titleMatch) && share >= threshold - SHARE_EPSILON;
  // Location lowers the bar but hardly ranks: several templates of one collection live in the same place.
  // A template with a fixed title form (`# Package Manager Feature name`) ranks lower for a document whose title does
  // not follow it: between two templates that share most sections, the one whose title the document follows is meant.
  const prefixMissing = Boolean(signature.title && !signature.title.wildcard && forms.title !== undefined && !titleMatch && !kindMatch);
  const score = share + (titleMatch ? 0.5 : kindMatch ? 0.3 : 0) + (idMatch ? 0.3 : 0) + (located ? 0.1 : 0) + (named ? 0.4 : 0) - (idOther ? 0.3 : 0) - (prefixMissing ? 0.15 : 0);
  return { score, share, threshold, titleMatch, located, named, qualifies, idMatch, otherKind, kindMatch, matchedKeys };
}

/** Each template section that no other candidate type has weighs this much more in the ranking (at most two). */
const UNIQUE_SECTION_BONUS = 0.1;
/** A type with this share of its sections and fields competes for a document even when it does not qualify. */
const COMPETING_SHARE = 0.25;

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

  const sources = Object.values(config.types);
  const signatures = sources.map((source) => detectionSignature(source));
  const candidates = sources.map((source, i) => ({
    source,
    signature: signatures[i]!,
    evidence: detectionEvidence(doc, signatures[i]!, filePath, { others: signatures.filter((_, j) => j !== i) }),
  }));
  // Evidence unique to one template (a section no other known type has) tells two qualifying types apart: shared
  // sections cannot. Between types that share most sections, the share alone leans to the one with fewer sections.
  // A section another template also has (`Introduction`, an older name of the main template's summary that a
  // second template kept) is no such evidence.
  // (among the types that compete for the document: a built-in type that shares one generic heading does not)
  const competitors = candidates.filter((c) => c.evidence.qualifies || c.evidence.share >= COMPETING_SHARE);
  for (const candidate of candidates) {
    const { evidence, signature } = candidate;
    let unique = 0;
    for (const [key, weight] of evidence.matchedKeys) if (!competitors.some((other) => other !== candidate && other.signature.literal.has(key))) unique += weight;
    evidence.score += UNIQUE_SECTION_BONUS * Math.min(2, unique);
    // A template made for one kind of document (its file says which: `0000-swiftpm-template.md`) is meant only
    // when the document shows that kind — its name or folder, the template's title or kind, or a section only it
    // has. The sections it shares with the collection's main template (an older outline it may have kept) do not
    // make a document that kind.
    if (signature.documentName && evidence.qualifies && !evidence.named && !evidence.titleMatch && !evidence.kindMatch && unique === 0) {
      evidence.qualifies = false;
      evidence.unspecific = true;
    }
  }
  let best: (typeof candidates)[number] | undefined;
  let runnerUp: (typeof candidates)[number] | undefined;
  let closest: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    const { evidence } = candidate;
    if (evidence.qualifies && (!best || evidence.score > best.evidence.score)) {
      runnerUp = best;
      best = candidate;
    } else if (evidence.qualifies && (!runnerUp || evidence.score > runnerUp.evidence.score)) runnerUp = candidate;
    if (!closest || evidence.share - evidence.threshold > closest.evidence.share - closest.evidence.threshold) closest = candidate;
  }
  // `type: Standards Track` is the template's own field; `type: tech-spc` beside known types is a typo worth a word.
  const problem = typeField && !Object.values(config.types).some((t) => compileTemplateDeclaresType(t)) ? typoProblem(typeField, config) : undefined;
  if (!best) {
    const selection: TypeSelection = { reason: 'auto-detection: no template matched (title pattern, location and section overlap below the threshold)' };
    if (closest) {
      const { evidence } = closest;
      selection.closest = { id: closest.source.id, score: Number(evidence.share.toFixed(2)), threshold: evidence.threshold };
      const hints = [evidence.titleMatch ? 'title matches' : '', evidence.idMatch ? 'its ID has the template\'s form' : '', evidence.located ? 'lives beside the template' : '', evidence.named ? 'named as the template' : '', evidence.otherKind ? 'but its title names another kind of document' : '', evidence.unspecific ? `but shows nothing of the kind of document "${closest.source.id}" is for (its file name, title or a section only it has)` : ''].filter(Boolean);
      selection.reason = `auto-detection: no template matched; closest: ${closest.source.id} with ${percent(evidence.share)} of its sections and fields, ${percent(evidence.threshold)} needed${hints.length ? ` (${hints.join(', ')})` : ''}`;
    }
    if (problem) selection.problem = problem;
    return selection;
  }
  const { evidence } = best;
  const why = [evidence.titleMatch ? 'title matches the template' : '', evidence.idMatch ? 'its ID has the template\'s form' : '', evidence.located ? 'the file lives where the template does' : '', evidence.named ? 'the file is named as the template' : ''].filter(Boolean).join(', ');
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
