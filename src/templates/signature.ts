/**
 * What auto-detection needs of a template — its title pattern, its fixed headings (and which are optional) and its
 * metadata keys — read from the template's lines without a Markdown parse, so that a run compiles only the types
 * its documents turn out to be. Agrees with compileTemplate (tests/templates/document-types.test.ts checks it on
 * every built-in and corpus template): the same heading forms, title rule and optionality rules.
 */
import { canonicalKey, metadataKeyOfLine } from '../parse/metadata.js';
import type { DocumentTypeSource } from '../types.js';
import { memoBySource } from './source-memo.js';
import { headingKey, headingPattern, templateHeadingText, isAllStandIn, isOptionalHeading, type HeadingPattern } from './headings.js';
import { introducesOptionalFields, isTitleHeading, marksFieldOptional, OPTIONAL_FIELD, optionalFromText, titlePattern, type TitlePattern } from './compile.js';

export interface SignatureHeading {
  pattern: HeadingPattern;
  optional: boolean;
  /**
   * Top-level sections weigh 1, their subsections ½, deeper ones ¼: a template's deep questionnaire (KEP's
   * production-readiness questions) must not outweigh its main sections when an older document lacks it.
   */
  weight: number;
}

export interface DetectionSignature {
  title?: TitlePattern;
  /** Fixed headings by key (most of them), and those with stand-ins, which need their pattern. */
  literal: Map<string, SignatureHeading>;
  patterned: SignatureHeading[];
  /** Canonical metadata keys the template declares, and which of them are optional. */
  metadataKeys: Map<string, boolean>;
  /** Where documents of this type live: the template's folder (its parent when that is a `templates` folder). */
  home?: string;
  /** The name documents of this type have, when the template's says (`tasks-template.md` → `tasks`). */
  documentName?: string;
  /** Kinds of document the template's fixed title words name (`Proposal: [Title]` → `proposal`): see documentKinds. */
  titleKinds: Set<string>;
  /**
   * Numbered sibling families (`Phase 1: Setup`, `User Story 2 - …`): one item each, present when the document has
   * at least one heading of the family.
   */
  families: SignatureHeading[];
  /** Header fields whose template value holds an ID stand-in (`* Proposal: [ST-NNNN](…)` → proposal → `st`). */
  idPrefixes: Map<string, string>;
}

/**
 * Nouns a title uses to say what kind of document it is (`Design Draft: …`, `… — Problem Overview`). Singular,
 * lower case. A document whose title names a kind its template's title does not is another kind of document.
 */
const DOCUMENT_KIND_WORDS = new Set([
  'proposal', 'design', 'draft', 'rfc', 'spec', 'specification', 'plan', 'overview', 'adr', 'record', 'report', 'guide',
  'guideline', 'roadmap', 'vision', 'memo', 'checklist', 'postmortem', 'retrospective', 'requirement', 'task', 'tutorial',
  'readme', 'faq', 'minute', 'charter', 'policy', 'decision', 'research', 'quickstart', 'contract', 'runbook', 'playbook',
  'kep', 'pep', 'eip', 'rfd', 'changelog', 'glossary',
]);

/** A noun's singular, roughly (`proposals` → proposal, `stories` → story, `class` stays). */
export const singular = (word: string) => word.replace(/ies$/, 'y').replace(/(?<=[a-z]{2}[^s])s$/, '');

/** The kinds of document named by the words of a title part (`Design Draft` → design, draft). */
export function documentKinds(text: string): Set<string> {
  const kinds = new Set<string>();
  for (const word of text.toLowerCase().split(/[^a-z]+/)) {
    const kind = singular(word);
    if (DOCUMENT_KIND_WORDS.has(kind)) kinds.add(kind);
  }
  return kinds;
}

/** `[ST-NNNN](NNNN-filename.md)`, `SE-XXXX`: the letters of an ID stand-in in a template field's value. */
const ID_STAND_IN = /\b([A-Za-z][A-Za-z0-9]{0,6})-(?:N{3,}|X{3,}|#{3,}|0{3,})\b/;

interface ScannedHeading {
  level: number;
  text: string;
  raw: string;
  /** Offsets in the template text: heading start, body start, body end (next heading). */
  start: number;
  bodyStart: number;
  bodyEnd: number;
}

/** Inline Markdown of a heading line as mdast-util-to-string gives it: links as their text, no emphasis marks. */
function inlineText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Headings of a template, ATX and setext, outside code fences and HTML comments, with their bodies. */
export function scanHeadings(template: string): ScannedHeading[] {
  const headings: ScannedHeading[] = [];
  let fence: string | undefined;
  let inComment = false;
  let offset = 0;
  let previous: { text: string; start: number; paragraph: boolean } | undefined;
  // (the start of the paragraph the line belongs to, where a setext heading begins)
  let frontMatter = /^---\r?\n/.test(template);
  const lines = template.split(/(?<=\n)/);
  lines.forEach((lineWithEnd, index) => {
    const start = offset;
    offset += lineWithEnd.length;
    const line = lineWithEnd.replace(/\r?\n$|\r$/, '');
    if (frontMatter) {
      if (index > 0 && /^(?:---|\.\.\.)\s*$/.test(line)) frontMatter = false;
      return;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      previous = undefined;
      return;
    }
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence || fenceMatch) {
      if (!fence) fence = fenceMatch![1]![0]!.repeat(fenceMatch![1]!.length);
      else if (line.trim().startsWith(fence) && /^[`~]+\s*$/.test(line.trim())) fence = undefined;
      previous = undefined;
      return;
    }
    if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) {
      inComment = true;
      previous = undefined;
      return;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) {
      const raw = atx[2] ?? '';
      headings.push({ level: atx[1]!.length, raw, text: inlineText(raw), start, bodyStart: offset, bodyEnd: template.length });
      previous = undefined;
      return;
    }
    const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
    if (setext && previous?.paragraph) {
      headings.push({ level: setext[1]![0] === '=' ? 1 : 2, raw: previous.text.trim(), text: inlineText(previous.text), start: previous.start, bodyStart: offset, bodyEnd: template.length });
      previous = undefined;
      return;
    }
    // A paragraph line that a setext underline would make a heading (not a list item, quote, table, HTML or code).
    const paragraphLine = line.trim() !== '' && !/^ {0,3}(?:[-*+]\s|\d+[.)]\s|>|\||<)/.test(line) && !/^ {4}/.test(line);
    previous = paragraphLine ? { text: previous ? `${previous.text} ${line.trim()}` : line.trim(), start: previous?.start ?? start, paragraph: true } : undefined;
  });
  for (let i = 0; i < headings.length - 1; i++) headings[i]!.bodyEnd = headings[i + 1]!.start;
  return headings;
}

/** A template's detection signature, once per source (`memoBySource`). */
export const detectionSignature = memoBySource(['template', 'templatePath', 'optionalSections'], signatureOf);

function signatureOf(source: DocumentTypeSource): DetectionSignature {
  const text = source.template;
  const headings = scanHeadings(text);
  const optionalNames = new Set((source.optionalSections ?? []).map(headingKey));
  const first = headings[0];
  const metadataBefore = (end: number, from: number) => text.slice(from, end).split(/\r?\n/).some((line) => metadataKeyOfLine(line) !== undefined);
  let title: TitlePattern | undefined;
  let sectionsFrom = 0;
  if (first && isTitleHeading({ level: first.level, text: first.text, levelOneCount: headings.filter((h) => h.level === 1).length, metadataUnder: metadataBefore(first.bodyEnd, first.bodyStart) })) {
    title = titlePattern(first.raw, 0, first.level);
    sectionsFrom = 1;
  }
  const literal = new Map<string, SignatureHeading>();
  const patterned: SignatureHeading[] = [];
  const families = new Map<string, SignatureHeading>();
  const open: number[] = [];
  for (const heading of headings.slice(sectionsFrom)) {
    while (open.length > 0 && open[open.length - 1]! >= heading.level) open.pop();
    open.push(heading.level);
    const weight = open.length === 1 ? 1 : open.length === 2 ? 0.5 : 0.25;
    if (isAllStandIn(heading.raw)) continue;
    const { pattern, repeatable } = headingPattern(templateHeadingText(heading.raw, heading.text));
    const optional = isOptionalHeading(heading.text) || optionalNames.has(headingKey(heading.text)) || optionalFromText(text, heading.start, heading.bodyStart, heading.bodyEnd);
    if (repeatable) {
      // One item per family, required when any of its members is, weighed as its highest member.
      const family = pattern.repeat!.source;
      const known = families.get(family);
      if (!known) families.set(family, { pattern, optional, weight });
      else families.set(family, { pattern: known.pattern, optional: known.optional && optional, weight: Math.max(known.weight, weight) });
      continue;
    }
    if (pattern.literal !== undefined) {
      if (!literal.has(pattern.literal)) literal.set(pattern.literal, { pattern, optional, weight });
    } else patterned.push({ pattern, optional, weight });
  }
  const metadataKeys = new Map<string, boolean>();
  const idPrefixes = new Map<string, string>();
  const fm = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  if (fm) {
    const optionalAll = /^\s*#.*\boptional\b/im.test(fm[1]!);
    for (const line of fm[1]!.split(/\r?\n/)) {
      const m = /^([A-Za-z][\w -]*?)\s*:(.*)$/.exec(line);
      if (!m) continue;
      const key = canonicalKey(m[1]!);
      if (m[1] !== 'speclint') metadataKeys.set(key, optionalAll || OPTIONAL_FIELD.test(m[2]!) || m[2]!.replace(/\s+#.*$/, '').trim() === '');
      const id = ID_STAND_IN.exec(m[2]!);
      if (id) idPrefixes.set(key, id[1]!.toLowerCase());
    }
  }
  const headerEnd = headings[sectionsFrom]?.start ?? text.length;
  // Header fields sit under the title: instructions above it (a `<details>` list of steps) are no fields.
  const headerStart = title && first ? first.bodyStart : fm ? fm[0].length : 0;
  let inComment = false;
  let keysSeen = false;
  let blank = false;
  let optionalFromHere = false;
  for (const line of text.slice(headerStart, headerEnd).split(/\r?\n/)) {
    if (inComment || /<!--/.test(line)) {
      inComment = !line.includes('-->') || line.lastIndexOf('<!--') > line.lastIndexOf('-->');
      continue;
    }
    // `Key: value` lines and list items, or the rows of a two-column `| **Key** | value |` table (TF RFCs).
    const row = /^\s*\|\s*([^|]{1,40}?)\s*\|\s*([^|]*?)\s*\|\s*$/.exec(line);
    const rowKey = row && !/^[\s:-]*$/.test(row[1]!) && /[A-Za-z]/.test(row[1]!) ? row[1]!.replace(/[*_`]/g, '').trim() : undefined;
    const key = metadataKeyOfLine(line) ?? rowKey;
    if (key) {
      // An empty value (`**Authors:**` over a list, a field the process fills in) is optional, as compileTemplate reads it.
      const value = rowKey && !metadataKeyOfLine(line) ? row![2]! : line.slice(line.indexOf(':') + 1);
      metadataKeys.set(canonicalKey(key), optionalFromHere || marksFieldOptional(line) || value.replace(/[*_\s]/g, '') === '');
      const id = ID_STAND_IN.exec(line.slice(line.indexOf(':') + 1));
      if (id) idPrefixes.set(canonicalKey(key), id[1]!.toLowerCase());
      keysSeen = true;
      blank = false;
    } else if (line.trim() === '') blank = true;
    // A paragraph of guidance after the header fields ends them (`Browsing the PR branch: …` further down is
    // prose), unless it introduces more fields as optional: "*During the review process, add the following fields as
    // needed:*" (as compileTemplate reads it).
    else if (keysSeen && blank) {
      if (!introducesOptionalFields(line)) break;
      optionalFromHere = true;
      blank = false;
    }
  }
  // (an ID stand-in, `KEP-NNNN`, is a number, not a kind: only words such as `Proposal` say what the document is)
  const titleWords = title && !title.wildcard ? title.text.replace(/\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\b[A-Za-z]+-(?:N{3,}|X{3,}|#{3,}|0{3,}|Number)\b/g, ' ') : '';
  const titleKinds = documentKinds(titleWords.includes(':') ? titleWords.slice(0, titleWords.indexOf(':')) : titleWords);
  const signature: DetectionSignature = { title, literal, patterned, metadataKeys, titleKinds, families: [...families.values()], idPrefixes };
  if (source.templatePath) {
    signature.home = homeOf(source.templatePath);
    const name = documentNameOf(source.templatePath);
    if (name) signature.documentName = name;
  }
  return signature;
}

/** `docs/templates/kep.md` → `docs/`; `rfcs/0000-template.md` → `rfcs/`. With a trailing slash, forward slashes. */
export function homeOf(templatePath: string): string {
  const parts = templatePath.replace(/\\/g, '/').split('/');
  parts.pop();
  while (parts.length > 1 && /^(?:[._]?templates?|\.github|ISSUE_TEMPLATE|_templates)$/i.test(parts[parts.length - 1]!)) parts.pop();
  return `${parts.join('/')}/`;
}

/** `tasks-template.md`, `template-plan.md`, `plan.template.md` → the name of the documents: `tasks`, `plan`. */
export function documentNameOf(templatePath: string): string | undefined {
  const stem = templatePath.replace(/\\/g, '/').split('/').pop()!.replace(/\.(?:md|markdown)$/i, '').toLowerCase();
  const name = stem.replace(/[-_.]?templates?$|^templates?[-_.]?/, '').replace(/^\d+[-_]/, '');
  return name !== stem && /[a-z]{3,}/.test(name) && !/^\d+$/.test(name) ? name : undefined;
}
