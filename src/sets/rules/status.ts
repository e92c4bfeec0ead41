/**
 * Status against evidence.
 *
 * - status-lags-tasks: a spec, plan or tasks file still says Draft / In Progress while every task of its set is
 *   checked.
 * - status-open-tasks: a document of a set says Complete / Implemented while tasks of the set are open.
 * - supersede-links: a Superseded / Replaced document names its successor, and the successor links back.
 */
import { docsUrl } from '../../rule-helpers.js';
import type { DocumentSummary, SummaryRelation, SummaryTarget } from '../../types.js';
import type { SetRule } from '../context.js';
import { basename, relativePath } from '../context.js';
import { memberSummaries } from '../model.js';
import { displayName, fileNumber } from '../numbers.js';
import type { RelatedLocation, SetRole, SpecSet } from '../types.js';

const RELATED_MAX = 10;

/** `✅ **Complete** (2025-01-02)` → `complete`. */
export function normalizeStatus(status: string): string {
  return status.toLowerCase().replace(/[^\p{L}\p{N}\s-]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** The status is one of the list, or starts with one of them as whole words (`complete - ready for review`). */
export function statusIn(status: string, list: readonly string[]): string | undefined {
  const value = normalizeStatus(status);
  return list.find((entry) => {
    const e = normalizeStatus(entry);
    return value === e || value.startsWith(`${e} `);
  });
}

const statusSchema = { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Status values (case and markup ignored; a status that starts with one of them matches).' };

const LAGGING = ['draft', 'in progress', 'in-progress', 'wip', 'work in progress', 'not started', 'planned', 'planning', 'todo', 'to do', 'ready for implementation', 'ready for planning', 'ready for development', 'ready for execution', 'in development', 'in implementation', 'implementing', 'in design'];
const COMPLETE = ['complete', 'completed', 'done', 'implemented', 'finished', 'shipped', 'delivered', 'released'];

const featureSets = (sets: readonly SpecSet[]) => sets.filter((s) => s.kind !== 'collection');

interface LagOptions {
  statuses: string[];
  roles: SetRole[];
}

export const statusLagsTasks: SetRule<LagOptions> = {
  meta: {
    id: 'status-lags-tasks',
    description: 'A spec, plan or tasks file does not still say Draft or In Progress once every task of its set is done',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('status-lags-tasks'),
    optionsSchema: {
      type: 'object',
      properties: { statuses: statusSchema, roles: { type: 'array', items: { enum: ['spec', 'plan', 'tasks', 'supporting'] }, uniqueItems: true, description: 'Roles whose status is checked.' } },
      additionalProperties: false,
    },
    defaultOptions: { statuses: LAGGING, roles: ['spec', 'plan', 'tasks'] },
    fixable: false,
    tags: ['sets', 'status'],
  },
  check({ sets, summaries, options, enabled, report }) {
    for (const set of featureSets(sets)) {
      const members = memberSummaries(set, summaries);
      const tasksFiles = members.filter((m) => m.role === 'tasks');
      const total = tasksFiles.reduce((n, m) => n + m.summary.tasks.total, 0);
      const checked = tasksFiles.reduce((n, m) => n + m.summary.tasks.checked, 0);
      if (total === 0 || checked < total) continue;
      for (const member of members) {
        const { status, statusAt } = member.summary;
        if (!status || !statusAt || !enabled(member.path)) continue;
        const opts = options(member.path);
        if (!opts.roles.includes(member.role) || !statusIn(status, opts.statuses)) continue;
        const where = tasksFiles.map((t) => basename(t.path)).join(', ');
        report({
          filePath: member.path, line: statusAt.line, column: statusAt.column, endColumn: statusAt.endColumn,
          message: `Status lags: "${status}" while all ${total} task${total === 1 ? '' : 's'} in ${where} ${total === 1 ? 'is' : 'are'} done — set the status to Complete (or Implemented), or reopen the work that is not done`,
          key: `lags:${normalizeStatus(status)}`,
          related: tasksFiles.map((t) => ({ filePath: t.path, line: t.summary.tasks.items[t.summary.tasks.items.length - 1]?.line ?? 1, column: 1, message: `${t.summary.tasks.total} tasks, all checked` })),
        });
      }
    }
  },
};

interface OpenOptions {
  statuses: string[];
  /** Roles whose status is checked. */
  roles: SetRole[];
  /** Roles whose open task items count. */
  taskRoles: SetRole[];
}

export const statusOpenTasks: SetRule<OpenOptions> = {
  meta: {
    id: 'status-open-tasks',
    description: 'A document of a set does not say Complete or Implemented while tasks anywhere in the set are open',
    defaultSeverity: 'error',
    docsUrl: docsUrl('status-open-tasks'),
    optionsSchema: {
      type: 'object',
      properties: {
        statuses: statusSchema,
        roles: { type: 'array', items: { enum: ['spec', 'plan', 'tasks', 'supporting'] }, uniqueItems: true, description: 'Roles whose status is checked.' },
        taskRoles: { type: 'array', items: { enum: ['spec', 'plan', 'tasks', 'supporting'] }, uniqueItems: true, description: 'Roles whose open task items count.' },
      },
      additionalProperties: false,
    },
    // A research.md that says "Status: Complete" is about the research; a runbook's checklist is run each release.
    defaultOptions: { statuses: COMPLETE, roles: ['spec', 'plan', 'tasks'], taskRoles: ['tasks'] },
    fixable: false,
    tags: ['sets', 'status'],
  },
  check({ sets, summaries, options, enabled, report }) {
    for (const set of featureSets(sets)) {
      const members = memberSummaries(set, summaries);
      for (const member of members) {
        const { status, statusAt } = member.summary;
        if (!status || !statusAt || !enabled(member.path)) continue;
        const opts = options(member.path);
        if (!opts.roles.includes(member.role) || !statusIn(status, opts.statuses)) continue;
        let total = 0;
        const open: RelatedLocation[] = [];
        let openCount = 0;
        for (const other of members) {
          if (!opts.taskRoles.includes(other.role)) continue;
          total += other.summary.tasks.total;
          for (const task of other.summary.tasks.items) {
            if (task.checked) continue;
            openCount++;
            if (open.length < RELATED_MAX) open.push({ filePath: other.path, line: task.line, column: task.column, endColumn: task.column + 3, message: `open task${task.id ? ` ${task.id}` : ''}` });
          }
        }
        if (openCount === 0) continue;
        const sample = open.slice(0, 3).map((o) => `${basename(o.filePath)}:${o.line}${o.message.replace(/^open task/, '')}`).join(', ');
        report({
          filePath: member.path, line: statusAt.line, column: statusAt.column, endColumn: statusAt.endColumn,
          message: `Status is "${status}" but ${openCount} of ${total} task${total === 1 ? '' : 's'} in the set ${openCount === 1 ? 'is' : 'are'} open (${sample}${openCount > 3 ? ', …' : ''}): finish and check them, or change the status`,
          key: `open:${normalizeStatus(status)}`,
          related: open,
        });
      }
    }
  },
};

/* ------------------------------------------------------------------ supersede-links */

interface SupersedeOptions {
  statuses: string[];
}

const SUPERSEDED = ['superseded', 'replaced', 'obsoleted', 'obsolete'];

/** The collection number of a document: from its file name, else its title or metadata. */
function numberOf(path: string, summary: DocumentSummary): number | undefined {
  return fileNumber(path)?.value ?? summary.numbers?.[0]?.value;
}

export const supersedeLinks: SetRule<SupersedeOptions> = {
  meta: {
    id: 'supersede-links',
    description: 'A Superseded or Replaced document links to its successor, and the successor links back',
    defaultSeverity: 'warn',
    docsUrl: docsUrl('supersede-links'),
    optionsSchema: { type: 'object', properties: { statuses: statusSchema }, additionalProperties: false },
    defaultOptions: { statuses: SUPERSEDED },
    fixable: false,
    tags: ['sets', 'status'],
  },
  check({ sets, summaries, options, enabled, resolve, report }) {
    // Numbers resolve within the document's collection.
    const collectionOf = new Map<string, SpecSet>();
    for (const set of sets) if (set.kind === 'collection') for (const m of set.members) collectionOf.set(m.path, set);
    const byNumber = (path: string, number: number): string | undefined => {
      const set = collectionOf.get(path);
      if (!set) return undefined;
      return set.members.find((m) => m.role === 'document' && m.path !== path && summaries.get(m.path) && numberOf(m.path, summaries.get(m.path)!) === number)?.path;
    };
    const targetPath = (from: string, target: SummaryTarget): string | undefined =>
      (target.url ? resolve(from, target.url) : undefined) ?? (target.number !== undefined ? byNumber(from, target.number) : undefined);

    for (const [path, summary] of summaries) {
      if (!enabled(path)) continue;
      const successors = (summary.relations ?? []).filter((r) => r.kind === 'superseded-by');
      const { status, statusAt } = summary;
      if (status && statusAt && statusIn(status, options(path).statuses) && !successors.some((r) => r.targets.length > 0)) {
        report({
          filePath: path, line: statusAt.line, column: statusAt.column, endColumn: statusAt.endColumn,
          message: `Status is "${status}" but the document does not say what supersedes it: add a "Superseded-by" field (or "Superseded by [the successor](link)" in the status)`,
          key: 'no-successor',
          related: [],
        });
      }
      for (const relation of successors) {
        for (const target of relation.targets) {
          const successor = targetPath(path, target);
          const other = successor === undefined ? undefined : summaries.get(successor);
          if (!successor || !other || successor === path || !enabled(successor)) continue;
          if (linksBack(successor, other, path, summary, resolve)) continue;
          const heading = other.headings.find((h) => h.level === 1);
          report({
            filePath: successor, line: heading?.line ?? 1, column: 1,
            message: `${displayName(path)} says it is superseded by this document, but this document does not link back: add "Replaces: [${displayName(path)}](${relativePath(successor, path)})", or another link to it`,
            key: `no-backlink:${displayName(path)}`,
            related: [relatedAt(path, relation, `${displayName(path)} names this document as its successor`)],
          });
        }
      }
    }
  },
};

function relatedAt(path: string, relation: SummaryRelation, message: string): RelatedLocation {
  return { filePath: path, line: relation.line, column: relation.column, endColumn: relation.endColumn, message };
}

/** A `replaces` relation naming the predecessor, or any link to it (by path, or by file name for absolute URLs). */
function linksBack(path: string, summary: DocumentSummary, predecessor: string, predecessorSummary: DocumentSummary, resolve: (from: string, url: string) => string | undefined): boolean {
  const name = displayName(predecessor);
  const number = numberOf(predecessor, predecessorSummary);
  for (const relation of summary.relations ?? []) {
    if (relation.kind !== 'replaces') continue;
    for (const target of relation.targets) {
      if (target.url && (resolve(path, target.url) === predecessor || target.url.endsWith(`/${name}`))) return true;
      if (target.number !== undefined && target.number === number) return true;
    }
  }
  return summary.links.some((l) => resolve(path, l.url) === predecessor || l.url.replace(/[?#].*$/, '').endsWith(`/${name}`) || l.url === name);
}
