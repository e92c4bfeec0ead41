/**
 * A feature set (spec-kit, Kiro, custom) read from its members' summaries: what the spec defines, which id
 * families it uses, and each task with every id it cites (on its own lines, or in a heading above it:
 * `## Phase 3: User Story 1 - …` makes every task of the phase a task of story 1).
 */
import type { DocumentSummary, SummaryId, SummaryTask } from '../types.js';
import type { SetMember, SetRole, SpecSet } from './types.js';

export interface MemberSummary {
  path: string;
  role: SetRole;
  summary: DocumentSummary;
}

export interface TaskEntry {
  path: string;
  task: SummaryTask;
  /** Ids the task cites itself or through a heading above it. */
  ids: Set<string>;
  /** Ids the task cites itself. */
  own: Set<string>;
}

export interface Definition {
  path: string;
  id: SummaryId;
}

export interface SetModel {
  set: SpecSet;
  members: MemberSummary[];
  specs: MemberSummary[];
  /** Every definition in the spec file(s), by canonical id, in document order. */
  definitions: Map<string, Definition[]>;
  /** Whether the spec defines an id: itself, or a sub-id of it (`FR-2a` defines `FR-2`), or its parent. */
  isDefined(id: string): boolean;
  /** Id families the spec uses (`FR`, `SC`, `US`, `R` for Kiro): only references in these are checked. */
  families: Set<string>;
  /** Tasks of the `tasks` members. */
  tasks: TaskEntry[];
}

/** Families that are ids with one definition (others need two, so that one `- **SHA-256**: …` is not a family). */
const KNOWN_FAMILIES = new Set(['FR', 'NFR', 'SC', 'REQ', 'AC', 'UC', 'BR', 'TR', 'SR', 'US', 'R']);

export function familyOf(id: string): string {
  const kiro = /^R\d/.exec(id);
  if (kiro) return 'R';
  return id.replace(/-\d+[a-z]?$/, '');
}

export function isStory(id: string): boolean {
  return id.startsWith('US-') || /^R\d+$/.test(id);
}

export function memberSummaries(set: SpecSet, summaries: ReadonlyMap<string, DocumentSummary>): MemberSummary[] {
  const out: MemberSummary[] = [];
  for (const member of set.members as SetMember[]) {
    const summary = summaries.get(member.path);
    if (summary) out.push({ path: member.path, role: member.role, summary });
  }
  return out;
}

/**
 * Ids each heading stands for: those cited on the heading line, and — below the title — those cited in the
 * section's introduction, before its first task (`**Goal**: … This phase delivers User Story 3`). And each
 * heading's parent (by level).
 */
function headingIds(summary: DocumentSummary): { ids: Map<number, Set<string>>; parent: number[] } {
  const headings = summary.headings;
  const firstTask = new Map<number, number>();
  for (const task of summary.tasks.items) {
    if (task.heading !== undefined && !firstTask.has(task.heading)) firstTask.set(task.heading, task.line);
  }
  const ids = new Map<number, Set<string>>();
  let h = -1;
  for (const ref of [...summary.ids.referenced, ...summary.ids.defined].sort((a, b) => a.line - b.line)) {
    while (h + 1 < headings.length && headings[h + 1]!.line <= ref.line) h++;
    if (h < 0) continue;
    const heading = headings[h]!;
    const onHeading = heading.line === ref.line;
    const inIntro = !onHeading && heading.level > 1 && ref.line < (firstTask.get(h) ?? Infinity);
    if (!onHeading && !inIntro) continue;
    const set = ids.get(h) ?? new Set<string>();
    set.add(ref.id);
    ids.set(h, set);
  }
  const parent: number[] = [];
  const stack: number[] = [];
  headings.forEach((heading, i) => {
    while (stack.length > 0 && headings[stack[stack.length - 1]!]!.level >= heading.level) stack.pop();
    parent[i] = stack.length > 0 ? stack[stack.length - 1]! : -1;
    stack.push(i);
  });
  return { ids, parent };
}

export function taskEntries(path: string, summary: DocumentSummary): TaskEntry[] {
  const { ids: byHeading, parent } = headingIds(summary);
  const inherited = new Map<number, Set<string>>();
  const idsAbove = (heading: number): Set<string> => {
    const known = inherited.get(heading);
    if (known) return known;
    const set = new Set<string>(byHeading.get(heading) ?? []);
    const up = parent[heading] ?? -1;
    if (up >= 0) for (const id of idsAbove(up)) set.add(id);
    inherited.set(heading, set);
    return set;
  };
  return summary.tasks.items.map((task) => {
    const own = new Set(task.refs ?? []);
    const ids = new Set(own);
    if (task.heading !== undefined && task.heading >= 0) for (const id of idsAbove(task.heading)) ids.add(id);
    return { path, task, ids, own };
  });
}

export function buildSetModel(set: SpecSet, summaries: ReadonlyMap<string, DocumentSummary>): SetModel {
  const members = memberSummaries(set, summaries);
  const specs = members.filter((m) => m.role === 'spec');
  const definitions = new Map<string, Definition[]>();
  for (const spec of specs) {
    for (const id of spec.summary.ids.defined) {
      const list = definitions.get(id.id) ?? [];
      list.push({ path: spec.path, id });
      definitions.set(id.id, list);
    }
  }
  const perFamily = new Map<string, number>();
  for (const id of definitions.keys()) perFamily.set(familyOf(id), (perFamily.get(familyOf(id)) ?? 0) + 1);
  const families = new Set<string>();
  for (const [family, count] of perFamily) if (KNOWN_FAMILIES.has(family) || count >= 2) families.add(family);
  const tasks = members.filter((m) => m.role === 'tasks').flatMap((m) => taskEntries(m.path, m.summary));
  const defined = new Set<string>();
  for (const id of definitions.keys()) {
    defined.add(id);
    const parent = /^(.*-\d+)[a-z]$/.exec(id);
    if (parent) defined.add(parent[1]!);
  }
  const isDefined = (id: string) => defined.has(id) || defined.has(id.replace(/^(.*-\d+)[a-z]$/, '$1'));
  return { set, members, specs, definitions, isDefined, families, tasks };
}

/** `FR-001 to FR-012`, `US1, US2, US3`, `1.1 to 1.4`: the ids of a family as the spec writes them. */
export function describeFamily(model: SetModel, family: string, within?: (id: string) => boolean, show: (id: string) => string = (id) => id): string {
  const ids = [...model.definitions.entries()]
    .filter(([id]) => familyOf(id) === family && (!within || within(id)))
    .map(([, defs]) => defs[0]!.id);
  if (ids.length === 0) return 'none';
  const texts = ids.map((id) => (/^R\d/.test(id.id) ? show(id.id) : displayId(id)));
  if (texts.length <= 4) return texts.join(', ');
  return `${texts.length}, ${texts[0]} to ${texts[texts.length - 1]}`;
}

/** An id as people write it: `FR-001` as defined, `US3`, `requirement 1.2`. */
export function displayId(id: SummaryId | string): string {
  const key = typeof id === 'string' ? id : id.id;
  if (/^R\d/.test(key)) return `requirement ${key.slice(1)}`;
  if (key.startsWith('US-')) return `US${key.slice(3)}`;
  if (typeof id !== 'string' && /^[A-Z][A-Z0-9]*[-_]\d+$/.test(id.text)) return id.text;
  return key;
}
