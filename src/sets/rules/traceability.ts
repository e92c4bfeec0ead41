/**
 * Traceability inside a feature set: spec → plan → tasks.
 *
 * - trace-undefined-id: a plan, tasks or supporting file cites an id (FR-013, [US4], `_Requirements: 2.5_`) of a
 *   family the spec uses, and the spec does not define it.
 * - trace-uncovered: a story (or, when asked, a requirement) that no task cites.
 * - trace-duplicate-id: one id defined twice in the spec with different meanings; one task id used twice.
 * - trace-story-renamed: a heading in the plan or tasks names a story by a title the spec no longer gives it.
 */
import { docsUrl } from '../../rule-helpers.js';
import type { SummaryId } from '../../types.js';
import type { SetRule } from '../context.js';
import { basename } from '../context.js';
import { buildSetModel, describeFamily, displayId, familyOf, isStory, type SetModel } from '../model.js';
import type { RelatedLocation, SetRole, SpecSet } from '../types.js';

const RELATED_MAX = 10;

const featureSets = (sets: readonly SpecSet[]) => sets.filter((s) => s.kind !== 'collection');
const byPosition = (a: SummaryId, b: SummaryId) => a.line - b.line || a.column - b.column;

function noun(id: string): string {
  if (id.startsWith('US-')) return `user story ${id.slice(3)}`;
  if (/^R\d+$/.test(id)) return `requirement ${id.slice(1)}`;
  if (/^R\d/.test(id)) return `acceptance criterion ${id.slice(1)}`;
  return id;
}

const capitalize = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;

function specNames(model: SetModel): string {
  return model.specs.map((s) => basename(s.path)).join(', ');
}

/* ------------------------------------------------------------------ trace-undefined-id */

interface UndefinedOptions {
  /** Roles whose citations are checked. */
  from: SetRole[];
}

export const traceUndefinedId: SetRule<UndefinedOptions> = {
  meta: {
    id: 'trace-undefined-id',
    description: 'Ids cited in a plan or tasks file (FR-001, SC-002, US1, Kiro "_Requirements: 1.2_") are defined in the set\'s spec',
    defaultSeverity: 'error',
    docsUrl: docsUrl('trace-undefined-id'),
    optionsSchema: {
      type: 'object',
      properties: { from: { type: 'array', items: { enum: ['plan', 'tasks', 'supporting'] }, uniqueItems: true, description: 'Roles of the set whose citations are checked.' } },
      additionalProperties: false,
    },
    defaultOptions: { from: ['plan', 'tasks', 'supporting'] },
    fixable: false,
    tags: ['sets', 'traceability'],
  },
  check({ sets, summaries, options, enabled, report }) {
    for (const set of featureSets(sets)) {
      const model = buildSetModel(set, summaries);
      if (model.specs.length === 0 || model.families.size === 0) continue;
      for (const member of model.members) {
        if (member.role === 'spec' || !enabled(member.path) || !options(member.path).from.includes(member.role)) continue;
        const missing = new Map<string, SummaryId[]>();
        for (const id of [...member.summary.ids.referenced, ...member.summary.ids.defined]) {
          if (!model.families.has(familyOf(id.id)) || model.isDefined(id.id)) continue;
          const list = missing.get(id.id) ?? [];
          list.push(id);
          missing.set(id.id, list);
        }
        for (const [key, occurrences] of missing) {
          occurrences.sort(byPosition);
          const first = occurrences[0]!;
          const family = familyOf(key);
          const where = specNames(model);
          const times = occurrences.length > 1 ? `; cited ${occurrences.length} times here` : '';
          let message: string;
          const criterion = /^R(\d+)\.\d+$/.exec(key);
          if (criterion && model.isDefined(`R${criterion[1]}`)) {
            const known = describeFamily(model, family, (id) => id.startsWith(`R${criterion[1]}.`), (id) => id.slice(1));
            message = `Acceptance criterion ${key.slice(1)} is not in ${where} (requirement ${criterion[1]} has ${known}${times}): define it in the spec, or correct the reference`;
          } else if (family === 'R') {
            const parent = criterion ? `R${criterion[1]}` : key;
            const known = describeFamily(model, family, (id) => /^R\d+$/.test(id), (id) => id.slice(1));
            message = `${capitalize(noun(parent))} is not in ${where} (it has requirements ${known}${times}): the requirement was removed or renumbered — update the reference, or restore it in the spec`;
          } else if (isStory(key)) {
            const known = describeFamily(model, family, (id) => isStory(id));
            message = `${capitalize(noun(key))} is not in ${where} (it has ${known}${times}): the story was removed or renumbered — update the reference, or restore the story in the spec`;
          } else {
            const known = describeFamily(model, family, (id) => !isStory(id));
            message = `${first.text} is not defined in ${where} (it has ${known}${times}): define it in the spec, or correct the reference`;
          }
          const related: RelatedLocation[] = [];
          const lastOfFamily = [...model.definitions.values()].map((d) => d[0]!).filter((d) => familyOf(d.id.id) === family).pop();
          if (lastOfFamily) related.push({ filePath: lastOfFamily.path, line: lastOfFamily.id.line, column: lastOfFamily.id.column, endColumn: lastOfFamily.id.endColumn, message: `last ${family === 'US' ? 'story' : family === 'R' ? 'requirement' : family} the spec defines` });
          for (const other of occurrences.slice(1, RELATED_MAX + 1)) related.push({ filePath: member.path, line: other.line, column: other.column, endColumn: other.endColumn, message: `also cited here` });
          report({ filePath: member.path, line: first.line, column: first.column, endColumn: first.endColumn, message, key: `undefined:${key}`, related });
        }
      }
    }
  },
};

/* ------------------------------------------------------------------ trace-uncovered */

interface UncoveredOptions {
  stories: boolean;
  requirements: boolean;
  /** Families that are requirements (when `requirements` is on); `R` is Kiro's acceptance criteria. */
  requirementPrefixes: string[];
}

export const traceUncovered: SetRule<UncoveredOptions> = {
  meta: {
    id: 'trace-uncovered',
    description: 'Every user story (and, when asked, every requirement) of a spec has at least one task',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('trace-uncovered'),
    optionsSchema: {
      type: 'object',
      properties: {
        stories: { type: 'boolean', description: 'Stories (US1, User Story 1, Kiro "Requirement 1") need a task.' },
        requirements: { type: 'boolean', description: 'Requirements need a task that cites them by id.' },
        requirementPrefixes: { type: 'array', items: { type: 'string', pattern: '^[A-Z][A-Z0-9]*$' }, description: 'Id prefixes that are requirements; R is Kiro\'s acceptance criteria (1.1, 1.2).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { stories: true, requirements: false, requirementPrefixes: ['FR', 'NFR', 'REQ', 'R'] },
    fixable: false,
    tags: ['sets', 'traceability'],
  },
  check({ sets, summaries, options, enabled, report }) {
    for (const set of featureSets(sets)) {
      const model = buildSetModel(set, summaries);
      const tasksFiles = model.members.filter((m) => m.role === 'tasks');
      if (model.specs.length === 0 || tasksFiles.length === 0 || model.tasks.length === 0) continue;
      const cited = new Set<string>();
      for (const task of model.tasks) for (const id of task.ids) cited.add(id);
      // A set whose tasks never name a story (tasks grouped by phase only) says nothing about story coverage.
      const citesStories = new Set([...cited].filter(isStory).map(familyOf));
      const kiroCited = [...cited].some((id) => /^R\d/.test(id));
      if (kiroCited) citesStories.add('R');
      const where = tasksFiles.map((t) => basename(t.path)).join(', ');
      for (const [key, defs] of model.definitions) {
        const def = defs[0]!;
        if (!enabled(def.path)) continue;
        const opts = options(def.path);
        const family = familyOf(key);
        const story = isStory(key);
        if (story ? !opts.stories || !citesStories.has(family) : !opts.requirements || !opts.requirementPrefixes.includes(family)) continue;
        const covered = cited.has(key) || (/^R\d+$/.test(key) && [...cited].some((id) => id.startsWith(`${key}.`)));
        if (covered) continue;
        const title = def.id.title ? ` "${def.id.title}"` : '';
        const kiro = /^R\d/.test(key);
        const label = key.startsWith('US-') ? `[US${key.slice(3)}]` : kiro ? `_Requirements: ${key.slice(1)}${/^R\d+$/.test(key) ? '.1' : ''}_` : def.id.text;
        const Noun = `${noun(key)[0]!.toUpperCase()}${noun(key).slice(1)}`;
        const message = story
          ? `${Noun}${title} has no task in ${where}: add tasks that cite it (${label}${kiro ? '' : ', or under a heading naming it'}), or remove the ${kiro ? 'requirement' : 'story'}`
          : `${kiro ? Noun : displayId(def.id)} is not cited by any task in ${where}: cite it (${label}) in the task that implements it, or turn off the "requirements" option of trace-uncovered`;
        report({
          filePath: def.path, line: def.id.line, column: def.id.column, endColumn: def.id.endColumn, message, key: `uncovered:${key}`,
          related: tasksFiles.map((t) => ({ filePath: t.path, line: 1, column: 1, message: 'the tasks' })),
        });
      }
    }
  },
};

/* ------------------------------------------------------------------ trace-duplicate-id */

const normalizeTitle = (title: string | undefined) => (title ?? '').toLowerCase().replace(/…$/, '').replace(/[^\p{L}\p{N}]+/gu, '');

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'or', 'and', 'to', 'as', 'in', 'on', 'for', 'with', 'by', 'is', 'are', 'be', 'from', 'at', 'via', '与', '和', '的', '及']);

/** Words of a title, lightly stemmed (`Services` → `servic`, `parsing` → `pars`); CJK text by character. */
function titleWords(title: string): Set<string> {
  const words = new Set<string>();
  const text = title.toLowerCase().replace(/…$/, '');
  for (const token of text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP_WORDS.has(token)) continue;
    words.add(token.length > 4 ? token.replace(/(?:ing|ed|es|s)$/, '') : token);
  }
  return words;
}

/**
 * Whether two titles name the same thing: equal once markup and punctuation are gone, one a prefix of the other,
 * or more than half of the shorter title's words in the longer one (a heading may abbreviate the story's title).
 */
export function sameTitle(a: string | undefined, b: string | undefined): boolean {
  const x = normalizeTitle(a);
  const y = normalizeTitle(b);
  if (x === '' || y === '') return true;
  if (x === y || x.startsWith(y) || y.startsWith(x)) return true;
  const wa = titleWords(a!);
  const wb = titleWords(b!);
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0) return true;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size > 0.5;
}

export const traceDuplicateId: SetRule = {
  meta: {
    id: 'trace-duplicate-id',
    description: 'An id names one thing across a set: no story, requirement or task id defined twice',
    defaultSeverity: 'error',
    docsUrl: docsUrl('trace-duplicate-id'),
    fixable: false,
    tags: ['sets', 'traceability'],
  },
  check({ sets, summaries, enabled, report }) {
    for (const set of featureSets(sets)) {
      const model = buildSetModel(set, summaries);
      // Definitions in the spec: two headings for one story, or two definitions that say different things.
      // Summary tables (an id in a first cell) restate; a heading and a list item with the same title restate.
      for (const [key, defs] of model.definitions) {
        const strong = defs.filter((d) => d.id.in !== 'table');
        for (let i = 1; i < strong.length; i++) {
          const later = strong[i]!;
          const earlier = strong.slice(0, i).find((d) => (d.id.in === 'heading' && later.id.in === 'heading') || !sameTitle(d.id.title, later.id.title));
          if (!earlier || !enabled(later.path)) continue;
          const place = earlier.path === later.path ? `line ${earlier.id.line}` : `${basename(earlier.path)}:${earlier.id.line}`;
          report({
            filePath: later.path, line: later.id.line, column: later.id.column, endColumn: later.id.endColumn,
            message: `${capitalize(displayId(later.id))} is defined twice (also on ${place}${earlier.id.title ? `, "${earlier.id.title}"` : ''}): give one of them the next free id`,
            key: `duplicate:${key}`,
            related: [{ filePath: earlier.path, line: earlier.id.line, column: earlier.id.column, endColumn: earlier.id.endColumn, message: 'first definition' }],
          });
        }
      }
      // Task ids across the tasks files of the set: T001 twice, or Kiro's 2.1 twice. A block of tasks pasted twice
      // is one finding (consecutive repeats in one file), not one per task.
      const seen = new Map<string, { path: string; line: number; column: number }>();
      let run: Array<{ id: string; path: string; line: number; column: number; first: { path: string; line: number; column: number } }> = [];
      const flush = () => {
        if (run.length === 0) return;
        const head = run[0]!;
        const last = run[run.length - 1]!;
        if (enabled(head.path)) {
          const place = (p: { path: string; line: number }) => (p.path === head.path ? `line ${p.line}` : `${basename(p.path)}:${p.line}`);
          const message = run.length === 1
            ? `Task id ${head.id} is used twice (also on ${place(head.first)}): renumber one of the tasks`
            : `Task ids ${head.id} to ${last.id} (${run.length} tasks) are used twice (also on ${place(head.first).replace(/^line /, 'lines ')} to ${place(last.first).replace(/^line /, '')}): a block of tasks repeated? Remove the copy, or renumber it`;
          report({
            filePath: head.path, line: head.line, column: head.column, endColumn: head.column + 3,
            message,
            key: `duplicate-task:${head.id}`,
            related: run.slice(0, 10).map((r) => ({ filePath: r.first.path, line: r.first.line, column: r.first.column, message: `first task ${r.id}` })),
          });
        }
        run = [];
      };
      let previousIndex = -2;
      model.tasks.forEach((entry, index) => {
        const id = entry.task.id;
        if (!id || (!/^T\d+/.test(id) && set.kind !== 'kiro')) return;
        const first = seen.get(id);
        if (!first) {
          seen.set(id, { path: entry.path, line: entry.task.line, column: entry.task.column });
          return;
        }
        if (index !== previousIndex + 1 || (run.length > 0 && run[0]!.path !== entry.path)) flush();
        run.push({ id, path: entry.path, line: entry.task.line, column: entry.task.column, first });
        previousIndex = index;
      });
      flush();
    }
  },
};

/* ------------------------------------------------------------------ trace-story-renamed */

const PROSE_STOP_WORDS = new Set([
  ...STOP_WORDS, 'this', 'that', 'these', 'those', 'it', 'its', 'can', 'will', 'must', 'should', 'may', 'not', 'no', 'all',
  'any', 'each', 'when', 'then', 'given', 'if', 'so', 'but', 'than', 'into', 'only', 'also', 'without', 'after', 'before',
  'user', 'users', 'story', 'phase', 'priority', 'goal', 'test', 'independent', 'verify', 'confirm', 'check', 'ensure',
]);

/** Content words of prose (stemmed like titles); CJK text by pairs of characters, since a word has no spaces. */
function proseWords(text: string): Set<string> {
  const words = new Set<string>();
  const lower = text.toLowerCase();
  for (const run of lower.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu) ?? []) {
    if (run.length === 1) words.add(run);
    for (let i = 0; i + 1 < run.length; i++) words.add(run.slice(i, i + 2));
  }
  for (const token of lower.match(/[\p{Script=Latin}\p{N}]+/gu) ?? []) {
    if (token.length < 3 || PROSE_STOP_WORDS.has(token) || /^\d+$/.test(token)) continue;
    words.add(token.length > 4 ? token.replace(/(?:ing|ed|es|s)$/, '') : token);
  }
  return words;
}

/**
 * Which of the spec's stories a plan or tasks heading describes, from what its section says (the title and the
 * opening prose: goal, independent test) against what each story of the spec says. Words are weighted by how few
 * stories use them, so the feature's own vocabulary (shared by every story) does not decide. The heading is the
 * story `id` when that story scores best, clearly (`STORY_MATCH_MIN`), and ahead of the next one (`STORY_MATCH_MARGIN`).
 */
const STORY_MATCH_MIN = 0.45;
const STORY_MATCH_MARGIN = 0.15;

type StoryText = { title?: string; about?: string };

/** A test of "this heading describes story `id`" over one spec's stories (their words and weights found once). */
function storyMatcher(stories: ReadonlyMap<string, StoryText>): (id: string, heading: StoryText) => boolean {
  const bags = new Map([...stories].map(([key, story]) => [key, proseWords(`${story.title ?? ''} ${story.about ?? ''}`)]));
  const df = new Map<string, number>();
  for (const bag of bags.values()) for (const word of bag) df.set(word, (df.get(word) ?? 0) + 1);
  const n = Math.max(1, bags.size);
  const weight = (word: string) => Math.log(1 + n / (df.get(word) ?? 1));
  return (id, heading) => {
    if (!heading.about || !stories.get(id)?.about) return false;
    const query = proseWords(`${heading.title ?? ''} ${heading.about}`);
    let total = 0;
    for (const word of query) total += weight(word);
    if (total === 0) return false;
    let own = 0;
    let other = 0;
    for (const [key, bag] of bags) {
      let shared = 0;
      for (const word of query) if (bag.has(word)) shared += weight(word);
      if (key === id) own = shared / total;
      else other = Math.max(other, shared / total);
    }
    return own >= STORY_MATCH_MIN && own - other >= STORY_MATCH_MARGIN;
  };
}

export const traceStoryRenamed: SetRule = {
  meta: {
    id: 'trace-story-renamed',
    description: 'A heading in the plan or tasks names each story by the title the spec gives it',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('trace-story-renamed'),
    fixable: false,
    tags: ['sets', 'traceability'],
  },
  check({ sets, summaries, enabled, report }) {
    for (const set of featureSets(sets)) {
      const model = buildSetModel(set, summaries);
      // The spec's stories with what they say, for telling a short label or a synonym from another story.
      const stories = new Map<string, StoryText>();
      for (const [key, defs] of model.definitions) {
        if (!key.startsWith('US-')) continue;
        const def = defs.find((d) => d.id.title) ?? defs[0]!;
        stories.set(key, { title: def.id.title, about: defs.find((d) => d.id.about)?.id.about });
      }
      const describesStory = storyMatcher(stories);
      for (const member of model.members) {
        if (member.role === 'spec' || !enabled(member.path)) continue;
        const occurrences = [...member.summary.ids.referenced, ...member.summary.ids.defined].sort(byPosition);
        for (const id of occurrences) {
          if (!isStory(id.id) || id.in !== 'heading' || !id.title) continue;
          const def = model.definitions.get(id.id)?.find((d) => d.id.title);
          if (!def || sameTitle(def.id.title, id.title)) continue;
          // Evidence that it is the same story under a short label, a synonym or the name of a slice of it:
          // the document itself maps the id to the spec's title elsewhere (`[US2] = Company Management`), or
          // the heading's section (goal, independent test) describes this story of the spec and no other.
          const mapped = occurrences.some((other) => other.id === id.id && other.in !== 'heading' && other.title && sameTitle(def.id.title, other.title));
          if (mapped || (id.id.startsWith('US-') && describesStory(id.id, id))) continue;
          report({
            filePath: member.path, line: id.line, column: id.column, endColumn: id.endColumn,
            message: `This heading calls ${noun(id.id)} "${id.title}", ${basename(def.path)} calls it "${def.id.title}", and what the section says does not match that story: the story was renamed, renumbered or re-split — update the heading (and check that its tasks still fit)`,
            key: `renamed:${id.id}`,
            related: [{ filePath: def.path, line: def.id.line, column: def.id.column, endColumn: def.id.endColumn, message: 'the story in the spec' }],
          });
        }
      }
    }
  },
};
