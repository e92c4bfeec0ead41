/**
 * The template compiler: a Markdown template, parsed by the same parser as specs, becomes a document type —
 * heading outline, metadata schema, sample text, placeholder vocabulary and checklist policies.
 */
import { toString } from 'mdast-util-to-string';
import type { Paragraph, RootContent, List } from 'mdast';
import { parseDocument } from '../parse/document.js';
import { escapeRegExp } from '../rule-helpers.js';
import { STAND_IN_WORDS } from '../placeholders.js';
import type { DocumentType, DocumentTypeSource, Section, SpecDocument, StatusPolicy } from '../types.js';

export interface SectionPattern {
  /** The heading as the template writes it (`Alternative 1: [Name]`), markers removed. */
  text: string;
  level: number;
  matcher: RegExp;
  /** All placeholder (`#### [Component Name]`): any heading text, one or more. */
  wildcard: boolean;
  /** Numbered siblings (`Alternative 1`, `Alternative 2`): one or more of the pattern. */
  repeatable: boolean;
  optional: boolean;
  parent?: SectionPattern;
  children: SectionPattern[];
  /** Template line of the heading. */
  line: number;
  /** The template's Markdown for this section and its subsections (what --fix inserts). */
  markdown: string;
  /** Order among all patterns. */
  order: number;
}

export interface MetadataFieldSpec {
  key: string;
  normalizedKey: string;
  /** 'any': a front-matter list or map in the template — present, of any shape. */
  kind: 'enum' | 'date' | 'version' | 'text' | 'any';
  values?: string[];
  templateValue: string;
  /** Written as `- **Key**: value` in a `## Metadata` section, or as header lines. */
  source: string;
  optional: boolean;
}

export interface CompiledType extends DocumentType {
  title?: SectionPattern;
  /** Top-level patterns (children of the title when the template has one). */
  outline: SectionPattern[];
  allPatterns: SectionPattern[];
  metadataFields: MetadataFieldSpec[];
  metadataSchema: Record<string, unknown>;
  /** Normalised sample sentences of the template (instructions and stand-ins). */
  sampleText: Map<string, number>;
  placeholderTokens: string[];
  statusPolicies: StatusPolicy[];
  /** Level-2-and-below headings that are fixed text: used for auto-detection. */
  signatureHeadings: Set<string>;
  templateText: string;
}

const MARKER = /\s*(?:\*?\((?:optional|mandatory|required)\)\*?|\[(?:optional|mandatory)\])\s*$/i;
const ANNOTATION = /^speclint:\s*(.+)$/i;

export function normalizeHeading(text: string): string {
  return text
    .replace(MARKER, '')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[:.\s]+$/, '')
    .trim()
    .toLowerCase();
}

/** Bracket tokens, backticked names, or nothing but placeholders: the heading is a slot for any text. */
/** Template stand-ins in headings: `[NAME]` (most templates) and `{title}` (MADR). */
const STAND_IN = /\[[^\]]*\]|\{[^}]*\}/g;

function isAllPlaceholder(raw: string): boolean {
  const stripped = raw.replace(STAND_IN, '').replace(/^`[^`]+`$/, '').replace(/[\s:.\-–—]/g, '');
  return stripped === '';
}

function headingMatcher(raw: string): { matcher: RegExp; repeatable: boolean } {
  const text = raw.replace(MARKER, '').replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim().replace(/[:.]+$/, '');
  // `Alternative 1: [Name]`, `Phase 2: Core Features`: the number and what follows it vary.
  const numbered = /^(\D*?[A-Za-z][^\d]*?)\s+\d+(?:\.\d+)*\b/.exec(text);
  if (numbered && numbered[1]!.trim().length >= 2) {
    return { matcher: new RegExp(`^${escapeRegExp(numbered[1]!.trim())}\\s+\\d+(?:\\.\\d+)*\\b.*$`, 'i'), repeatable: true };
  }
  const source = text
    .split(STAND_IN)
    .map((part) => escapeRegExp(part.toLowerCase()).replace(/\\ /g, ' ').replace(/ /g, '\\s+'))
    .join('.+?');
  return { matcher: new RegExp(`^${source}[:.]?$`, 'i'), repeatable: false };
}

function annotationsOf(doc: SpecDocument, section: Section): string[] {
  return doc.htmlComments
    .filter((c) => c.range.start.offset >= section.contentStart && c.range.start.offset < section.bodyEnd)
    .map((c) => ANNOTATION.exec(c.body)?.[1]?.trim())
    .filter((a): a is string => Boolean(a));
}

/**
 * MADR-style: `<!-- This is an optional element. Feel free to remove. -->` on the line before a heading, or as the
 * first thing under it.
 */
function markedOptionalByComment(doc: SpecDocument, text: string, section: Section): boolean {
  const start = section.heading!.position!.start.offset!;
  return doc.htmlComments.some((comment) => {
    if (!/\boptional\b|feel free to remove/i.test(comment.body) || /^speclint:/i.test(comment.body)) return false;
    const before = comment.range.end.offset <= start && text.slice(comment.range.end.offset, start).trim() === '';
    const firstUnder = comment.range.start.offset >= section.contentStart && text.slice(section.contentStart, comment.range.start.offset).trim() === '';
    return before || firstUnder;
  });
}

const SAMPLE_STAND_IN = /^(?:goal|non-goal|pro|con|option|risk|step|task|item|requirement|metric|pain point|question|milestone|assumption|constraint|decision)\s+(?:\d+(?:\.\d+)*|[A-Z])\b/i;

export function normalizeSample(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[*_`]/g, '').trim().toLowerCase();
}

const compiled = new Map<string, CompiledType>();

export function compileTemplate(source: DocumentTypeSource): CompiledType {
  const key = `${source.id}\u0000${source.source}\u0000${source.template}\u0000${JSON.stringify(source.optionalSections ?? [])}\u0000${JSON.stringify(source.aliases ?? {})}\u0000${source.metadataSchema ? JSON.stringify(source.metadataSchema) : ''}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const doc = parseDocument(source.template);
  const optionalNames = new Set((source.optionalSections ?? []).map(normalizeHeading));
  const aliasMap = new Map(Object.entries(source.aliases ?? {}).map(([k, v]) => [normalizeHeading(k), v]));
  const allPatterns: SectionPattern[] = [];
  const statusPolicies: StatusPolicy[] = [];
  const lines = source.template.split(/\r\n|\r|\n/);

  const build = (section: Section, parent: SectionPattern | undefined): SectionPattern => {
    const raw = section.heading ? source.template.slice(section.heading.position!.start.offset!, section.heading.position!.end.offset!).replace(/^#+\s*/, '').replace(/\s*#*\s*$/, '') : section.text;
    const annotations = annotationsOf(doc, section);
    const optional =
      (MARKER.test(section.text) && /optional/i.test(section.text)) ||
      annotations.some((a) => /^optional\b/i.test(a)) ||
      optionalNames.has(normalizeHeading(section.text)) ||
      markedOptionalByComment(doc, source.template, section);
    const wildcard = isAllPlaceholder(raw.replace(MARKER, ''));
    let { matcher, repeatable } = wildcard ? { matcher: /^.+$/, repeatable: true } : headingMatcher(section.text);
    const aliases = aliasMap.get(normalizeHeading(section.text));
    if (aliases?.length) {
      matcher = new RegExp(`${matcher.source}|${aliases.map((a) => `^${escapeRegExp(a.trim())}$`).join('|')}`, 'i');
    }
    const startLine = section.line;
    const endOffset = section.contentEnd;
    const markdown = source.template.slice(section.heading!.position!.start.offset!, endOffset).replace(/\s+$/, '');
    const pattern: SectionPattern = {
      text: section.text.replace(MARKER, '').trim(),
      level: section.level,
      matcher,
      wildcard,
      repeatable,
      optional,
      parent,
      children: [],
      line: startLine,
      markdown,
      order: allPatterns.length,
    };
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
      const sameSlot = previous && previous.level === childPattern.level && ((previous.wildcard && childPattern.wildcard) || (previous.repeatable && childPattern.repeatable && previous.matcher.source === childPattern.matcher.source));
      if (sameSlot) {
        allPatterns.pop();
        continue;
      }
      pattern.children.push(childPattern);
      previous = childPattern;
    }
    return pattern;
  };

  let title: SectionPattern | undefined;
  const outline: SectionPattern[] = [];
  const topLevel = doc.sectionTree.children;
  if (topLevel.length === 1 && topLevel[0]!.level === 1) {
    title = build(topLevel[0]!, undefined);
    outline.push(...title.children);
    if (!/[[{]/.test(title.text) && !title.wildcard) Object.assign(title, unbracketedTitle(title.text));
  } else {
    for (const section of topLevel) outline.push(build(section, undefined));
  }

  // Metadata fields the template declares, and their constraints.
  // A front matter that says its fields are optional (MADR: "These are optional metadata elements") requires none.
  const optionalFrontMatter = Boolean(doc.frontMatter && /^\s*#.*\boptional\b/im.test(doc.frontMatter.raw));
  // `* **Issue**: Describe the architectural design issue you're addressing, …` describes a section in prose;
  // metadata values in templates are short stand-ins (`[Date]`, `Draft | Review`).
  const describesProse = (value: string) => value.split(/\s+/).length > 8 && !/\s\|\s/.test(value);
  const metadataFields: MetadataFieldSpec[] = doc.metadata.filter((field) => !describesProse(field.value)).map((field) => {
    const value = field.value.replace(/^\{|\}$/g, '').trim();
    let kind: MetadataFieldSpec['kind'] = 'text';
    let values: string[] | undefined;
    const empty = value === '';
    if (empty || (field.source === 'frontmatter' && typeof field.data === 'object' && !(field.data instanceof Date))) kind = 'any';
    else if (/\s\|\s/.test(value)) {
      values = value.split(/\s\|\s/).map((v) => v.trim()).filter(Boolean);
      // `{proposed | accepted | … | superseded by ADR-0123`: an open list is an example, not an enum.
      kind = values.some((v) => /^(?:…|\.\.\.)$/.test(v) || /\d{3,}/.test(v)) ? 'text' : 'enum';
      if (kind === 'text') values = undefined;
    } else if (/^(?:\[(?:date|DATE|Date)\]|YYYY-MM-DD|\[YYYY-MM-DD\])$/.test(value)) kind = 'date';
    else if (/version/i.test(field.key) && /^(?:v?\[?X\.Y(?:\.Z)?\]?|v?\d+\.\d+(?:\.\d+)?)$/.test(value)) kind = 'version';
    // `category: <…> # Only required for Standards Track. Otherwise, remove this field.` (EIP) is optional too.
    const lineComment = field.source === 'frontmatter' ? /#(.*)$/.exec(lines[field.keyRange.start.line - 1] ?? '')?.[1] ?? '' : '';
    // An empty value in the template (Ember's `suite:`, "leave as is") is filled in by the process, if at all.
    // Swift evolution: `* Vision: *if applicable* [Vision Name](…)`.
    const optional = empty || /\bif applicable\b|\(optional\)/i.test(field.value) || (optionalFrontMatter && field.source === 'frontmatter') || /\boptional\b|only required|remove this field/i.test(lineComment);
    return { key: field.key, normalizedKey: field.normalizedKey, kind, values, templateValue: field.value, source: field.source, optional };
  });
  const metadataSchema = source.metadataSchema ?? buildMetadataSchema(metadataFields);

  // Sample text: the template's instructions and stand-ins — prose lines and list items of three words or more,
  // longer table cells, guidance comments. Not labels (`**Columns**:`), metadata lines, links or checklist items:
  // those are structure a finished spec keeps.
  const sampleText = new Map<string, number>();
  const metadataLines = new Set(doc.metadata.map((m) => m.keyRange.start.line));
  const addSample = (text: string, line: number, minWords: number) => {
    const normalized = normalizeSample(text);
    if (metadataLines.has(line) || normalized.endsWith(':')) return;
    if (/\[[^\]]*\]/.test(normalized)) return; // holds a placeholder: no-placeholders' finding
    const words = normalized.split(/\s+/).filter((w) => /[a-z]/.test(w)).length;
    if (words < minWords && !SAMPLE_STAND_IN.test(normalized)) return;
    // Lines with figures (`API endpoints: < 200ms p95`) are defaults a team may keep, not instructions.
    if (/[<>≤≥]\s*\d|\d+\s*(?:ms|s|%|sec|seconds?|minutes?|hours?|days?|mb|gb|tb|k|rps|qps|users?)\b/.test(normalized)) return;
    if (!sampleText.has(normalized)) sampleText.set(normalized, line);
  };
  const onlyLinks = (node: Paragraph) => node.children.every((c) => c.type === 'link' || c.type === 'linkReference' || (c.type === 'text' && !c.value.trim()));
  const collect = (node: RootContent) => {
    if (node.type === 'paragraph') {
      if (onlyLinks(node)) return;
      paragraphLines(node).forEach((line, i) => addSample(line, node.position!.start.line + i, 3));
    } else if (node.type === 'list') {
      for (const item of (node as List).children) {
        if (typeof item.checked === 'boolean') continue;
        for (const child of item.children) collect(child);
      }
    } else if (node.type === 'table') {
      for (const row of node.children.slice(1)) for (const cell of row.children) addSample(toString(cell), cell.position!.start.line, 4);
    } else if (node.type === 'blockquote') {
      for (const child of node.children) collect(child);
    }
  };
  for (const node of doc.root.children) collect(node);
  for (const comment of doc.htmlComments) if (!ANNOTATION.test(comment.body) && comment.body.length >= 12) sampleText.set(normalizeSample(`<!-- ${comment.body} -->`), comment.range.start.line);

  // The type's placeholder vocabulary: every bracket token of the template that is not a box or a link.
  const tokens = new Set<string>();
  for (const m of source.template.matchAll(/\[([^\][\n]{2,80})\](?!\()/g)) {
    const inner = m[1]!;
    if (/^[ xX]$/.test(inner) || inner.startsWith('^') || inner.startsWith('!')) continue;
    // Short tags a template uses as labels (`[P]`, `[US1]`, `[Story]` in spec-kit's tasks) stay in real documents.
    if (!/[\s_/.]/.test(inner) && !/^[A-Z]{4,}$/.test(inner) && !STAND_IN_WORDS.has(inner.toLowerCase())) continue;
    tokens.add(m[0]);
  }

  for (const m of source.template.matchAll(/\{([^{}\n]{3,80})\}/g)) {
    if (/\s/.test(m[1]!) && !/[;=()]/.test(m[1]!)) tokens.add(m[0]);
  }

  const signatureHeadings = new Set(allPatterns.filter((p) => !p.wildcard && !p.repeatable && p.level >= 2).map((p) => normalizeHeading(p.text)));
  const type: CompiledType = {
    id: source.id,
    source: source.source,
    title,
    outline,
    allPatterns,
    metadataFields,
    metadataSchema,
    sampleText,
    placeholderTokens: [...tokens],
    statusPolicies,
    signatureHeadings,
    templateText: source.template,
  };
  compiled.set(key, type);
  return type;
}

function paragraphLines(node: Paragraph): string[] {
  // Soft line breaks separate the template's sample lines (`**Key**: value` lines, instructions).
  return toString(node).split(/\n/).map((l) => l.trim()).filter(Boolean);
}

function buildMetadataSchema(fields: MetadataFieldSpec[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.kind === 'enum') properties[field.normalizedKey] = { enum: field.values };
    else if (field.kind === 'date') properties[field.normalizedKey] = { type: 'string', format: 'date' };
    else if (field.kind === 'version') properties[field.normalizedKey] = { type: 'string', pattern: '^v?\\d+\\.\\d+(?:\\.\\d+)?(?:-[0-9A-Za-z.-]+)?$' };
    else if (field.kind === 'any') properties[field.normalizedKey] = {};
    else properties[field.normalizedKey] = { type: 'string', minLength: 1 };
  }
  return { type: 'object', required: fields.filter((f) => !f.optional).map((f) => f.normalizedKey), properties };
}

/** Does a document heading match a pattern (markers and trailing punctuation ignored)? */
export function headingMatches(pattern: SectionPattern, text: string): boolean {
  const cleaned = text.replace(MARKER, '').replace(/\s+/g, ' ').trim().replace(/[:.]+$/, '');
  return pattern.matcher.test(cleaned);
}

/**
 * `KEP-NNNN: Your short, descriptive title`: a title without brackets is all stand-in after its prefix, and runs
 * of three or more identical capitals (`NNNN`) stand for any word.
 */
function unbracketedTitle(text: string): { matcher: RegExp; wildcard: boolean } {
  const prefix = text.split(':')[0]!.replace(/\b([A-Z])\1{2,}\b/g, '\u0000');
  const pattern = escapeRegExp(prefix.toLowerCase()).replace(/\u0000/g, '\\w+').replace(/ /g, '\\s+');
  return text.includes(':') ? { matcher: new RegExp(`^${pattern}:\\s*.+$`, 'i'), wildcard: false } : { matcher: new RegExp(`^${pattern}$`, 'i'), wildcard: true };
}

export interface DetectionSignature {
  title?: { matcher: RegExp; wildcard: boolean };
  headings: Set<string>;
}

const signatures = new Map<string, DetectionSignature>();

/**
 * What auto-detection needs — the title pattern and the fixed headings — read from the template's heading lines
 * without a full parse, so a run compiles only the type a document turns out to be.
 * Agrees with compileTemplate: same heading normalisation, same wildcard and numbering rules.
 */
export function detectionSignature(source: DocumentTypeSource): DetectionSignature {
  const cached = signatures.get(source.template);
  if (cached) return cached;
  const headings: Array<{ level: number; raw: string; text: string }> = [];
  let fence: string | undefined;
  let inComment = false;
  for (const line of source.template.split(/\r\n|\r|\n/)) {
    // Headings inside a multi-line HTML comment are template guidance, not structure.
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (!fence && /^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) {
      inComment = true;
      continue;
    }
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]![0]!.repeat(fenceMatch[1]!.length);
      else if (line.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence) continue;
    const m = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (!m) continue;
    const raw = m[2]!;
    const text = raw.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
    headings.push({ level: m[1]!.length, raw, text });
  }
  const h1s = headings.filter((h) => h.level === 1);
  let title: DetectionSignature['title'];
  if (h1s.length === 1 && headings[0]?.level === 1) {
    const h1 = h1s[0]!;
    if (isAllPlaceholder(h1.raw.replace(MARKER, ''))) title = { matcher: /^.+$/, wildcard: true };
    else if (!/[[{]/.test(h1.text)) title = unbracketedTitle(h1.text);
    else title = { matcher: headingMatcher(h1.text).matcher, wildcard: false };
  }
  const fixed = new Set<string>();
  for (const heading of headings) {
    if (heading.level < 2 || isAllPlaceholder(heading.raw.replace(MARKER, ''))) continue;
    if (headingMatcher(heading.text).repeatable) continue;
    fixed.add(normalizeHeading(heading.text));
  }
  const signature = { title, headings: fixed };
  signatures.set(source.template, signature);
  return signature;
}
