/**
 * A document in a few numbers and names — what a report on a whole docs tree shows per document (type, status,
 * completeness) and what checks across documents need (title, headings, links) without re-reading the file.
 * Serialisable: the cache and worker processes carry it as JSON.
 */
import GithubSlugger from 'github-slugger';
import type { DocumentSummary, Finding, SpecDocument } from './types.js';
import type { CompiledType } from './templates/compile.js';
import { documentDate, matchOutline } from './templates/match.js';
import { documentStatus } from './status.js';

export function summarize(doc: SpecDocument, type: CompiledType | undefined, findings: readonly Finding[]): DocumentSummary {
  const summary: DocumentSummary = {
    headings: [],
    links: doc.links.map((l) => ({ url: l.url, line: l.range.start.line })),
    placeholders: findings.filter((f) => f.ruleId === 'no-placeholders' && !f.suppressed).length,
    tasks: { total: doc.taskItems.filter((t) => !t.malformed).length, checked: doc.taskItems.filter((t) => !t.malformed && t.checked).length },
  };
  const slugger = new GithubSlugger();
  for (const section of doc.sections) summary.headings.push({ text: section.text, level: section.level, line: section.line, slug: slugger.slug(section.text) });
  if (doc.title) summary.title = doc.title.text;
  const status = documentStatus(doc);
  if (status) summary.status = status.value;
  const date = documentDate(doc);
  if (date) summary.date = date;
  if (type) {
    const match = matchOutline(doc, type);
    const required = type.allPatterns.filter((p) => !p.optional && !p.wildcard);
    summary.sections = { required: required.length, present: required.filter((p) => (match.matched.get(p)?.length ?? 0) > 0).length };
  }
  return summary;
}
