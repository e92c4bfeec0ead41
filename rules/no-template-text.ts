import { toString } from 'mdast-util-to-string';
import type { List, Nodes, Paragraph, Parents, RootContent } from 'mdast';
import type { Rule, Section, SpecDocument } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { parseDocument } from '../src/parse/document.js';
import { compiledTypeOf, normalizeSample, type CompiledType, type SectionPattern } from '../src/templates/compile.js';
import { matchOutline } from '../src/templates/match.js';

const shorten = (text: string, max = 70) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}…` : flat;
};

/** Lines with bracket stand-ins are reported by no-placeholders: one defect, one finding. */
const holdsStandIn = (normalized: string) => /\[[^\]]+\]/.test(normalized);

/* ------------------------------------------------------------------ where the template writes its text */

/** A region of an outline: a section pattern, or the preamble (before the first section: front, title body). */
type Region = SectionPattern | 'preamble';

interface TemplateIndex {
  /** Normalised line or paragraph → the regions the template writes it in ('unknown': a section its outline does not place). */
  regions: Map<string, Set<Region | 'unknown'>>;
  /** Normalised list item → the normalised items of each template list that holds it. */
  siblings: Map<string, string[][]>;
  /** The template's text, normalised, without quote and list markers: where a wrapped sentence's last words are found. */
  flat: string;
  /** Paragraphs (whole and by line) right below guidance that says to keep them ("Do not remove the key word definitions"). */
  kept: Set<string>;
  /** Paragraphs right above a task list: the checklist's legend. */
  legends: Set<string>;
  /** Answers the template suggests in quotes (`leave it in with text like "This feature can be freely adopted …"`). */
  quotedAnswers: Set<string>;
}

/** Guidance telling the author to keep what follows. */
const KEEP_GUIDANCE = /\b(?:do not|don't|don’t|never) (?:remove|delete|change|edit)\b|\bkeep (?:this|these|the following)\b|\bleave (?:this|these) (?:as is|in place|unchanged)\b/i;

const indexes = new WeakMap<CompiledType, TemplateIndex>();

/** The deepest section whose extent holds `offset`; undefined before the first heading. */
function sectionAt(doc: SpecDocument, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const section of doc.sections) {
    if (section.heading!.position!.start.offset! > offset) break;
    if (offset < section.contentEnd) found = section;
  }
  return found;
}

function templateIndex(type: CompiledType): TemplateIndex {
  const cached = indexes.get(type);
  if (cached) return cached;
  const template = parseDocument(type.templateText);
  // The template read as a document of its own type: its repeated sections (`Phase 1`, `Phase 2`, … collapsed into
  // one pattern) find their pattern as a document's do.
  const regionAt = documentRegions(template, type);
  const flat = normalizeSample(type.templateText.replace(/^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+|\d+[.)][ \t]+)?/gm, ''));
  const quotedAnswers = new Set<string>();
  for (const m of flat.matchAll(/["“]([^"“”]{20,400})["”]/g)) quotedAnswers.add(m[1]!.replace(/[.\s]+$/, ''));
  const index: TemplateIndex = { regions: new Map(), siblings: new Map(), flat, kept: new Set(), legends: new Set(), quotedAnswers };
  const add = (normalized: string, region: Region | 'unknown') => {
    const set = index.regions.get(normalized) ?? new Set<Region | 'unknown'>();
    set.add(region);
    index.regions.set(normalized, set);
  };
  const walk = (node: Nodes, previous?: Nodes, next?: Nodes) => {
    if (node.type === 'paragraph') {
      if (next?.type === 'list' && next.children.some((item) => typeof item.checked === 'boolean')) index.legends.add(normalizeSample(toString(node)));
      const region = regionAt(node.position!.start.offset!);
      const lines = toString(node).split('\n');
      const keep = previous?.type === 'html' && KEEP_GUIDANCE.test(previous.value);
      for (const line of [...lines, lines.join(' ')]) {
        add(normalizeSample(line), region);
        if (keep) index.kept.add(normalizeSample(line));
      }
      return;
    }
    if (node.type === 'tableCell') {
      add(normalizeSample(toString(node)), regionAt(node.position!.start.offset!));
      return;
    }
    if (node.type === 'list') {
      const items = node.children.filter((item) => typeof item.checked !== 'boolean').map(itemText);
      for (const item of items) index.siblings.set(item, [...(index.siblings.get(item) ?? []), items]);
    }
    if ('children' in node) (node as Parents).children.forEach((child, i, all) => walk(child as Nodes, all[i - 1] as Nodes | undefined, all[i + 1] as Nodes | undefined));
  };
  walk(template.root);
  indexes.set(type, index);
  return index;
}

const templateBlocks = new WeakMap<SectionPattern, string[]>();
/** The rendered blocks of a template section's own body (paragraphs, list items, quoted paragraphs), normalised. */
function templateBlocksOf(pattern: SectionPattern): string[] {
  const cached = templateBlocks.get(pattern);
  if (cached) return cached;
  const blocks: string[] = [];
  let other = false;
  let labelled = 0;
  for (const block of parseDocument(pattern.body).root.children) {
    if (block.type === 'list' && !block.children.some((item) => typeof item.checked === 'boolean')) {
      for (const item of block.children) {
        blocks.push(itemText(item));
        if (/^[^:]{1,40}:\s*\S/.test(itemText(item))) labelled++;
      }
    } else if (block.type !== 'html' && block.type !== 'thematicBreak' && block.type !== 'yaml') other = true;
  }
  // Only a legend: a list whose items are mostly labelled statements (`**[P]**: Can run in parallel`, `**Setup (Phase
  // 1)**: No dependencies`). Prose, a table, code or a task list is the section's sample content, to be replaced.
  const result = other || labelled * 2 < blocks.length ? [] : blocks;
  templateBlocks.set(pattern, result);
  return result;
}

/** A paragraph that introduces examples of what to think about (`…, such as:`, `Some examples:`, `Consider the following …:`). */
const EXAMPLES_CUE = /(?:\bsuch as|\bexamples?|\be\.g\.|\bfor instance|\bconsider\b.*|\bthe following\b.*|\blike):$/i;

/** The texts of a list's items and of the items of the lists nested in them, normalised. */
const nestedItems = (list: List): string[] =>
  list.children.flatMap((item) => [itemText(item), ...item.children.flatMap((child) => (child.type === 'list' ? nestedItems(child) : []))]);

/** A list item's own text: its first paragraph, normalised. */
const itemText = (item: List['children'][number]) => {
  const first = item.children[0];
  return first?.type === 'paragraph' ? normalizeSample(toString(first)) : '';
};

/** The document's region at an offset: the preamble, or the pattern of its section or of the nearest matched section around it. */
function documentRegions(doc: SpecDocument, type: CompiledType): (offset: number) => Region | 'unknown' {
  const match = matchOutline(doc, type);
  const patternOf = new Map<Section, SectionPattern>();
  for (const [pattern, sections] of match.matched) for (const section of sections) patternOf.set(section, pattern);
  return (offset) => {
    const own = sectionAt(doc, offset);
    if (!own || own === match.title) return 'preamble';
    for (let section: Section | undefined = own; section && section !== match.title; section = section.parent) {
      const pattern = patternOf.get(section);
      if (pattern) return pattern;
    }
    // A heading of the author's own outside every matched section (or a renamed one): the place cannot be told.
    return 'unknown';
  };
}

const within = (inner: SectionPattern, outer: SectionPattern) => {
  for (let p: SectionPattern | undefined = inner; p; p = p.parent) if (p === outer) return true;
  return false;
};

/** Template text counts only in the region the template writes it in (or one nested in it, or around it). */
const sameRegion = (a: Region, b: Region) => a === b || (a !== 'preamble' && b !== 'preamble' && (within(a, b) || within(b, a)));

/* ------------------------------------------------------------------ prompts and their answers */

/** Words that open an instruction to the author ("Add a list of …", "Describe …"): never a label kept on purpose. */
const INSTRUCTION = /^(?:add|describe|explain|list|include|provide|write|specify|outline|summari[sz]e|identify|document|state|consider|mention|note|link|use|replace|remove|delete|fill|keep|give|define|discuss|detail|enumerate|show|insert|put|ensure|make|elaborate|clarify|indicate|record|reference|cite|update|answer|think|try|avoid|leave|mark|set|pick|choose|select|copy|edit|review|check|create|attach|please|e\.?g\.?|i\.?e\.?|for example|tbd|todo)\b/i;
/** Guidance speaks to the author or about the template. */
const ADDRESSES_AUTHOR = /\b(?:you|your|this section|this template|here)\b/i;

/**
 * A prompt a finished spec may keep as the label of its answer: a question ("What is deliberately not in scope?"),
 * or a short label without a full stop ("Deprecation / co-existence with existing functionality"). Not an
 * instruction ("Add a list of …"), nor a numbered stand-in ("Goal 1").
 */
function isPrompt(text: string): boolean {
  // `<package>: <date>`, `{{Describe …}}`: stand-ins to replace, not labels.
  if (/<[^<>\s][^<>]*>|\{\{/.test(text)) return false;
  const flat = text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  if (INSTRUCTION.test(flat)) return false;
  // "Are there any trade-offs being made? (space for time, for example)": a question with an aside.
  if (/\?(?:\s*\([^()]*\))?$/.test(flat)) return true;
  if (ADDRESSES_AUTHOR.test(flat) || /[.!:;,)]$/.test(flat) || NUMBERED.test(flat)) return false;
  return flat.split(' ').length <= 10;
}

/** A stand-in of a numbered series: `Goal 1`, `Option A`, `Step 2.1`. */
const NUMBERED = /(?:^|\s)(?:\d+(?:\.\d+)*|[a-z])[.:)]?$|^\S+ (?:\d+(?:\.\d+)*|[a-z])\b/i;

/**
 * The template's own answer for the case where there is nothing to say ("No backward compatibility issues found.",
 * "None at this time."): a complete answer when it holds, as "None" is under a yes/no question.
 */
const NONE_ANSWER = /^(?:no|none|nothing|not applicable|n\/a)\b[^?!:;]*\.?$/i;
const isNoneAnswer = (text: string) => {
  const flat = text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return NONE_ANSWER.test(flat) && flat.split(' ').length <= 10 && !ADDRESSES_AUTHOR.test(flat) && !/\b(?:should|must|please)\b/i.test(flat);
};

/** Only a stand-in for an answer (`TBD`, `…`, `[answer]`): no answer. */
const EMPTY_ANSWER = /^(?:tbd|tba|todo|tbc|\?+|…|\.{3}|-+|\[[^\]]*\])\.?$/i;

/** Verbs that ask the author to write the document ("Describe …", "Add a list of …"): guidance, never a convention kept. */
const WRITING_VERB = /^(?:add|describe|explain|list|provide|summari[sz]e|outline|specify|document|discuss|elaborate|mention|fill|replace|remove|delete|give|enumerate|detail|clarify|cite|reference|link|answer|insert|consider|think|state|identify|indicate|record|please|copy|edit|choose|pick|select|tbd|todo|e\.?g\.?|i\.?e\.?|for example)\b/i;
/** Words about the document being written: text that mentions them is guidance about the document, not about the work. */
const ABOUT_THE_DOCUMENT = /\b(?:proposals?|rfcs?|keps?|adrs?|this document|sections?|templates?|headings?|paragraphs?|e\.g\.|i\.e\.|for example|if applicable|example|this (?:enhancement|feature|change|design)|keep in mind|this is where|consider)\b/i;

/**
 * Convention text: a statement about the work that a filled document can keep as its own ("**Setup (Phase 1)**: No
 * dependencies", "*GATE: Must pass before Phase 0 research.*", "> **NOTE: Write these tests FIRST**", "Include exact
 * file paths in descriptions"). Not guidance about the document: no question, nothing that speaks to the author or
 * names the document or its sections, no writing instruction, no numbered stand-in (`Goal 1`), no example.
 */
function isConventionText(text: string): boolean {
  // An aside in parentheses (`(e.g., US1, US2)`, `(if staffed)`) qualifies the statement; it does not make it guidance.
  const flat = text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '').replace(/[*_`]/g, '').replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.split(' ').length < 3 || flat.includes('?') || NUMBERED.test(flat)) return false;
  if (ADDRESSES_AUTHOR.test(flat) || ABOUT_THE_DOCUMENT.test(flat) || /<[^<>\s][^<>]*>|\{\{/.test(flat)) return false;
  // A leading label ("NOTE:", "Setup (Phase 1):") names the statement; the statement itself decides.
  const statement = flat.replace(/^[^:]{1,40}:\s*/, '');
  return !WRITING_VERB.test(statement) && !WRITING_VERB.test(flat);
}

const rule: Rule = {
  meta: {
    id: 'no-template-text',
    description: 'No instructions or stand-in text copied verbatim from the template of the document type',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('no-template-text'),
    optionsSchema: {
      type: 'object',
      properties: {
        includeComments: { type: 'boolean', description: 'Also report the template\'s HTML guidance comments left in (off: many templates, like KEP\'s, keep them on purpose; they do not render).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { includeComments: false },
    fixable: false,
    requiresType: true,
    tags: ['content'],
  },
  check({ doc, documentType, options, report }) {
    const type = compiledTypeOf(documentType);
    if (!type) return;
    if (type.sampleText.size === 0 && type.sampleParagraphs.size === 0) return;
    const advice = 'replace it with this document\'s own text, or delete it';
    const index = templateIndex(type);
    const regionAt = documentRegions(doc, type);

    /** Template text, and in this place: the template writes it in the region this offset lies in. */
    const templateLineAt = (normalized: string, offset: number, linesOnly = false): number | undefined => {
      const line = linesOnly ? type.sampleText.get(normalized) : type.sampleParagraphs.get(normalized) ?? type.sampleText.get(normalized);
      if (line === undefined || index.kept.has(normalized)) return undefined;
      const region = regionAt(offset);
      const regions = index.regions.get(normalized);
      if (region === 'unknown' || !regions) return line;
      for (const r of regions) if (r === 'unknown' || sameRegion(r, region)) return line;
      return undefined;
    };
    const isTemplateLine = (line: string) => type.sampleText.has(normalizeSample(line)) || type.sampleParagraphs.has(normalizeSample(line));

    /** The author's own words somewhere in this block: a paragraph that is not template text nor a stand-in, code, a table. */
    const holdsAnswer = (node: Nodes): boolean => {
      if (node.type === 'code' || node.type === 'table') return true;
      if (node.type === 'heading' || node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition') return false;
      if (node.type === 'paragraph') {
        const text = toString(node);
        if (type.sampleParagraphs.has(normalizeSample(text))) return false;
        return text.split('\n').some((line) => {
          const flat = line.replace(/[*_`]/g, '').trim();
          return /[\p{L}\p{N}]/u.test(flat) && !EMPTY_ANSWER.test(flat) && !isTemplateLine(line);
        });
      }
      return 'children' in node && (node as Parents).children.some((child) => holdsAnswer(child as Nodes));
    };

    /**
     * The block that answers what ends `node`: the next block in its list item or quote, or, when `node` ends its
     * item, list or quote, the block after that. The next item of a list is a sibling, not an answer.
     */
    const blockAfter = (node: Nodes, ancestors: Parents[]): Nodes | undefined => {
      let current: Nodes = node;
      for (let depth = ancestors.length - 1; depth >= 0; depth--) {
        const parent = ancestors[depth]!;
        const next = parent.children[(parent.children as Nodes[]).indexOf(current) + 1] as Nodes | undefined;
        if (next) return parent.type === 'list' ? undefined : next;
        if (parent.type !== 'listItem' && parent.type !== 'list' && parent.type !== 'blockquote') return undefined;
        current = parent;
      }
      return undefined;
    };
    const answeredAfter = (node: Nodes, ancestors: Parents[]) => {
      const next = blockAfter(node, ancestors);
      if (next?.type === 'heading') {
        // The answer in subsections: a heading one level or more below the prompt's own section.
        const section = sectionAt(doc, node.position!.start.offset!);
        return section !== undefined && next.depth > section.level;
      }
      return next !== undefined && holdsAnswer(next);
    };

    /**
     * A paragraph right above a task list (the legend of a checklist the template wants kept and ticked), or the
     * template's legend right above the checklist written as a plain list.
     */
    const introducesChecklist = (node: Paragraph, ancestors: Parents[]) => {
      const parent = ancestors[ancestors.length - 1];
      const next = parent?.children[(parent.children as Nodes[]).indexOf(node) + 1] as RootContent | undefined;
      if (next?.type !== 'list') return false;
      return next.children.some((item) => typeof item.checked === 'boolean') || index.legends.has(normalizeSample(toString(node)));
    };

    /**
     * A template list item kept verbatim in a list whose other template items the author rewrote, replaced or
     * dropped: a convention line kept on purpose.
     */
    const keptAmongRewritten = (node: Paragraph, ancestors: Parents[], normalized: string) => {
      const item = ancestors[ancestors.length - 1];
      const list = ancestors[ancestors.length - 2];
      if (item?.type !== 'listItem' || list?.type !== 'list' || item.children[0] !== node) return false;
      if (normalized.split(' ').length < 3) return false;
      const documentItems = list.children.map(itemText);
      if (documentItems.length < 2) return false;
      // A list of examples inside guidance ("Please keep in mind …, such as:", "Some things to consider:") is the
      // template's prompt, whatever the author added to it (items they rewrote still make the rest theirs).
      const parent = ancestors[ancestors.length - 3];
      const before = parent?.children[(parent.children as Nodes[]).indexOf(list) - 1] as Nodes | undefined;
      const examples = before?.type === 'paragraph' && EXAMPLES_CUE.test(toString(before).trim());
      if (ADDRESSES_AUTHOR.test(toString(node))) return false;
      // Items of the author's anywhere in the list, nested ones included (`Developer A: User Story 1 (P1)`).
      const authorItems = nestedItems(list).filter((d) => /[\p{L}\p{N}]/u.test(d) && !isTemplateLine(d));
      // Another item of the template's list was edited, replaced or dropped, or one was added: the author worked on this list. Not
      // a numbered series (`Goal 1`, `Goal 2`: siblings that differ only in their numbers), which is samples to replace.
      const series = (text: string) => text.replace(/\d+|\b[a-z]\b/g, '#');
      return (index.siblings.get(normalized) ?? []).some((templateItems) => {
        if (templateItems.length < 2) return false;
        // The author added items of their own to the template's list (a step `Add User Story 4` after the template's
        // three): the list is theirs now, numbered series included.
        if (!examples && authorItems.some((d) => !templateItems.includes(d))) return true;
        return !templateItems.some((t) => t !== normalized && series(t) === series(normalized)) && templateItems.some((t) => t !== normalized && !documentItems.includes(t));
      });
    };

    /** The author's own words in a block: a paragraph or item not taken from the template, a table cell they filled, code. */
    const authorWrote = (node: Nodes): boolean => {
      if (node.type === 'table') {
        return node.children.slice(1).some((row) =>
          row.children.some((cell) => {
            const text = toString(cell).replace(/[*_`]/g, '').trim();
            return /[\p{L}\p{N}]/u.test(text) && !EMPTY_ANSWER.test(text) && !/^\[[^\]]*\]$/.test(text) && !isTemplateLine(text);
          }),
        );
      }
      return holdsAnswer(node);
    };
    /** The blocks of a section's own body (up to its first subsection), or of its whole extent. */
    const blocksOf = (section: Section, whole = false) =>
      doc.root.children.filter((block) => {
        const start = block.position!.start.offset!;
        return start >= section.contentStart && start < (whole ? section.contentEnd : section.bodyEnd);
      });

    /**
     * Convention text the author kept on purpose: a statement about the work (not guidance about the document) in a
     * section the author filled with their own content (the gate note above their filled table, the note above their
     * tasks), or in a section the template gives only such text and the author kept whole, under a parent the
     * author filled (a legend, a list of phase dependencies). Unfilled sections keep their findings: the template's
     * sample content was removed, not replaced.
     */
    const keptConvention = (node: Paragraph, text: string) => {
      // Links are sample content to replace (`[test name](…): [triage search](…)`), not a convention.
      if (!isConventionText(text) || node.children.some((child) => child.type === 'link' || child.type === 'linkReference')) return false;
      const section = sectionAt(doc, node.position!.start.offset!);
      if (!section) return false;
      // A labelled statement (`**GATE**: Must pass …`, `> **NOTE**: Write these tests FIRST`) beside the author's
      // content is a convention; an unlabelled paragraph there is as likely guidance left above the answer.
      const labelled = /^[^:]{1,40}:\s*\S/.test(text.replace(/[*_`]/g, '').replace(/^[ \t]*(?:>[ \t]?)+/gm, '').trim());
      if (labelled && blocksOf(section, true).some(authorWrote)) return true;
      const own = blocksOf(section);
      const pattern = regionAt(node.position!.start.offset!);
      if (typeof pattern !== 'object' || !section.parent) return false;
      const kept = new Set<string>();
      for (const block of own) {
        if (block.type === 'paragraph') kept.add(normalizeSample(toString(block)));
        else if (block.type === 'list') for (const item of block.children) kept.add(itemText(item));
        else if (block.type === 'blockquote') for (const child of block.children) kept.add(normalizeSample(toString(child)));
      }
      const templateBlocks = templateBlocksOf(pattern);
      // The template gives this section only conventions, and the author kept them all.
      if (templateBlocks.length === 0 || !templateBlocks.every((block) => kept.has(block) && isConventionText(block))) return false;
      return blocksOf(section.parent, true).some(authorWrote);
    };

    const visit = (node: Nodes, ancestors: Parents[]) => {
      if (node.type === 'paragraph') {
        const text = toString(node);
        const whole = normalizeSample(text);
        if (holdsStandIn(whole)) return;
        if (introducesChecklist(node, ancestors)) return;
        // The answer the template suggests in quotes, written as suggested.
        if (index.quotedAnswers.has(whole.replace(/[.\s]+$/, ''))) return;
        // One finding per template paragraph left in, however it is wrapped.
        const paragraphLine = templateLineAt(whole, node.position!.start.offset!);
        if (paragraphLine !== undefined) {
          if (isPrompt(text) && answeredAfter(node, ancestors)) return;
          if (isNoneAnswer(text)) return;
          if (keptAmongRewritten(node, ancestors, whole)) return;
          if (keptConvention(node, text)) return;
          report({ message: `Template text left in: "${shorten(text)}" (${type.id} template line ${paragraphLine}): ${advice}`, node, key: `template-text:${whole.slice(0, 80)}` });
          return;
        }
        const lines = text.split('\n');
        if (lines.length === 1) return;
        const start = node.position!.start.line;
        const templateLines = lines.map((line) => {
          const normalized = normalizeSample(line);
          return holdsStandIn(normalized) ? undefined : templateLineAt(normalized, node.position!.start.offset!, true);
        });
        // Runs of template lines; a run that is a prompt followed by the author's answer (the paragraph's next lines, or the block after it) is kept on purpose.
        const kept: Array<{ line: number; text: string; templateLine: number }> = [];
        for (let i = 0; i < lines.length; ) {
          if (templateLines[i] === undefined) {
            i++;
            continue;
          }
          let end = i;
          for (;;) {
            if (end + 1 >= lines.length) break;
            if (templateLines[end + 1] !== undefined) end++;
            // The end of a wrapped template sentence (`users?`): too short to be sample text on its own.
            else if (index.flat.includes(normalizeSample(lines.slice(i, end + 2).join(' ')))) templateLines[++end] = templateLines[end - 1];
            else break;
          }
          const run = lines.slice(i, end + 1).join(' ');
          const answered = end + 1 < lines.length ? lines.slice(end + 1).some((line) => /[\p{L}\p{N}]/u.test(line) && !EMPTY_ANSWER.test(line.replace(/[*_`]/g, '').trim())) : answeredAfter(node, ancestors);
          if (!(isPrompt(run) && answered)) for (let k = i; k <= end; k++) kept.push({ line: start + k, text: lines[k]!.trim(), templateLine: templateLines[k]! });
          i = end + 1;
        }
        if (kept.length === 0) return;
        const first = kept[0]!;
        const column = doc.lineText(first.line).indexOf(first.text.slice(0, 10)) + 1;
        const more = kept.length > 1 ? ` and ${kept.length - 1} more line${kept.length > 2 ? 's' : ''} of it` : '';
        report({
          message: `Template text left in: "${shorten(first.text)}"${more} (${type.id} template line ${first.templateLine}): ${advice}`,
          line: first.line,
          column: Math.max(1, column),
          endLine: kept[kept.length - 1]!.line,
          endColumn: doc.lineText(kept[kept.length - 1]!.line).length + 1,
          key: `template-text:${normalizeSample(first.text).slice(0, 80)}`,
        });
        return;
      }
      if (node.type === 'tableCell') {
        const text = toString(node);
        const normalized = normalizeSample(text);
        const templateLine = holdsStandIn(normalized) ? undefined : templateLineAt(normalized, node.position!.start.offset!, true);
        if (templateLine !== undefined) report({ message: `Template text left in: "${shorten(text)}" (${type.id} template line ${templateLine}): ${advice}`, node, key: `template-text:${normalized.slice(0, 80)}` });
        return;
      }
      if (node.type === 'html') {
        if (!options.includeComments) return;
        for (const comment of doc.htmlComments) {
          if (comment.node === node && type.sampleText.has(normalizeSample(`<!-- ${comment.body} -->`))) {
            const body = comment.body.replace(/\s+/g, ' ');
            report({ message: `Template guidance comment left in: "<!-- ${body.slice(0, 50)}${body.length > 50 ? '…' : ''} -->": delete it once the section is written`, range: comment.range, key: `template-comment:${body.slice(0, 80)}` });
          }
        }
        return;
      }
      if (node.type === 'code' || node.type === 'heading') return;
      // A task item (ticked or not) is a checklist the document keeps, however its text wraps.
      if (node.type === 'listItem' && typeof node.checked === 'boolean') return;
      if ('children' in node) for (const child of (node as Parents).children) visit(child as Nodes, [...ancestors, node as Parents]);
    };
    visit(doc.root, []);
  },
};

export default rule;
