/**
 * A document in a few numbers and names — what a report on a whole docs tree shows per document (type, status,
 * completeness) and what checks across documents need (title, headings, links, ids defined and cited, tasks,
 * numbers, supersede relations, index entries) without re-reading the file. The set rules (src/sets) run over
 * these summaries alone, so a cached or sharded run can check sets without the texts.
 * Serialisable: the cache and worker processes carry it as JSON. Cheap: it runs on every file.
 */
import GithubSlugger from 'github-slugger';
import type { DocumentSummary, Finding, SpecDocument, SummaryField, SummaryNumber, SummaryPosition } from './types.js';
import type { CompiledType } from './templates/compile.js';
import { documentDate, matchOutline } from './templates/match.js';
import { documentStatus } from './status.js';
import { parseDirectives } from './directives.js';
import { extractIds, extractTasks } from './sets/ids.js';
import { extractIndexEntries, extractRelations, sectionStatus } from './sets/links.js';
import { DEFAULT_NUMBER_FIELDS, fieldNumber, titleNumber } from './sets/numbers.js';

/** Metadata values longer than this are prose, not something another document is compared with. */
const FIELD_VALUE_MAX = 200;
const FIELDS_MAX = 40;

export function summarize(doc: SpecDocument, type: CompiledType | undefined, findings: readonly Finding[]): DocumentSummary {
  const ids = extractIds(doc);
  const items = extractTasks(doc, [...ids.referenced, ...ids.defined].sort((a, b) => a.line - b.line));
  const summary: DocumentSummary = {
    headings: [],
    links: doc.links.map((l) => ({ url: l.url, line: l.range.start.line })),
    placeholders: findings.filter((f) => f.ruleId === 'no-placeholders' && !f.suppressed).length,
    tasks: { total: items.length, checked: items.filter((t) => t.checked).length, items },
    ids,
  };
  const slugger = new GithubSlugger();
  for (const section of doc.sections) summary.headings.push({ text: section.text, level: section.level, line: section.line, slug: slugger.slug(section.text) });
  if (doc.title) summary.title = doc.title.text;
  const status = documentStatus(doc);
  if (status) {
    summary.status = status.value;
    const field = doc.metadata.find((m) => m.valueRange.start.line === status.line && /status|state/.test(m.normalizedKey));
    if (field) summary.statusAt = positionOf(field.valueRange);
  } else {
    const fromSection = sectionStatus(doc);
    if (fromSection) {
      summary.status = fromSection.value;
      summary.statusAt = fromSection.at;
    }
  }
  const date = documentDate(doc);
  if (date) summary.date = date;
  if (type) {
    const match = matchOutline(doc, type);
    const required = type.allPatterns.filter((p) => !p.optional && !p.wildcard);
    summary.sections = { required: required.length, present: required.filter((p) => (match.matched.get(p)?.length ?? 0) > 0).length };
  }

  const fields: Record<string, SummaryField> = {};
  let fieldCount = 0;
  for (const field of doc.metadata) {
    if (fieldCount >= FIELDS_MAX) break;
    if (field.normalizedKey in fields || field.value === '' || field.value.length > FIELD_VALUE_MAX) continue;
    fields[field.normalizedKey] = { value: field.value, ...positionOf(field.valueRange) };
    fieldCount++;
  }
  if (fieldCount > 0) summary.fields = fields;

  const numbers: SummaryNumber[] = [];
  if (doc.title) {
    const n = titleNumber(doc.title.text);
    if (n) {
      const lineText = doc.lineText(doc.title.line);
      const at = Math.max(0, lineText.indexOf(n.text));
      numbers.push({ value: n.value, source: 'title', text: n.text, line: doc.title.line, column: at + 1, endColumn: at + 1 + n.text.length });
    }
  }
  for (const key of DEFAULT_NUMBER_FIELDS) {
    const field = fields[key];
    const value = field && fieldNumber(field.value);
    if (field && value !== undefined) numbers.push({ value, source: 'metadata', key, text: field.value, line: field.line, column: field.column, endColumn: field.endColumn });
  }
  if (numbers.length > 0) summary.numbers = numbers;

  const relations = extractRelations(doc);
  if (relations.length > 0) summary.relations = relations;
  const index = extractIndexEntries(doc);
  if (index) summary.index = index;
  if (doc.htmlComments.length > 0) {
    const directives = parseDirectives(doc);
    if (directives.length > 0) summary.directives = directives;
  }
  return summary;
}

function positionOf(range: { start: { line: number; column: number }; end: { line: number; column: number } }): SummaryPosition {
  return { line: range.start.line, column: range.start.column, endColumn: range.end.line === range.start.line ? range.end.column : range.start.column + 1 };
}
