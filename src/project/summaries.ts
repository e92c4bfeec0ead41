/**
 * Summary files: how shards share their part of a project. `speclint --shard i/n --summaries-out part-i.json`
 * writes each linted file's result (findings before baselines) and summary; `speclint sets --from part-*.json`
 * reads them all back, runs the set rules over the whole project's summaries and reports everything as one run.
 * Paths are relative to the working directory of the shard, which the merging job must share (the checkout root).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SpeclintError } from '../errors.js';
import { writeFileAtomic } from './write.js';
import { recount } from './sets.js';
import { setRules } from '../sets/rules/index.js';
import { DIRECTIVES_RULE_ID } from '../directives.js';
import type { FileReport, Notification } from '../reporters/types.js';
import type { LintResult } from '../types.js';

export const SUMMARIES_FORMAT = 1;

interface SummariesFile {
  speclintSummaries: number;
  version: string;
  shard?: string;
  results: Array<LintResult & { filePath: string }>;
  notifications: Notification[];
}

export function writeSummaries(target: string, reports: readonly FileReport[], notifications: readonly Notification[], meta: { version: string; shard?: string }): void {
  // Set findings are left out: `speclint sets --from` finds them again over all the shards' summaries.
  // So are the set pass's findings about directives that name a set rule (`unused:<kind>:<set rule>`).
  const setRuleIds = new Set(setRules.map((rule) => rule.meta.id));
  const fromSetPass = (m: FileReport['messages'][number]) => setRuleIds.has(m.ruleId) || (m.ruleId === DIRECTIVES_RULE_ID && setRuleIds.has(m.key?.split(':')[2] ?? ''));
  const results = reports.map(({ absolutePath, output: _output, ...result }) => {
    if (!result.messages.some(fromSetPass)) return result;
    const own = { ...result, absolutePath, messages: result.messages.filter((m) => !fromSetPass(m)) };
    recount(own);
    const { absolutePath: _dropped, ...stored } = own;
    return stored;
  });
  const data: SummariesFile = { speclintSummaries: SUMMARIES_FORMAT, version: meta.version, ...(meta.shard ? { shard: meta.shard } : {}), results, notifications: [...notifications] };
  try {
    writeFileAtomic(target, `${JSON.stringify(data)}\n`);
  } catch (error) {
    throw new SpeclintError(`Cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * The reports and notifications of several summary files, as one run's. A file in two summary files (overlapping
 * shards) is taken once, from the first, with a warning; a version other than this speclint's is refused, because
 * summaries change with the rules that read them.
 */
export function readSummaries(files: readonly string[], cwd: string, version: string): { results: FileReport[]; notifications: Notification[] } {
  const results: FileReport[] = [];
  const notifications: Notification[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    let data: SummariesFile;
    try {
      data = JSON.parse(readFileSync(resolve(cwd, file), 'utf8')) as SummariesFile;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new SpeclintError(`Cannot read summaries ${file}: ${code === 'ENOENT' ? 'file not found' : code ?? (error as Error).message.split('\n')[0]}`);
    }
    if (!data || data.speclintSummaries !== SUMMARIES_FORMAT || !Array.isArray(data.results)) {
      throw new SpeclintError(`${file} is not a speclint summaries file (write one with "speclint --summaries-out ${file}")`);
    }
    if (data.version !== version) {
      throw new SpeclintError(`${file} was written by speclint ${data.version}; this is ${version}: run the shards and "speclint sets" with one version`);
    }
    for (const result of data.results) {
      if (seen.has(result.filePath)) {
        notifications.push({ level: 'warning', message: `in two summary files; the one from ${file} is left out (do the shards overlap?)`, filePath: result.filePath });
        continue;
      }
      seen.add(result.filePath);
      results.push({ ...result, absolutePath: resolve(cwd, result.filePath) });
    }
    notifications.push(...(data.notifications ?? []));
  }
  return { results, notifications };
}
