// Shared by the corpus scripts and the regression test: a collection of ../shared/corpus linted as its own type.
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { toString } from 'mdast-util-to-string';
import { defaultConfig, lintText } from '../src/engine.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import type { Finding, ResolvedConfig } from '../src/types.js';

export const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

export function collections(): string[] {
  if (!existsSync(CORPUS)) return [];
  return globSync('*/_template.md', { cwd: CORPUS }).map((p) => p.split('/')[0]!).sort();
}

/**
 * The recommended config with the collection's `_template.md` registered, plus its `_templates/<name>-template.md`
 * (spec-kit: plan, tasks, checklist) — what a team would write in `types` and `documents`: `<name>.md` files are
 * that type, every other document the collection's main type.
 */
export function collectionConfig(collection: string, file?: string): ResolvedConfig {
  const base = defaultConfig();
  const types = { ...base.types, [collection]: { id: collection, template: readFileSync(join(CORPUS, collection, '_template.md'), 'utf8'), source: `corpus/${collection}/_template.md`, templatePath: join(CORPUS, collection, '_template.md') } };
  for (const extra of globSync('_templates/*-template.md', { cwd: join(CORPUS, collection) })) {
    const id = `${collection}-${extra.replace(/^_templates\//, '').replace(/-template\.md$/, '')}`;
    // (with its path, as a user's config gives it: the file's name says which documents the template is for)
    types[id] = { id, template: readFileSync(join(CORPUS, collection, extra), 'utf8'), source: `corpus/${collection}/${extra}`, templatePath: join(CORPUS, collection, extra) };
  }
  const name = file ? file.split('/').pop()!.replace(/\.md$/, '') : '';
  const inChecklists = file ? /(^|\/)checklists\//.test(file) : false;
  const extra = inChecklists && types[`${collection}-checklist`] ? `${collection}-checklist` : types[`${collection}-${name}`] ? `${collection}-${name}` : undefined;
  if (extra) return { ...base, types, forcedType: { id: extra, reason: 'corpus collection' } };
  // Collections with several templates (spec-kit) also hold documents no template describes (research.md,
  // quickstart.md): those are auto-detected like any file; `spec.md` is the main type.
  if (Object.keys(types).length > Object.keys(base.types).length + 1 && name !== 'spec') return { ...base, types };
  return { ...base, types, forcedType: { id: collection, reason: 'corpus collection' } };
}

export function collectionFiles(collection: string): string[] {
  return globSync('**/*.md', { cwd: join(CORPUS, collection), absolute: true, ignore: ['**/_*.md', '_templates/**'] }).sort();
}

export interface CollectionResult {
  files: Array<{ path: string; text: string; messages: Finding[]; errorCount: number; output?: string }>;
}

export async function lintCollection(collection: string): Promise<CollectionResult> {
  const dir = join(CORPUS, collection);
  const configs = new Map<string, ResolvedConfig>();
  const files = [];
  for (const file of collectionFiles(collection)) {
    const text = readFileSync(file, 'utf8');
    const kind = `${/(^|\/)checklists\//.test(file) ? 'checklists/' : ''}${file.split('/').pop()!}`;
    let config = configs.get(kind);
    if (!config) {
      config = collectionConfig(collection, file);
      configs.set(kind, config);
    }
    const result = await lintText(text, { filePath: file, config, fileExists: existsSync, fix: true });
    files.push({ path: file.slice(dir.length + 1), text, messages: result.messages.filter((m) => !m.suppressed), errorCount: result.errorCount, output: result.output });
  }
  return { files };
}

/** Counts per rule and a hash of every finding: a compact fingerprint of a collection's results. */
export function snapshotOf(result: CollectionResult): { documents: number; clean: number; rules: Record<string, number>; sha256: string } {
  const rules: Record<string, number> = {};
  const lines: string[] = [];
  for (const file of result.files) {
    for (const m of file.messages) {
      rules[m.ruleId] = (rules[m.ruleId] ?? 0) + 1;
      lines.push(`${file.path}:${m.line}:${m.column}:${m.ruleId}:${m.message}`);
    }
  }
  return {
    documents: result.files.length,
    clean: result.files.filter((f) => f.errorCount === 0).length,
    rules: Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b))),
    sha256: createHash('sha256').update(lines.sort().join('\n')).digest('hex'),
  };
}

/** Heading texts of a document (every heading node, in lists and quotes too) and how often each occurs. */
export function headingCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'heading') {
      const heading = toString(node as never).trim().toLowerCase();
      counts.set(heading, (counts.get(heading) ?? 0) + 1);
    }
    for (const child of (node.children ?? []) as Array<typeof node>) walk(child);
  };
  walk(parseMarkdown(text) as never);
  return counts;
}

/**
 * What --fix did wrong on a collection: a heading that occurs more often after the fix than before (a duplicate),
 * or a second --fix that still changes the text. One line per problem.
 */
export async function fixProblems(collection: string, result: CollectionResult): Promise<string[]> {
  const problems: string[] = [];
  const dir = join(CORPUS, collection);
  for (const file of result.files) {
    if (file.output === undefined) continue;
    const before = headingCounts(file.text);
    for (const [heading, count] of headingCounts(file.output)) {
      if (count > Math.max(1, before.get(heading) ?? 0)) problems.push(`${file.path}: "${heading}" ${before.get(heading) ?? 0} → ${count}`);
    }
    const absolute = join(dir, file.path);
    const again = await lintText(file.output, { filePath: absolute, config: collectionConfig(collection, absolute), fileExists: existsSync, fix: true });
    if (again.output !== undefined) problems.push(`${file.path}: a second --fix changes the text again`);
  }
  return problems;
}
