/**
 * The template compiler: a Markdown template, parsed by the same parser as specs, becomes a document type —
 * heading outline, metadata fields, sample text, placeholder vocabulary and checklist policies.
 */
import { toString } from 'mdast-util-to-string';
import type { Paragraph, RootContent, List, Nodes } from 'mdast';
import { normalizeDefinitionId, parseDocument } from '../parse/document.js';
import { canonicalKey } from '../parse/metadata.js';
import { escapeRegExp } from '../rule-helpers.js';
import { STAND_IN_WORDS } from '../placeholders.js';
import type { DocumentType, DocumentTypeSource, Section, SpecDocument, StatusPolicy } from '../types.js';
import { memoBySource } from './source-memo.js';
import {
  STAND_IN_MARK, cleanHeading, headingKey, headingPattern, isAllStandIn, templateHeadingText, isOptionalHeading, markStandIns, stripHtmlTags,
  stripMarkers, type HeadingPattern,
} from './headings.js';

export interface SectionPattern {
  /** The heading as the template writes it (`Alternative 1: [Name]`), markup and optionality markers removed. */
  text: string;
  level: number;
  heading: HeadingPattern;
  /** All placeholder (`#### [Component Name]`): any heading text, one or more. */
  wildcard: boolean;
  /** Numbered siblings (`Alternative 1`, `Alternative 2`): one or more of the pattern. */
  repeatable: boolean;
  optional: boolean;
  /** Required only for documents dated on or after this ISO date (`<!-- speclint: since 2023-01-15 -->`). */
  since?: string;
  parent?: SectionPattern;
  children: SectionPattern[];
  /** Template line of the heading. */
  line: number;
  /** The template's heading line, as written. */
  headingLine: string;
  /** The template's text under the heading, up to its first subsection (what --fix inserts with the heading). */
  body: string;
  /** Order among all patterns. */
  order: number;
}

export interface TitlePattern {
  text: string;
  level: number;
  line: number;
  /** Tested against the document title's clean form (headings.ts `cleanHeading`). */
  matcher: RegExp;
  /** Any title will do (`# Title of proposal`, `# [Title]`). */
  wildcard: boolean;
}

export interface MetadataFieldSpec {
  key: string;
  normalizedKey: string;
  /** `canonicalKey`: how a document's field is found (`Author(s)` finds `Authors`). */
  canonicalKey: string;
  /** 'any': a front-matter list or map in the template — present, of any shape. */
  kind: 'enum' | 'date' | 'version' | 'text' | 'any';
  /** For dates: the template shows the ISO form (`YYYY-MM-DD`), so another form is reported; `[Date]` asks only for a real date. */
  iso?: boolean;
  values?: string[];
  templateValue: string;
  source: string;
  optional: boolean;
}

export interface CompiledType extends DocumentType {
  title?: TitlePattern;
  /** Top-level patterns: the title's children, and level-1 sections beside the title. */
  outline: SectionPattern[];
  allPatterns: SectionPattern[];
  metadataFields: MetadataFieldSpec[];
  metadataSchema: Record<string, unknown>;
  /** The type's config names a JSON Schema of its own for metadata: checked as written, with ajv. */
  userMetadataSchema: boolean;
  /** Normalised sample paragraphs (whole, whitespace collapsed) → template line. */
  sampleParagraphs: Map<string, number>;
  /** Normalised sample lines and list items → template line. */
  sampleText: Map<string, number>;
  placeholderTokens: string[];
  statusPolicies: StatusPolicy[];
  sectionHeadings: ReadonlySet<string>;
  /** Template front matter declares a `type:` field of its own (EIP, FIP): there `type:` is metadata. */
  declaresTypeField: boolean;
  templateText: string;
}

const ANNOTATION = /^speclint:\s*(.+)$/i;

/** @deprecated name kept for callers outside the template family: the heading key. */
export const normalizeHeading = headingKey;

/**
 * Prose that makes the section under it optional: "This section is optional", "may be omitted", "if applicable",
 * "delete if not needed". Read in the first blocks under the heading (paragraphs and guidance comments).
 */
const OPTIONAL_PROSE = new RegExp(
  [
    String.raw`\b(?:this|the) (?:sub)?section is (?:entirely )?optional`,
    String.raw`\b(?:may|can|could) be (?:omitted|skipped|removed|left out|deleted|left empty)`,
    String.raw`\b(?:delete|remove|omit|skip|drop)(?: this(?: (?:sub)?section)?)? if (?:it is |it's |it’s |they are )?(?:not|no longer|in?) ?(?:needed|applicable|relevant|used|appropriate)`,
    String.raw`\bif (?:not )?applicable\b`,
    String.raw`\bif any\b`,
    String.raw`\bnot required\b`,
    String.raw`^\s*(?:this is )?(?:an? )?optional\b`,
    String.raw`\b(?:should|must|can|may) be removed (?:before|once|when|after)\b`,
    String.raw`\(optional\)`,
  ].join('|'),
  'im',
);

/** Licence and copyright lines a template wants copied verbatim (the CC0 waiver): kept text, not instructions. */
const LICENCE = /\bcopyright\b|\blicen[cs]e[ds]?\b|\bCC0\b|\bCC-BY\b|\bSPDX\b|\bpublic domain\b|\ball rights reserved\b|\bwaived\b/i;

function annotationsOf(doc: SpecDocument, section: Section): string[] {
  return doc.htmlComments
    .filter((c) => c.range.start.offset >= section.contentStart && c.range.start.offset < section.bodyEnd)
    .map((c) => ANNOTATION.exec(c.body)?.[1]?.trim())
    .filter((a): a is string => Boolean(a));
}

const isOptionalComment = (comment: string) => /\boptional\b|feel free to remove/i.test(comment) && !/^<!--\s*speclint:/i.test(comment);

/**
 * Where the spaces, tabs and at most one line ending just before `end` begin: the text before a heading, up to the
 * end of the line above it. A backward scan: a regular expression anchored at `$` would try every offset of the text
 * before it, for every heading of a template.
 */
function startOfBlankTail(text: string, end: number): number {
  const spaceBefore = (i: number) => text[i - 1] === ' ' || text[i - 1] === '\t';
  let i = end;
  while (i > 0 && spaceBefore(i)) i--;
  if (text[i - 1] === '\n') i -= text[i - 2] === '\r' ? 2 : 1;
  else if (text[i - 1] === '\r') i--;
  while (i > 0 && spaceBefore(i)) i--;
  return i;
}

/**
 * Is the section whose heading starts at `headingStart` optional by what the template writes around it: a
 * `<!-- speclint: optional -->` annotation in its body, a MADR-style comment (`<!-- This is an optional element.
 * Feel free to remove. -->`) on the line before the heading or first under it, or prose in its first blocks.
 * Reads the raw text, so that the compiler and the line-scanning detection signature agree.
 */
export function optionalFromText(text: string, headingStart: number, bodyStart: number, bodyEnd: number): boolean {
  const body = text.slice(bodyStart, bodyEnd);
  if (/<!--\s*speclint:\s*optional\b/i.test(body)) return true;
  // A comment on the line right before the heading (no blank line between) speaks of it; one further up, of the section above.
  const before = text.slice(0, startOfBlankTail(text, headingStart));
  if (before.endsWith('-->') && isOptionalComment(before.slice(before.lastIndexOf('<!--')))) return true;
  const under = body.replace(/^\s+/, '');
  if (under.startsWith('<!--') && isOptionalComment(under.slice(0, under.indexOf('-->') + 3))) return true;
  // Guidance as written: quote markers, emphasis and comment fences do not hide the words.
  const firstBlocks = under.slice(0, 600).split(/\n\s*\n/).slice(0, 2).join('\n').replace(/^[ \t]*(?:>[ \t]?)+/gm, '').replace(/<!--|-->/g, '').replace(/[*_]/g, '');
  if (OPTIONAL_PROSE.test(firstBlocks)) return true;
  // "If the proposal involves a new API, include an example": the section is asked for on a condition.
  return /^\s*if\b[^.?!]{3,200},/i.test(firstBlocks.trimStart()) && !/\b(?:leave|keep) (?:it|this section) in\b|\bdo not (?:remove|delete)\b/i.test(firstBlocks);
}

const SAMPLE_STAND_IN = /^(?:goal|non-goal|pro|con|option|risk|step|task|item|requirement|metric|pain point|question|milestone|assumption|constraint|decision)\s+(?:\d+(?:\.\d+)*|[A-Z])\b/i;

export function normalizeSample(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[*_`]/g, '').trim().toLowerCase();
}

/**
 * A title the template writes without brackets: `KEP-NNNN: Your short, descriptive title`, `FIP-Number: Title`,
 * `RFC-NNNN`. Runs of three or more identical capitals and the word Number stand for any word; after a colon,
 * the rest is the author's. A title of plain words (`Title of proposal`) stands for any title.
 */
export function titlePattern(raw: string, line: number, level: number): TitlePattern {
  const text = stripMarkers(stripHtmlTags(raw).replace(/[*_`]/g, '')).trim();
  if (isAllStandIn(raw)) return { text, level, line, matcher: /^.+$/, wildcard: true };
  let marked = markStandIns(text)
    .replace(/\b([A-Z])\1{2,}\b/g, STAND_IN_MARK)
    .replace(/\bNumber\b/g, STAND_IN_MARK)
    .replace(/#{2,}/g, STAND_IN_MARK);
  const colon = marked.indexOf(':');
  if (colon >= 0 && !marked.slice(colon + 1).includes(STAND_IN_MARK)) marked = `${marked.slice(0, colon + 1)} ${STAND_IN_MARK}`;
  if (!marked.includes(STAND_IN_MARK)) {
    // `Package Manager Feature name`: a short fixed prefix before a stand-in phrase ending in name or title.
    const prefixed = /^((?:[A-Z][\w+#.-]*\s+){1,3}?)(?:feature|proposal|rfc|project|document|spec(?:ification)?)?\s*(?:name|title)$/i.exec(text);
    const generic = /^(?:feature|proposal|rfc|project|document|spec(?:ification)?|decision|design|enhancement|adr)$/i;
    if (prefixed && /[A-Z]/.test(prefixed[1]!) && !generic.test(prefixed[1]!.trim()) && !/\b(?:your|this|the|a|an|replace|insert|add)\b/i.test(prefixed[1]!)) {
      return { text, level, line, matcher: new RegExp(`^${escapeRegExp(cleanHeading(prefixed[1]!.trim())).replace(/ /g, '\\s+')}\\s+.+$`), wildcard: false };
    }
    return { text, level, line, matcher: /^.+$/, wildcard: true };
  }
  const clean = cleanHeading(marked);
  const source = clean
    .split(STAND_IN_MARK)
    .map((part) => escapeRegExp(part).replace(/\\-|-/g, '[-\\s]?').replace(/ /g, '\\s*'))
    .join('.+?');
  return { text, level, line, matcher: new RegExp(`^${source}$`), wildcard: false };
}

export interface TitleCandidate {
  level: number;
  text: string;
  /** Template fields (`* Author(s): …`) follow the heading before the next one. */
  metadataUnder: boolean;
  levelOneCount: number;
}

/**
 * Does the template's first heading name the document rather than open a section? A lone level-1 heading does;
 * among several level-1 headings, only a stand-in (`# [Title]`, `# RFC-NNNN`, `# Title of proposal`); and a
 * level-2 stand-in over the header fields (gRFC's setext `Title\n----`), when there is no level-1 heading.
 */
export function isTitleHeading(candidate: TitleCandidate): boolean {
  const { level, text } = candidate;
  const standIn = isAllStandIn(text) || markStandIns(text).includes(STAND_IN_MARK) || /\b([A-Z])\1{2,}\b/.test(text) || /\btitle\b|\bname\b/i.test(text);
  if (level === 1) return candidate.levelOneCount === 1 || standIn;
  return level === 2 && candidate.levelOneCount === 0 && standIn && candidate.metadataUnder;
}

/** A template compiled into its outline, once per source (`memoBySource`). */
export const compileTemplate = memoBySource(['id', 'source', 'template', 'optionalSections', 'aliases', 'since', 'metadataSchema'], compileSource);

function compileSource(source: DocumentTypeSource): CompiledType {
  const doc = parseDocument(source.template);
  const text = source.template;
  const optionalNames = new Set((source.optionalSections ?? []).map(headingKey));
  const sinceByName = new Map(Object.entries(source.since ?? {}).map(([k, v]) => [headingKey(k), v]));
  const aliasMap = new Map(Object.entries(source.aliases ?? {}).map(([k, v]) => [headingKey(k), v.map(headingKey)]));
  const allPatterns: SectionPattern[] = [];
  const statusPolicies: StatusPolicy[] = [];
  const sectionHeadings = new Set<string>();

  const build = (section: Section, parent: SectionPattern | undefined): SectionPattern => {
    const headingStart = section.heading!.position!.start.offset!;
    const headingEnd = section.heading!.position!.end.offset!;
    const headingLine = text.slice(headingStart, headingEnd);
    const raw = section.heading!.position!.start.line === section.heading!.position!.end.line
      ? headingLine.replace(/^ {0,3}#+\s*/, '').replace(/\s+#+\s*$/, '')
      : section.text;
    const annotations = annotationsOf(doc, section);
    const optional = isOptionalHeading(section.text) || optionalNames.has(headingKey(section.text)) || optionalFromText(text, headingStart, headingEnd, section.bodyEnd);
    const wildcard = isAllStandIn(raw);
    let heading: HeadingPattern;
    let repeatable: boolean;
    if (wildcard) {
      heading = { key: /^.+$/ };
      repeatable = true;
    } else {
      ({ pattern: heading, repeatable } = headingPattern(templateHeadingText(raw, section.text)));
      sectionHeadings.add(headingKey(section.text));
    }
    // `#### Use case 1:`, `#### Endpoint 1`: numbered with nothing after the number — the document names its own.
    let numberedOnly = repeatable && cleanHeading(section.text).replace(/^\D*?\d+(?:\.\d+)*/, '').replace(/[\s:.\-–—]/g, '') === '';
    // `## Parallel Example: User Story 1`: a label before the colon stays; only what follows it varies. Any heading
    // would do otherwise, and the slot took `## Phase N: Polish` or a level-2 `## Parallel Opportunities`.
    const labelled = numberedOnly ? /^([^:\d]*[a-z][^:\d]*):\s*\D*\d+(?:\.\d+)*[\s:.\-–—]*$/.exec(cleanHeading(section.text)) : null;
    if (labelled) {
      const label = new RegExp(`^${escapeRegExp(labelled[1]!.trim()).replace(/ /g, '\\s+')}\\s*:`);
      heading = { key: label, repeat: label };
      numberedOnly = false;
    } else if (numberedOnly) heading = { key: /^.+$/ };
    const aliases = aliasMap.get(headingKey(section.text));
    if (aliases?.length) {
      heading = { ...heading, key: new RegExp(`${heading.key.source}|${aliases.map((a) => `^${escapeRegExp(a)}$`).join('|')}`), literal: undefined };
      if (heading.repeat) heading.repeat = new RegExp(`${heading.repeat.source}|${aliases.map((a) => `^${escapeRegExp(a)}$`).join('|')}`);
    }
    const since = annotations.map((a) => /^since\s+(\d{4}-\d{2}-\d{2})\b/i.exec(a)?.[1]).find(Boolean) ?? sinceByName.get(headingKey(section.text));
    const bodyEnd = section.children[0]?.heading?.position?.start.offset ?? section.contentEnd;
    const pattern: SectionPattern = {
      text: stripMarkers(section.text).replace(/\*\*|__/g, '').trim(),
      level: section.level,
      heading,
      wildcard: wildcard || numberedOnly,
      repeatable,
      optional,
      parent,
      children: [],
      line: section.line,
      headingLine,
      // Blank lines after the heading go too: render() puts one blank line between the heading and its body.
      body: text.slice(headingEnd, bodyEnd).replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '').replace(/\s+$/, ''),
      order: allPatterns.length,
    };
    if (since) pattern.since = since;
    allPatterns.push(pattern);
    for (const annotation of annotations) {
      const policy = /^complete-when\s+(.+)$/i.exec(annotation);
      if (policy) {
        statusPolicies.push({
          statuses: policy[1]!.split(/\s*,\s*/).filter(Boolean),
          sections: [section.text],
          description: `the template requires "${section.text}" to be complete at this status`,
        });
      }
    }
    // Numbered siblings collapse into the first of them.
    let previous: SectionPattern | undefined;
    for (const child of section.children) {
      const childPattern = build(child, pattern);
      const sameSlot = previous && previous.level === childPattern.level && ((previous.wildcard && childPattern.wildcard) || (previous.repeatable && childPattern.repeatable && previous.heading.repeat?.source === childPattern.heading.repeat?.source));
      if (sameSlot) {
        allPatterns.pop();
        continue;
      }
      pattern.children.push(childPattern);
      previous = childPattern;
    }
    return pattern;
  };

  let title: TitlePattern | undefined;
  const outline: SectionPattern[] = [];
  const topLevel = doc.sectionTree.children;
  const first = topLevel[0];
  const metadataUnder = (section: Section) => doc.metadata.some((m) => m.keyRange.start.offset >= section.contentStart && m.keyRange.start.offset < section.bodyEnd);
  if (first && first.index === 0 && isTitleHeading({ level: first.level, text: first.text, metadataUnder: metadataUnder(first), levelOneCount: topLevel.filter((s) => s.level === 1).length })) {
    const raw = first.heading!.position!.start.line === first.heading!.position!.end.line ? text.slice(first.heading!.position!.start.offset!, first.heading!.position!.end.offset!).replace(/^ {0,3}#+\s*/, '').replace(/\s+#+\s*$/, '') : first.text;
    title = titlePattern(raw, first.line, first.level);
    for (const child of first.children) outline.push(build(child, undefined));
    for (const section of topLevel.slice(1)) outline.push(build(section, undefined));
  } else {
    for (const section of topLevel) outline.push(build(section, undefined));
  }
  collapseRepeats(outline, allPatterns);

  const metadataFields = compileMetadataFields(doc, text);
  const metadataSchema = source.metadataSchema ?? buildMetadataSchema(metadataFields);
  const { sampleParagraphs, sampleText } = collectSamples(doc);
  const placeholderTokens = collectVocabulary(doc, text, title);
  const declaresTypeField = doc.metadata.some((m) => m.source === 'frontmatter' && m.normalizedKey === 'type');

  const type: CompiledType = {
    id: source.id,
    source: source.source,
    title,
    outline,
    allPatterns,
    metadataFields,
    metadataSchema,
    userMetadataSchema: Boolean(source.metadataSchema),
    sampleParagraphs,
    sampleText,
    placeholderTokens,
    statusPolicies,
    sectionHeadings,
    declaresTypeField,
    templateText: source.template,
  };
  compiledTypes.set(type, type);
  return type;
}

/** Every compiled type, by itself: what lets compiledTypeOf narrow a DocumentType without a cast. */
const compiledTypes = new WeakMap<DocumentType, CompiledType>();

/**
 * The compiled template behind a rule's `documentType` (RuleContext), typed: the engine only selects compiled
 * types, and rules read their outline, samples and metadata fields through this. Undefined for an untyped document.
 */
export function compiledTypeOf(type: DocumentType | undefined): CompiledType | undefined {
  return type ? compiledTypes.get(type) : undefined;
}

/** Top-level numbered siblings collapse like nested ones (`# Alternative 1`, `# Alternative 2` with no title). */
function collapseRepeats(outline: SectionPattern[], allPatterns: SectionPattern[]): void {
  for (let i = outline.length - 1; i > 0; i--) {
    const [previous, current] = [outline[i - 1]!, outline[i]!];
    const sameSlot = previous.level === current.level && ((previous.wildcard && current.wildcard) || (previous.repeatable && current.repeatable && previous.heading.repeat?.source === current.heading.repeat?.source));
    if (!sameSlot) continue;
    outline.splice(i, 1);
    const drop = new Set<SectionPattern>();
    const walk = (p: SectionPattern) => {
      drop.add(p);
      p.children.forEach(walk);
    };
    walk(current);
    for (let j = allPatterns.length - 1; j >= 0; j--) if (drop.has(allPatterns[j]!)) allPatterns.splice(j, 1);
  }
  allPatterns.forEach((p, i) => {
    p.order = i;
  });
}

/* ------------------------------------------------------------------ metadata */

/**
 * A stand-in for a date: `YYYY-MM-DD`, `[DATE]`, `{YYYY-MM-DD when …}`, `<date created on, in ISO 8601 (yyyy-mm-dd)
 * format>`, `(fill me in with today's date, YYYY-MM-DD)` — not a value that merely holds one (`SPEC-[YYYY-MM-DD]-[###]`).
 */
const DATE_STAND_IN = /^yyyy-mm-dd\b|^date$|^date (?:created|of|when|last)\b|\btoday'?s date\b/i;
const DATE_KEY = /^(?:date|created|updated|last updated|last modified|creation date|start date|created at|created on|date created|last reviewed)$/;

/** `{Draft, In Review, Final}`, `<Core, Networking, Interface, or ERC>`, `Draft | Review | Approved`: the choices. */
export function choicesOf(value: string): string[] | undefined {
  const trimmed = value.replace(/^["']|["']$/g, '').trim();
  let inner: string | undefined;
  let parts: string[] | undefined;
  if (/\s\|\s/.test(trimmed) || /^\{[^{}]*\|[^{}]*\}$/.test(trimmed)) {
    parts = trimmed.replace(/^[{<[(]|[}>\])]$/g, '').split(/\s*\|\s*/);
  } else {
    const wrapped = /^\{([^{}]+)\}$|^<([^<>]+)>$/.exec(trimmed);
    inner = wrapped?.[1] ?? wrapped?.[2];
    if (inner && /,/.test(inner)) parts = inner.split(/\s*,\s*(?:or\s+)?|\s+or\s+/);
  }
  if (!parts) return undefined;
  const values = parts.map((p) => p.trim().replace(/^[*_`]+|[*_`]+$/g, '').trim()).filter(Boolean);
  // An open list (`… | superseded by ADR-0123`) or a description (`a comma separated list of names`) is no enum.
  if (values.length < 2 || values.some((v) => /^(?:…|\.\.\.|etc\.?)$/.test(v) || /\d{3,}/.test(v) || v.split(/\s+/).length > 4 || /\b(?:e\.g|list|example|such as)\b/i.test(v))) return undefined;
  return values;
}

function compileMetadataFields(doc: SpecDocument, text: string): MetadataFieldSpec[] {
  const lines = text.split(/\r\n|\r|\n/);
  // A front matter that says its fields are optional (MADR: "These are optional metadata elements") requires none.
  const optionalFrontMatter = Boolean(doc.frontMatter && /^\s*#.*\boptional\b/im.test(doc.frontMatter.raw));
  // `* **Issue**: Describe the architectural design issue you're addressing, …` describes a section in prose;
  // metadata values in templates are short stand-ins (`[Date]`, `Draft | Review`).
  const describesProse = (value: string) => value.split(/\s+/).length > 8 && !/\s\|\s/.test(value) && !/^[<{["'(]/.test(value);
  const seen = new Set<string>();
  const fields: MetadataFieldSpec[] = [];
  for (const field of doc.metadata) {
    if (describesProse(field.value) || field.normalizedKey === 'speclint') continue;
    // `description: Task list template for feature implementation`: front matter about the template file itself.
    if (field.source === 'frontmatter' && /\btemplates?\b/i.test(field.value) && !/^[<{[(]/.test(field.value.trim())) continue;
    const canonical = canonicalKey(field.key);
    if (seen.has(canonical)) continue;
    seen.add(canonical);
    const value = field.value.trim();
    const lineComment = field.source === 'frontmatter' ? /\s#(.*)$/.exec(lines[field.keyRange.start.line - 1] ?? '')?.[1] ?? '' : '';
    let kind: MetadataFieldSpec['kind'] = 'text';
    let values: string[] | undefined;
    const empty = value === '' || /^null$/i.test(value);
    const choices = choicesOf(value);
    if (choices) {
      kind = 'enum';
      values = choices;
    } else if (DATE_STAND_IN.test(value.replace(/^["'[{<(]+|["'\]}>)]+$/g, '').trim()) || (DATE_KEY.test(canonical) && (empty || /^[[{<(]/.test(value))) || (empty && /yyyy-mm-dd/i.test(lineComment))) {
      kind = 'date';
    } else if (empty || (field.source === 'frontmatter' && typeof field.data === 'object' && field.data !== null && !(field.data instanceof Date))) {
      kind = 'any';
    } else if (/version/i.test(field.key) && /^(?:v?\[?X\.Y(?:\.Z)?\]?|v?\d+\.\d+(?:\.\d+)?)$/.test(value)) {
      kind = 'version';
    }
    // `category: <…> # Only required for Standards Track. Otherwise, remove this field.` (EIP) is optional too.
    // An empty value in the template (Ember's `release-date:`, "leave as is") is filled in by the process, if at all.
    // Swift evolution: `* Vision: *if applicable* [Vision Name](…)`; TF: `Obsoletes: TF-RFC it replaces, else remove this header`;
    // and fields below "*During the review process, add the following fields as needed:*".
    const optional =
      empty ||
      marksFieldOptional(field.value) ||
      marksFieldOptional(lineComment) ||
      (optionalFrontMatter && field.source === 'frontmatter') ||
      optionalByPrecedingProse(doc, field.keyRange.start.offset);
    const spec: MetadataFieldSpec = { key: field.key, normalizedKey: field.normalizedKey, canonicalKey: canonical, kind, values, templateValue: field.value, source: field.source, optional };
    if (kind === 'date') spec.iso = /yyyy-mm-dd/i.test(`${field.value} ${lineComment}`);
    fields.push(spec);
  }
  return fields;
}

/** Words in a field's template value or comment that make it optional (as written; see `marksFieldOptional`). */
export const OPTIONAL_FIELD = /\boptional\b|\bif applicable\b|\bif any\b|\bonly required\b|\bremove (?:this|the) (?:field|header|line)\b|\belse remove\b|\bas needed\b|\bwhen available\b/i;

/**
 * Words in a field's template value, line or comment that make it optional. Markup around them (`_if applicable_`,
 * `*optional*`) is no part of them: the underscores of emphasis are word characters to `\b`.
 */
export const marksFieldOptional = (text: string) => OPTIONAL_FIELD.test(text.replace(/[*_]/g, ' '));

/** "*During the review process, add the following fields as needed:*": prose that makes the fields after it optional. */
export const introducesOptionalFields = (text: string) => /\bas needed\b|\bif applicable\b|\boptional\b|\bif any\b|\bwhen available\b/i.test(text);

/** A paragraph right above template fields that makes them optional (`introducesOptionalFields`). */
function optionalByPrecedingProse(doc: SpecDocument, offset: number): boolean {
  let previous: RootContent | undefined;
  for (const node of doc.root.children) {
    if (node.position!.start.offset! > offset) break;
    if (node.position!.end.offset! < offset && node.type === 'paragraph') previous = node;
    else if (node.position!.end.offset! < offset && node.type !== 'list') previous = undefined;
  }
  return Boolean(previous && !doc.metadata.some((m) => m.keyRange.start.offset >= previous!.position!.start.offset! && m.keyRange.start.offset < previous!.position!.end.offset!) && introducesOptionalFields(toString(previous)));
}

function buildMetadataSchema(fields: MetadataFieldSpec[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of fields) properties[field.canonicalKey] = field.kind === 'any' ? {} : { type: 'string' };
  return { type: 'object', required: fields.filter((f) => !f.optional).map((f) => f.canonicalKey), properties };
}

/* ------------------------------------------------------------------ sample text */

/** A paragraph that is only emphasis (`**Performance targets**`) right before a table, list or code: a caption. */
function isCaption(node: Paragraph, next: RootContent | undefined): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return Boolean(only && (only.type === 'strong' || only.type === 'emphasis') && next && (next.type === 'table' || next.type === 'list' || next.type === 'code'));
}

/**
 * Sample text: the template's instructions and stand-ins — prose paragraphs and list items of three words or more,
 * longer table cells, guidance comments. Not labels (`**Columns**:`), captions, metadata lines, links, checklist
 * items, licence lines or text marked `<!-- speclint: keep -->`: those are what a finished spec keeps.
 */
function collectSamples(doc: SpecDocument): { sampleParagraphs: Map<string, number>; sampleText: Map<string, number> } {
  const sampleParagraphs = new Map<string, number>();
  const sampleText = new Map<string, number>();
  const metadataLines = new Set(doc.metadata.map((m) => m.keyRange.start.line));
  const keepLines = new Set<number>();
  for (const comment of doc.htmlComments) {
    if (/^speclint:\s*keep\b/i.test(comment.body)) {
      // The block right after the comment (or the rest of its own block) is kept on purpose.
      for (let line = comment.range.end.line; line <= comment.range.end.line + 1; line++) keepLines.add(line);
    }
  }
  const keptBlock = (node: Nodes) => {
    const start = node.position!.start.line;
    return keepLines.has(start) || keepLines.has(start - 1);
  };
  const qualifies = (normalized: string, minWords: number) => {
    if (normalized.endsWith(':')) return false;
    if (/\[[^\]]*\]/.test(normalized)) return false; // holds a placeholder: no-placeholders' finding
    if (LICENCE.test(normalized)) return false;
    const words = normalized.split(/\s+/).filter((w) => /[a-z]/.test(w)).length;
    if (words < minWords && !SAMPLE_STAND_IN.test(normalized)) return false;
    // Lines with figures (`API endpoints: < 200ms p95`) are defaults a team may keep, not instructions.
    return !/[<>≤≥]\s*\d|\d+\s*(?:ms|s|%|sec|seconds?|minutes?|hours?|days?|mb|gb|tb|k|rps|qps|users?)\b/.test(normalized);
  };
  const addLine = (line: string, lineNumber: number, minWords: number) => {
    const normalized = normalizeSample(line);
    if (metadataLines.has(lineNumber) || !qualifies(normalized, minWords)) return;
    if (!sampleText.has(normalized)) sampleText.set(normalized, lineNumber);
  };
  const onlyLinks = (node: Paragraph) => node.children.every((c) => c.type === 'link' || c.type === 'linkReference' || (c.type === 'text' && !c.value.trim()));
  const collect = (node: RootContent, next: RootContent | undefined) => {
    if (keptBlock(node)) return;
    if (node.type === 'paragraph') {
      if (onlyLinks(node) || isCaption(node, next)) return;
      const lines = toString(node).split(/\n/).map((l) => l.trim()).filter(Boolean);
      lines.forEach((line, i) => addLine(line, node.position!.start.line + i, 3));
      const whole = normalizeSample(lines.join(' '));
      if (lines.length > 1 && !lines.some((_, i) => metadataLines.has(node.position!.start.line + i)) && qualifies(whole, 3) && !sampleParagraphs.has(whole)) {
        sampleParagraphs.set(whole, node.position!.start.line);
      }
    } else if (node.type === 'list') {
      for (const item of (node as List).children) {
        if (typeof item.checked === 'boolean') continue;
        item.children.forEach((child, i) => collect(child, item.children[i + 1]));
      }
    } else if (node.type === 'table') {
      for (const row of node.children.slice(1)) for (const cell of row.children) addLine(toString(cell), cell.position!.start.line, 4);
    } else if (node.type === 'blockquote') {
      node.children.forEach((child, i) => collect(child, node.children[i + 1]));
    }
  };
  doc.root.children.forEach((node, i) => collect(node, doc.root.children[i + 1]));
  for (const comment of doc.htmlComments) {
    if (!ANNOTATION.test(comment.body) && comment.body.length >= 12) sampleText.set(normalizeSample(`<!-- ${comment.body} -->`), comment.range.start.line);
  }
  return { sampleParagraphs, sampleText };
}

/* ------------------------------------------------------------------ placeholder vocabulary */

/** Elements a template may write in prose on purpose; any other `<…>` in its text is a stand-in. */
const REAL_ELEMENT = /^<\/?(?:a|abbr|b|br|code|del|details|div|em|hr|i|img|ins|kbd|li|ol|p|pre|q|s|small|span|strong|sub|summary|sup|table|td|th|tr|u|ul)\b/i;

/**
 * The type's placeholder vocabulary: every stand-in text of the template that a finished spec must not keep —
 * bracket tokens, `{…}` and `{{…}}` stand-ins, `<…>` stand-ins of several words, `(fill me in …)` instructions,
 * `$ARGUMENTS`-style variables, `NNNN` numbers, the words of an unbracketed title stand-in, and instructions shaped
 * like labels (`*Example of …:*`).
 */
function collectVocabulary(doc: SpecDocument, text: string, title: TitlePattern | undefined): string[] {
  const tokens = new Set<string>();
  // Prose only: code blocks of a template show syntax, and front matter comments explain fields.
  let prose = text;
  for (const block of doc.codeBlocks) {
    const start = block.node.position!.start.offset!;
    const end = block.node.position!.end.offset!;
    prose = prose.slice(0, start) + ' '.repeat(end - start) + prose.slice(end);
  }

  for (const m of prose.matchAll(/\[([^\][\n]{2,80})\](?![([])/g)) {
    const inner = m[1]!;
    if (/^[ xX]$/.test(inner) || inner.startsWith('^') || inner.startsWith('!')) continue;
    // A reference link whose definition the template gives (`[kubernetes/enhancements]`) is a link, kept as is.
    if (doc.definitions.has(normalizeDefinitionId(inner)) || prose[m.index! - 1] === ']') continue;
    // Short tags a template uses as labels (`[P]`, `[US1]`, `[Story]` in spec-kit's tasks) stay in real documents.
    if (!/[\s_/.]/.test(inner) && !/^[A-Z]{4,}$/.test(inner) && !STAND_IN_WORDS.has(inner.toLowerCase())) continue;
    if (/^optional$/i.test(inner)) continue;
    tokens.add(m[0]);
  }
  for (const m of prose.matchAll(/\{\{[^{}\n]{1,80}\}\}|\{(?:[^{}\n]|\{[^{}\n]*\}){3,120}\}/g)) {
    const inner = m[0].replace(/^\{+|\}+$/g, '');
    // `{title of option 1}`, `{{owner}}`; not code or data (`{"error": "message"}`, `{ a; b }`).
    if (m[0].startsWith('{{') || (/\s/.test(inner) && !/[;=()"']|:\s/.test(inner))) tokens.add(m[0]);
  }
  for (const m of prose.matchAll(/<([^<>\n]{3,200})>/g)) {
    const inner = m[1]!;
    if (REAL_ELEMENT.test(m[0]) || /^[!/[]/.test(inner) || /^(?:https?:|mailto:|[\w.+-]+@[\w-]+\.)/i.test(inner) || /^\/?[a-z][\w-]*(?:\s+[\w-]+=|\s*\/?$)/.test(inner)) continue;
    // One word (`<package>`, `<URL>`) is how usage lines name an argument; a stand-in of several words is unmistakable.
    if (/\s/.test(inner.trim())) tokens.add(m[0]);
  }
  for (const m of prose.matchAll(/\((?:fill (?:me )?in|leave (?:this|it) (?:empty|blank|as is)|to be (?:filled|assigned|completed))\b[^()\n`]{0,120}/gi)) tokens.add(m[0].replace(/[\s,;:]+$/, ''));
  for (const m of prose.matchAll(/(?<![\w$])\$[A-Z][A-Z0-9_]{2,}\b/g)) tokens.add(m[0]);
  for (const m of prose.matchAll(/\b[A-Z][A-Za-z]*-N{3,}\b/g)) tokens.add(m[0]);
  // `# KEP-NNNN: Your short, descriptive title`: the words after the colon, when they are an instruction.
  if (title && !title.wildcard && /:/.test(title.text)) {
    const rest = title.text.slice(title.text.indexOf(':') + 1).trim();
    if (rest.split(/\s+/).length >= 3 && !/[[{<]/.test(rest)) tokens.add(rest);
  } else if (title?.wildcard && title.text.split(/\s+/).length >= 4 && !/[[{<]/.test(title.text)) {
    tokens.add(title.text);
  }
  // `*Example of a filled table:*`: an instruction written as an emphasised label.
  for (const node of doc.root.children) {
    if (node.type !== 'paragraph' || node.children.length !== 1) continue;
    const only = node.children[0]!;
    if (only.type !== 'emphasis' && only.type !== 'strong') continue;
    const label = toString(only).trim();
    if (/^(?:example|e\.g\.|for example|sample|instructions?|note to (?:the )?authors?|replace|fill in|describe)\b/i.test(label) && label.split(/\s+/).length >= 3) tokens.add(label);
  }
  return [...tokens];
}

/* ------------------------------------------------------------------ matching helpers */

export type { HeadingPattern };
