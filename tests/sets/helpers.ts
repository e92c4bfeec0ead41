/** Lint a folder (or an in-memory tree) with the real core and run the set rules over the summaries. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintText } from '../../src/engine.js';
import { checkSets, discoverSets, setRules } from '../../src/sets/index.js';
import type { CheckSetsOptions, CrossFinding, SetsConfig, SpecSet } from '../../src/sets/index.js';
import type { DocumentSummary, ResolvedRuleConfig } from '../../src/types.js';

export function markdownFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(root, path));
    else if (/\.md$/.test(name)) out.push(relative(root, path).split('\\').join('/'));
  }
  return out;
}

export async function summariesOf(files: Record<string, string>): Promise<Map<string, DocumentSummary>> {
  const summaries = new Map<string, DocumentSummary>();
  for (const [path, text] of Object.entries(files)) {
    const result = await lintText(text, { filePath: path });
    summaries.set(path, result.summary!);
  }
  return summaries;
}

export function readTree(root: string): Record<string, string> {
  return Object.fromEntries(markdownFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
}

/** Only `ruleId` on (at error unless given), with `options`. */
export function only(ruleId: string, options: Record<string, unknown> = {}, severity: ResolvedRuleConfig['severity'] = 'error'): CheckSetsOptions['ruleConfig'] {
  return (id) => (id === ruleId ? { severity, options } : { severity: 'off', options: {} });
}

export async function runSets(files: Record<string, string>, config?: SetsConfig, options: CheckSetsOptions = {}): Promise<{ sets: SpecSet[]; findings: CrossFinding[]; summaries: Map<string, DocumentSummary> }> {
  const summaries = await summariesOf(files);
  const sets = discoverSets(Object.keys(files), config);
  return { sets, findings: checkSets(sets, summaries, { ...options, config }), summaries };
}

export const formatFinding = (f: CrossFinding) => `${f.filePath}:${f.line}:${f.column} ${f.message}`;

export const ruleIds = setRules.map((r) => r.meta.id);
