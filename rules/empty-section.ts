import type { Rule, Section, SpecDocument } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { compiledTypeOf, normalizeSample } from '../src/templates/compile.js';
import { matchOutline } from '../src/templates/match.js';

interface Options {
  allow: string[];
}

/** Body text that is only whitespace, HTML comments (template guidance) and link reference definitions (they do not render) is empty. */
function isBlank(doc: SpecDocument, section: Section): boolean {
  const text = doc.text.slice(section.contentStart, section.contentEnd).replace(/<!--[\s\S]*?-->/g, '');
  return text.split(/\r?\n/).every((line) => line.trim() === '' || /^ {0,3}\[[^\]]+\]:\s*\S+(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/.test(line));
}

/**
 * Filler that stands where the template asks for content: `N/A`, `-`, `None.` (`TBD` and `TODO` are
 * no-placeholders' findings: one defect, one finding).
 */
const FILLER = /^(?:n\/?a|tbc|-+|—|–|none|nothing|not applicable|nil|\.\.\.|…|\?+)\.?$/i;

function onlyFiller(doc: SpecDocument, section: Section): string | undefined {
  const text = doc.text.slice(section.contentStart, section.contentEnd).replace(/<!--[\s\S]*?-->/g, '').replace(/[*_`]/g, '').trim();
  return text && FILLER.test(text) ? text : undefined;
}

/**
 * Headings stacked on consecutive lines at one level (`### npm link` / `### npm unlink`, then one text for both,
 * man-page style) share the body of the last of them: an earlier one is not empty when that body has content.
 */
function stackedOver(doc: SpecDocument, section: Section): Section | undefined {
  let current = section;
  for (;;) {
    const next = doc.sections[current.index + 1];
    const endLine = current.heading?.position?.end.line;
    if (!next || endLine === undefined || next.level !== current.level || next.line !== endLine + 1) return current === section ? undefined : current;
    current = next;
  }
}

/** A yes/no question (`Are there any missing metrics …?`, `Will it …?`): "No", "None" or "N/A" answers it in full. */
const YES_NO_QUESTION = /^(?:are|is|do|does|did|will|would|can|could|should|shall|must|has|have|had|was|were|may|might)\b[^?]*\?/i;
/** Sections that list open items, where none left is the answer a finished spec gives. */
const OPEN_ITEMS = /\b(?:unresolved|open|outstanding|pending|remaining) (?:questions?|issues?|items?|points?)\b|\bfuture (?:directions?|possibilities|work|extensions?)\b|\bknown (?:issues|limitations|bugs)\b|\brelated (?:issues?|work|links?|documents?|proposals?|rfcs?|keps?|prs?|pull requests?|items?)\b|\b(?:dependencies|prerequisites)\b/i;

/** Sections about the effects of a change on what exists: "None" (no impact, nothing breaks) answers them in full. */
const EFFECTS = /\bimpact\b|\bcompatibility\b|\bbreaking changes?\b|\bdeprecations?\b|\beffects? on\b|\baffects\b/i;

/** A heading that states its own answer (`Decision: Use PostgreSQL`, `Outcome: rejected`). */
const STATED_IN_HEADING = /^(?:decision|answer|outcome|resolution|result|verdict|chosen option|choice)\s*:\s*\S/i;

/** The first sentence of the template's guidance under the heading, markup and comment fences removed. */
const firstSentence = (body: string) => body.replace(/<!--|-->/g, ' ').replace(/^[ \t]*(?:>[ \t]?)+/gm, '').replace(/[*_`]/g, '').trim().split(/(?<=[.?!])\s/)[0] ?? '';

/** Filler answers this section in full: it asks a yes/no question (heading or template guidance), lists open items, or asks for effects on what exists (heading or template guidance). */
const fillerAnswers = (section: Section, templateBody: string) =>
  YES_NO_QUESTION.test(section.text) || OPEN_ITEMS.test(section.text) || EFFECTS.test(section.text) || YES_NO_QUESTION.test(firstSentence(templateBody)) || EFFECTS.test(firstSentence(templateBody));

/** A statement that the whole group does not apply: "not applicable", "No feature enablement/rollback necessary.", "Does not apply". */
const NOT_APPLICABLE = /\bn\/a\b|\bnot\b[^.]{0,40}\b(?:applicable|necessary|needed|required|relevant|apply|in scope)\b|\bno\b[^.]{0,40}\b(?:necessary|needed|required)\b|\bdoes(?:n't| not) apply\b/i;

/** Body text a heading leaves for its question subsections: unchecked template checklists (`- [ ] Events`) answer nothing. */
function blankOrUncheckedList(doc: SpecDocument, section: Section): boolean {
  if (section.children.length > 0) return false;
  const text = doc.text.slice(section.contentStart, section.contentEnd).replace(/<!--[\s\S]*?-->/g, '');
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  // Nothing, or a checklist of unchecked boxes with its nested labels (`- [ ] Events` / `  - Event Reason:`).
  return lines.every((line) => (/^ ?[-*+] /.test(line) ? /^ ?[-*+] \[ \]/.test(line) : /^\s{2,}[-*+] /.test(line)));
}

/**
 * The parent section answers its question subsections at once: its own text (not the template's, not quoted) says
 * the group does not apply ("These are not on-cluster components. No feature enablement/rollback necessary."), or it
 * answers while every question heading under it is left empty (the headings kept because tooling expects them).
 */
function answeredByParent(doc: SpecDocument, section: Section, isTemplateLine: (line: string) => boolean): boolean {
  const parent = section.parent;
  if (!parent || parent.level === 0) return false;
  const own = doc.text.slice(parent.contentStart, parent.bodyEnd).replace(/<!--[\s\S]*?-->/g, '');
  // Quoted lines are the template's guidance kept visible (`> This section must be completed when targeting beta`).
  const lines = own.split(/\r?\n/).map((line) => line.trim()).filter((line) => /[\p{L}\p{N}]/u.test(line) && !line.startsWith('>'));
  // The template's own guidance under the parent is no answer; nor is a lone filler or marker.
  const answer = lines.filter((line) => !isTemplateLine(line));
  if (answer.length === 0 || (answer.length === 1 && /^(?:tbd|tba|todo|tbc|\?+)\.?$/i.test(answer[0]!.replace(/[*_`]/g, '')))) return false;
  if (NOT_APPLICABLE.test(answer.join(' '))) return true;
  // Question headings (`Will enabling … result in any new API calls?`) all left empty under the parent's answer; a
  // topic heading left empty (`Risks and Mitigations`) is a part the author did not write.
  return /\?\s*$/.test(section.text) && parent.children.every((child) => blankOrUncheckedList(doc, child));
}

const rule: Rule<Options> = {
  meta: {
    id: 'empty-section',
    description: 'A heading has content before the next heading of the same or higher level; a required section holds more than N/A',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('empty-section'),
    optionsSchema: {
      type: 'object',
      properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Headings that may be empty (matched case-insensitively).' } },
      additionalProperties: false,
    },
    defaultOptions: { allow: [] },
    fixable: false,
    tags: ['structure'],
  },
  check({ doc, options, documentType, report }) {
    const allowed = new Set(options.allow.map((h) => h.toLowerCase()));
    // Sections the template requires and asks to be written (its own text under the heading): filler is no content.
    // Each holds the template's guidance under its heading.
    const required = new Map<Section, string>();
    const type = compiledTypeOf(documentType);
    const isTemplateLine = (line: string) => {
      const normalized = normalizeSample(line.replace(/^(?:>\s?)*(?:[-*+]\s+|\d+[.)]\s+)?/, ''));
      return type !== undefined && (type.sampleText.has(normalized) || type.sampleParagraphs.has(normalized));
    };
    if (type) {
      const match = matchOutline(doc, type);
      for (const [pattern, sections] of match.matched) {
        if (!pattern.optional && pattern.children.length === 0 && pattern.body.trim() !== '') for (const s of sections) required.set(s, pattern.body);
      }
    }
    for (const section of doc.sections) {
      if (allowed.has(section.text.toLowerCase())) continue;
      // A heading with subsections has content; so does any text before the next heading of the same or higher level.
      if (section.children.length > 0) continue;
      if (isBlank(doc, section)) {
        // `### Decision: Use PostgreSQL`: the heading states the answer itself.
        if (STATED_IN_HEADING.test(section.text)) continue;
        const last = stackedOver(doc, section);
        if (last && (last.children.length > 0 || !isBlank(doc, last))) continue;
        // A question heading under a parent that already answered the whole group.
        if (answeredByParent(doc, section, isTemplateLine)) continue;
        report({ message: `Section "${section.text}" is empty: write its content, or remove the heading`, node: section.heading, key: `empty:${section.text}` });
        continue;
      }
      const templateBody = required.get(section);
      const filler = templateBody !== undefined && !fillerAnswers(section, templateBody) ? onlyFiller(doc, section) : undefined;
      if (filler) report({ message: `Section "${section.text}" holds only "${filler}" where the template asks for content: write it, or mark the section optional in the type`, node: section.heading, key: `filler:${section.text}` });
    }
  },
};

export default rule;
