/**
 * Ids a document defines and cites, read from its text in one pass: requirement-style ids (`FR-001`, `SC-2`,
 * `NFR_3`, `TC-010`), user stories (`User Story 1`, `US1`, `[US2]`, `US-003`), Kiro requirements (`### Requirement
 * 2`, its numbered acceptance criteria 2.1, 2.2 …, and `_Requirements: 1.2, 3.1_` citations) — and the task items
 * with their ids (`T001`, Kiro's `2.1`) and the ids each task cites.
 *
 * Ids are keyed canonically so that `FR-001`, `FR-1` and `FR_001` are one id (`FR-1`), `US1`, `[US1]`, `US-001` and
 * `User Story 1` are one story (`US-1`), and Kiro's requirement 2 and criterion 2.1 are `R2` and `R2.1`.
 * Text in code blocks, HTML comments and front matter is not read: templates put example ids there.
 */
import type { SpecDocument, SummaryId, SummaryTask } from '../types.js';

/** Prefixes that are ids also without a separator (`FR1`, `SC2`); any other prefix needs `-` or `_` (`TC-1`). */
const BARE_PREFIXES = ['FR', 'NFR', 'SC', 'REQ', 'AC', 'UC', 'BR', 'TR', 'SR'];

// One pass over the text. Alternatives in priority order: "User Story N", "US N", PREFIX-N, PREFIXN (known ones);
// then an optional lower-case letter (`FR-002a`, a sub-requirement).
// After an id: no word character and no `.digit` (FR-001.1 is something else); a `-` only before another id (ranges
// such as US1-US3).
const ID = new RegExp(
  String.raw`(?<![\w-])(?:([Uu][Ss][Ee][Rr][ \t]+[Ss][Tt][Oo][Rr][Yy])[ \t]+#?(\d{1,4})|US[-_]?(\d{1,4})|([A-Z][A-Z0-9]{0,5})[-_](\d{1,5})|(${BARE_PREFIXES.join('|')})(\d{1,4}))([a-z])?(?!\w|-(?![ \t]*[A-Z])|\.\d)`,
  'g',
);

// `FR-001 – FR-005`, `FR-001 to FR-005`, `US1-US3`, `FR-001..005`: a range to the same prefix.
const RANGE_TAIL = /^[ \t]*(?:-|–|—|\.\.|to|through)[ \t]*([A-Za-z][A-Za-z ]*?)?[ \t]*[-_]?(\d{1,5})(?!\w|\.\d|-\w)/;

// What may stand before an id that is being defined: a list or task marker, a heading, a table's first cell,
// emphasis; and after it: the definition's text (`:`, ` - `, `.`, `)`, a cell border, a bold id and its text).
const DEFINITION_LEAD = /^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?|#{1,6}\s+(?:\d+(?:\.\d+)*\.?\s+)?|\|\s*)?[*_]*$/;
const DEFINITION_TAIL = /^(?:(?:\*\*|__)[ \t]+\S|(?:\*\*|__|\*|_|\])*\s*(?:$|[:.)|]|\s[-–—]\s|\s*\())/;

// Kiro: `### Requirement 3: Title`, acceptance criteria `1. WHEN … THEN …`, and `_Requirements: 1.2, 3.1_`.
const KIRO_REQUIREMENT_HEADING = /^Requirement\s+(\d{1,4})\b\s*(?:[-–—:.]\s*)?(.*)$/i;
const KIRO_CRITERION = /^\s{0,3}(\d{1,3})\.\s+\S/;
const KIRO_CITATION = /(?<![A-Za-z])[Rr]equirements?(?![a-z])[*_]*[ \t]*:?[*_]*[ \t]*((?:\d{1,4}(?:\.\d{1,3})?)(?:[ \t]*(?:,|;|&|and|-|–|to)[ \t]*\d{1,4}(?:\.\d{1,3})?)*)/g;

const TASK_ID = /^(?:\*\*|__)?(?:(T\d{2,5}[A-Za-z]?)(?![\w-])|(\d{1,3}(?:\.\d{1,3})*)\.?(?=\s))/;

// After a story id outside a heading: `] = Title`, `: Title`, ` (Title)`, up to the next `,` `;` `)` or bracket.
const STORY_LABEL = /^\]?[*_]*[ \t]*(?:=|:|→|->|\()[ \t]*["“]?([^,;()[\]"”]{3,80})/;

const TITLE_MAX = 80;
/** The opening prose of a story's section kept in the summary: enough for a goal and an independent test. */
const ABOUT_MAX = 800;
const RANGE_MAX = 100;

export function idKey(prefix: string, number: string | number): string {
  const p = prefix.toUpperCase();
  return `${/^USER\s+STORY$|^US$/.test(p.replace(/\s+/g, ' ')) ? 'US' : p}-${Number(number)}`;
}

/** Offsets the id scan skips: code, HTML, front matter. Sorted, non-overlapping enough for a forward scan. */
function literalRanges(doc: SpecDocument): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const block of doc.codeBlocks) {
    const p = block.node.position;
    if (p) ranges.push([p.start.offset!, p.end.offset!]);
  }
  for (const comment of doc.htmlComments) ranges.push([comment.range.start.offset, comment.range.end.offset]);
  if (doc.frontMatter) ranges.push([doc.frontMatter.range.start.offset, doc.frontMatter.range.end.offset]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

function cleanTitle(text: string): string {
  const title = text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s*\((?:priority|prio|P\d)\b[^)]*\)/gi, '')
    .replace(/\s*\|.*$/, '')
    .replace(/(?:\p{Extended_Pictographic}|\uFE0F)+.*$/u, '')
    .replace(/^[\s:.\-–—]+|[\s:.\-–—]+$/g, '')
    .replace(/\s+/g, ' ');
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/**
 * The opening prose of a section's own body (before its first task and subsection): a story's description and
 * independent test in the spec, a phase's goal and independent test in tasks.md. Code, HTML, bold labels
 * (`**Goal**:`) and markup are dropped; what is kept only serves to tell one story from another.
 */
function sectionAbout(body: string): string | undefined {
  const lines: string[] = [];
  let length = 0;
  let fence = false;
  for (const raw of body.replace(/<!--[\s\S]*?-->/g, ' ').split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    if (/^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]/.test(raw)) break;
    const line = raw
      .replace(/(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)\s*:/g, ' ')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`>#|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (line === '' || /^-{3,}$/.test(line)) continue;
    lines.push(line);
    length += line.length + 1;
    if (length >= ABOUT_MAX) break;
  }
  const about = lines.join(' ').slice(0, ABOUT_MAX).trim();
  return about === '' ? undefined : about;
}

export interface DocumentIds {
  defined: SummaryId[];
  referenced: SummaryId[];
}

export function extractIds(doc: SpecDocument): DocumentIds {
  const defined: SummaryId[] = [];
  const referenced: SummaryId[] = [];
  const text = doc.text;
  const skip = literalRanges(doc);
  let skipAt = 0;
  const skipped = (offset: number): boolean => {
    while (skipAt < skip.length && skip[skipAt]![1] <= offset) skipAt++;
    for (let i = skipAt; i < skip.length && skip[i]![0] <= offset; i++) if (offset < skip[i]![1]) return true;
    return false;
  };
  const headingLines = new Set<number>();
  for (const section of doc.sections) headingLines.add(section.line);
  const sectionAt = new Map(doc.sections.filter((section) => section.level > 0).map((section) => [section.line, section]));
  const aboutOf = (line: number): string | undefined => {
    const section = sectionAt.get(line);
    return section ? sectionAbout(doc.text.slice(section.contentStart, section.bodyEnd)) : undefined;
  };

  ID.lastIndex = 0;
  for (let m = ID.exec(text); m; m = ID.exec(text)) {
    if (skipped(m.index)) continue;
    const start = doc.pointAt(m.index);
    const end = doc.pointAt(m.index + m[0].length);
    if (end.line !== start.line) continue;
    const prefix = m[1] ?? (m[3] !== undefined ? 'US' : (m[4] ?? m[6]!));
    const digits = m[2] ?? m[3] ?? m[5] ?? m[7]!;
    // `FR-002a`: a sub-requirement (the model counts it as defining FR-002 too).
    const key = `${idKey(prefix, digits)}${m[8] ?? ''}`;
    const lineText = doc.lineText(start.line);
    const before = lineText.slice(0, start.column - 1);
    const after = lineText.slice(end.column - 1);
    const id: SummaryId = { id: key, text: m[0], line: start.line, column: start.column, endColumn: end.column };
    const story = key.startsWith('US-');
    if (headingLines.has(start.line)) id.in = 'heading';
    else if (/^\s*\|/.test(before)) id.in = 'table';
    if (DEFINITION_LEAD.test(before) && DEFINITION_TAIL.test(after)) {
      const title = cleanTitle(after.replace(/^(?:\*\*|__|\*|_|\])*\s*(?:[:.)|]|[-–—])?/, ''));
      if (title) id.title = title;
      if (story && id.in === 'heading') {
        const about = aboutOf(start.line);
        if (about) id.about = about;
      }
      defined.push(id);
      continue;
    }
    // A story named with its title in a heading that does not start with it (`## Phase 3: User Story 1 - Setup`).
    if (story && headingLines.has(start.line)) {
      const title = cleanTitle(after.replace(/^\s*(?:[-–—:.])\s*/, ''));
      if (title && /^\s*[-–—:.]/.test(after)) id.title = title;
      const about = aboutOf(start.line);
      if (about) id.about = about;
    } else if (story) {
      // A label elsewhere: `[US2] = Company Management`, `US1: Login`, `US3 (Export)` — how this document names the story.
      const label = STORY_LABEL.exec(after);
      const title = label && cleanTitle(label[1]!);
      if (title) id.title = title;
    }
    referenced.push(id);
    // A range: the ids between the two ends are cited too (at the range's position).
    const tail = m[8] ? null : RANGE_TAIL.exec(after);
    if (tail) {
      const tailPrefix = (tail[1] ?? '').trim();
      const samePrefix = tailPrefix === '' ? /\.\.|–|—|to|through/.test(tail[0]) : idKey(tailPrefix, 0) === idKey(prefix, 0);
      const first = Number(digits);
      const last = Number(tail[2]);
      if (samePrefix && last > first && last - first <= RANGE_MAX) {
        const tailEnd = doc.pointAt(m.index + m[0].length + tail[0].length);
        for (let n = first + 1; n < last; n++) {
          referenced.push({ id: idKey(prefix, n), text: `${m[0]}${tail[0]}`, line: start.line, column: start.column, endColumn: tailEnd.column });
        }
        referenced.push({ id: idKey(prefix, last), text: tail[0].trim(), line: start.line, column: end.column, endColumn: tailEnd.column });
        ID.lastIndex = m.index + m[0].length + tail[0].length;
      }
    }
  }

  extractKiro(doc, defined, referenced, skipped);
  const byPosition = (a: SummaryId, b: SummaryId) => a.line - b.line || a.column - b.column;
  defined.sort(byPosition);
  referenced.sort(byPosition);
  return { defined, referenced };
}

/** Kiro requirements and their acceptance criteria; `Requirements: 1.2` citations anywhere. */
function extractKiro(doc: SpecDocument, defined: SummaryId[], referenced: SummaryId[], _skipped: (offset: number) => boolean): void {
  const requirementHeadingLines = new Set<number>();
  for (const section of doc.sections) {
    const m = KIRO_REQUIREMENT_HEADING.exec(section.text);
    if (!m) continue;
    requirementHeadingLines.add(section.line);
    const lineText = doc.lineText(section.line);
    const at = lineText.search(/Requirement/i);
    const number = m[1]!;
    const heading: SummaryId = { id: `R${Number(number)}`, text: `Requirement ${number}`, line: section.line, column: at + 1, endColumn: at + 1 + `Requirement ${number}`.length, in: 'heading' };
    const title = cleanTitle(m[2] ?? '');
    if (title) heading.title = title;
    defined.push(heading);
    // Acceptance criteria: the numbered items of the requirement's section (and its subsections), at the margin.
    const firstLine = doc.pointAt(section.contentStart).line;
    const lastLine = doc.pointAt(Math.max(section.contentStart, section.contentEnd - 1)).line;
    let inFence = false;
    for (let line = firstLine; line <= lastLine; line++) {
      const text = doc.lineText(line);
      if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
      if (inFence) continue;
      const c = KIRO_CRITERION.exec(text);
      if (!c) continue;
      const column = text.indexOf(c[1]!) + 1;
      defined.push({ id: `R${Number(number)}.${Number(c[1])}`, text: `${c[1]}.`, line, column, endColumn: column + c[1]!.length + 1, title: cleanTitle(text.slice(column + c[1]!.length)) });
    }
  }
  // Citations: only where the text says "Requirement(s)" (so `1.2` elsewhere is never read as an id).
  if (!/[Rr]equirement/.test(doc.text)) return;
  for (let line = 1; line <= doc.lineStarts.length; line++) {
    if (requirementHeadingLines.has(line)) continue;
    const text = doc.lineText(line);
    if (!/[Rr]equirement/.test(text)) continue;
    if (_skipped(doc.lineStarts[line - 1]!)) continue;
    KIRO_CITATION.lastIndex = 0;
    for (let m = KIRO_CITATION.exec(text); m; m = KIRO_CITATION.exec(text)) {
      const list = m[1]!;
      const listStart = m.index + m[0].length - list.length;
      // Items and ranges: `1.1, 1.2`, `2.1-2.4`, `3 and 4`.
      const tokens = [...list.matchAll(/(\d{1,4}(?:\.\d{1,3})?)|(-|–|to)/g)];
      let previous: { major: number; minor?: number } | undefined;
      let rangeOpen = false;
      for (const token of tokens) {
        if (token[2]) { rangeOpen = previous !== undefined; continue; }
        const [majorText, minorText] = token[1]!.split('.');
        const current = { major: Number(majorText), minor: minorText === undefined ? undefined : Number(minorText) };
        const column = listStart + token.index! + 1;
        const cite = (major: number, minor: number | undefined, endColumn: number, startColumn = column) => {
          referenced.push({ id: minor === undefined ? `R${major}` : `R${major}.${minor}`, text: token[1]!, line, column: startColumn, endColumn });
        };
        if (rangeOpen && previous && previous.minor !== undefined && current.minor !== undefined && previous.major === current.major && current.minor > previous.minor && current.minor - previous.minor <= RANGE_MAX) {
          for (let minor = previous.minor + 1; minor < current.minor; minor++) cite(current.major, minor, column + token[1]!.length);
        } else if (rangeOpen && previous && previous.minor === undefined && current.minor === undefined && current.major > previous.major && current.major - previous.major <= RANGE_MAX) {
          for (let major = previous.major + 1; major < current.major; major++) cite(major, undefined, column + token[1]!.length);
        }
        cite(current.major, current.minor, column + token[1]!.length);
        previous = current;
        rangeOpen = false;
      }
    }
  }
}

/** Task items with their ids, the ids they cite (their own lines and nested notes, not nested tasks'), and headings. */
export function extractTasks(doc: SpecDocument, referenced: readonly SummaryId[]): SummaryTask[] {
  const tasks: SummaryTask[] = [];
  for (const item of doc.taskItems) {
    if (item.malformed) continue;
    const task: SummaryTask = { line: item.range.start.line, column: item.range.start.column, checked: item.checked };
    const endLine = item.listItem?.position?.end.line ?? task.line;
    if (endLine > task.line) task.endLine = endLine;
    const m = TASK_ID.exec(item.text.trim());
    if (m) task.id = m[1] ?? m[2]!;
    if (item.section.index >= 0) task.heading = item.section.index;
    tasks.push(task);
  }
  if (tasks.length === 0 || referenced.length === 0) return tasks;
  // A citation belongs to the innermost task whose list item holds its line: later (nested) tasks overwrite.
  const owners = new Map<number, SummaryTask>();
  for (const task of tasks) {
    for (let line = task.line; line <= (task.endLine ?? task.line); line++) owners.set(line, task);
  }
  for (const ref of referenced) {
    const owner = owners.get(ref.line);
    if (!owner) continue;
    owner.refs ??= [];
    if (!owner.refs.includes(ref.id)) owner.refs.push(ref.id);
  }
  return tasks;
}
