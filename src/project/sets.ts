/**
 * The project pass (docs/sets.md): after every file is linted, the set rules run over the per-file summaries. Sets
 * are discovered from the paths alone (zero-config layouts plus the config's `sets`), the rules see each file's
 * own severities and options (overrides apply where a finding lands), and their findings join the report of the
 * file they land in, with the other places they are about as `related`. Directives were applied by checkSets from
 * each summary; baselines apply afterwards like for any finding (fingerprints are stable).
 *
 * Nothing here reads a document: a warm cache, worker processes and shard summary files all carry summaries.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { fileNumber, isFolderDocument } from '../sets/numbers.js';
import { SPECKIT_FOLDER } from '../sets/discover.js';
import { affectedPaths, checkSets, discoverSets, setDirectiveFindings, type CrossFinding, type SetsConfig, type SpecSet } from '../sets/index.js';
import { DIRECTIVES_RULE_ID } from '../directives.js';
import { displayPath } from './paths.js';
import type { DocumentSummary, Finding, ResolvedRuleConfig, Severity } from '../types.js';
import type { FileReport } from '../reporters/types.js';
import type { FileConfig } from './lint-file.js';

/** What the project pass found: the sets (for --verbose, the JSON report, `speclint trace`) and the summaries. */
export interface SetsOutcome {
  sets: SpecSet[];
  summaries: Map<string, DocumentSummary>;
  findings: CrossFinding[];
}

type ConfigLookup = (path: string) => Promise<FileConfig>;

const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Sets among `files` (absolute), keyed by display path (relative to `cwd`). Config for sets resolves like the
 * per-file pass: the nearest config file above a file applies to it, so the files are grouped by the config that
 * applies to them and each group's sets are found with that config's `sets` key, its globs relative to that
 * config file's folder (a subfolder's `.specrc` adds its own layouts and collections). Discovery runs on paths
 * relative to the config's folder; the result is mapped back to display paths.
 */
export async function discoverProjectSets(files: readonly string[], cwd: string, configFor: ConfigLookup): Promise<SpecSet[]> {
  const groups = new Map<string, { config: SetsConfig | undefined; base: string; files: string[] }>();
  for (const file of files) {
    const { loaded } = await configFor(file);
    const base = loaded.filePath ? loaded.directory : cwd;
    const key = loaded.filePath ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { config: loaded.sets, base, files: [] };
      groups.set(key, group);
    }
    group.files.push(file);
  }
  const sets: SpecSet[] = [];
  for (const group of groups.values()) sets.push(...discoverGroup(group.files, group.base, group.config, cwd));
  if (groups.size > 1) sets.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sets;
}

function discoverGroup(files: readonly string[], base: string, config: SetsConfig | undefined, cwd: string): SpecSet[] {
  const toDisplay = new Map<string, string>();
  const keys: string[] = [];
  for (const file of files) {
    const key = toPosix(relative(base, file)) || '.';
    toDisplay.set(key, displayPath(cwd, file));
    keys.push(key);
  }
  const sets = discoverSets(keys, config);
  if (base === cwd) return sets;
  return sets.map((set) => {
    const root = displayPath(cwd, resolve(base, set.root));
    // Ids name the set's folder: from the working directory, so that two config folders' `specs/001-x` differ.
    const id = set.id.includes(`:${set.root}`) ? set.id.replace(`:${set.root}`, `:${root}`) : set.id;
    return { ...set, id, root, members: set.members.map((m) => ({ ...m, path: toDisplay.get(m.path) ?? m.path })) };
  });
}

/** The most documents a collection may have for a text's set pass to check it (each member is linted). */
export const TEXT_COLLECTION_MAX = 200;

/** `…/specs/NNN-name` or `.kiro/specs/<name>` above a file (absolute), the folder of its feature set. */
function featureFolderOf(file: string): string | undefined {
  const parts = file.split(sep);
  for (let i = parts.length - 2; i >= 2; i--) {
    if (parts[i - 1] !== 'specs') continue;
    if (SPECKIT_FOLDER.test(parts[i]!) || parts[i - 2] === '.kiro') return parts.slice(0, i + 1).join(sep);
  }
  return undefined;
}

/** What the set pass of one in-memory text needs from the project layer. */
export interface TextSetPassHost {
  cwd: string;
  configFor: ConfigLookup;
  /** Markdown files (absolute) under a folder, as a lint run collects them (gitignore and defaults applied). */
  listFiles: (root: string) => Promise<string[]>;
  /** Reports of files from disk (the cache and a memo may answer). */
  lintMembers: (files: string[]) => Promise<FileReport[]>;
  options?: SetPassOptions;
}

/**
 * The set pass for one text that stands in for the file at `report.absolutePath` (`--stdin --stdin-filename`, an
 * editor's unsaved buffer): the file's sets are found among the Markdown files on disk around it (under the folder
 * of the config that applies to it, where its `sets` globs are rooted, or the working directory), the other members
 * of those sets are read and linted from disk (their findings are not reported), and the set rules run with the
 * text's own summary in place of the file's. Set findings are attached to `report` only.
 */
export async function runSetRulesForText(report: FileReport, host: TextSetPassHost): Promise<SetsOutcome> {
  const { cwd, configFor } = host;
  const file = report.absolutePath;
  const { loaded } = await configFor(file);
  let root = loaded.filePath ? loaded.directory : cwd;
  if (file !== root && !file.startsWith(`${root}${sep}`)) root = dirname(file);
  // A file inside a spec-kit or Kiro feature folder belongs to that folder's set (unless the config has layouts of
  // its own): list that folder, not the whole project.
  const ownLayouts = Boolean(loaded.sets?.sets?.length || loaded.sets?.collections?.length);
  const inNoSet: SetsOutcome = { sets: [], summaries: new Map(report.summary ? [[report.filePath, report.summary]] : []), findings: [] };
  const feature = featureFolderOf(file);
  if (!ownLayouts && feature && feature.startsWith(`${root}${sep}`)) root = feature;
  else if (!ownLayouts && !feature) {
    // Zero-config collections: a numbered file is in its folder's collection; a README / index may be an index or a
    // numbered folder's document (those merge upwards); any other file is in no set, and nothing is read.
    const posix = toPosix(file);
    const folderDocument = isFolderDocument(basename(file));
    if (!folderDocument && !fileNumber(posix)) return inNoSet;
    if (!folderDocument && dirname(file).startsWith(`${root}${sep}`)) root = dirname(file);
  }
  const candidates: string[] = [];
  for (const path of await host.listFiles(root)) if (path !== file && !(await configFor(path)).ignored) candidates.push(path);
  candidates.push(file);
  const ownPath = displayPath(cwd, file);
  // A large collection would mean linting hundreds of documents for one text: a full run checks those.
  const sets = (await discoverProjectSets(candidates, cwd, configFor))
    .filter((set) => set.members.some((m) => m.path === ownPath))
    .filter((set) => set.kind !== 'collection' || set.members.length <= TEXT_COLLECTION_MAX);
  if (sets.length === 0) return inNoSet;
  const memberPaths = new Set(sets.flatMap((set) => set.members.map((m) => m.path)));
  const others = candidates.filter((path) => path !== file && memberPaths.has(displayPath(cwd, path)));
  // Others only lend their summaries: their own findings are not this run's.
  const otherReports = (await host.lintMembers(others)).map((r) => ({ ...r, messages: [], errorCount: 0, warningCount: 0, fixableCount: 0 }));
  const outcome = await runSetRules([report, ...otherReports], sets, cwd, configFor, host.options);
  return { ...outcome, findings: outcome.findings.filter((f) => f.filePath === report.filePath) };
}

/** Every member of a set that contains one of `changed` (display paths): what `--changed` must re-check. */
export function membersAffectedBy(sets: readonly SpecSet[], changed: readonly string[]): Set<string> {
  return affectedPaths(sets, changed);
}

/**
 * Runs the set rules over the reports' summaries and attaches the findings to the reports (new message arrays:
 * a cached result is never changed in place). Returns what it found.
 */
export async function runSetRules(reports: FileReport[], sets: SpecSet[], cwd: string, configFor: ConfigLookup, options: SetPassOptions = {}): Promise<SetsOutcome> {
  const summaries = new Map<string, DocumentSummary>();
  const rulesByPath = new Map<string, Record<string, ResolvedRuleConfig>>();
  for (const report of reports) {
    if (!report.summary) continue;
    summaries.set(report.filePath, report.summary);
    rulesByPath.set(report.filePath, (await configFor(report.absolutePath)).resolved.rules);
  }
  const config = (await configFor(resolve(cwd, 'speclint.md'))).loaded.sets;
  const findings = sets.length === 0 ? [] : checkSets(sets, summaries, { ruleConfig: (ruleId, filePath) => rulesByPath.get(filePath)?.[ruleId], config });
  attachFindings(reports, findings);
  // Directives naming set rules: only this pass can tell whether they suppress anything.
  const directives = setDirectiveFindings(findings, summaries, summaries.keys(), options.reportUnusedDisableDirectives);
  if (directives.usedByEveryRule.length > 0) dropUnusedEveryRule(reports, directives.usedByEveryRule);
  attachFindings(reports, directives.unused);
  return { sets, summaries, findings };
}

/** What the set pass takes from the run's options. */
export interface SetPassOptions {
  /** `--report-unused-disable-directives`: also for directives that name a set rule. */
  reportUnusedDisableDirectives?: Severity;
}

/** The per-file pass called a directive for every rule unused; a set finding it suppresses says otherwise. */
function dropUnusedEveryRule(reports: FileReport[], used: ReadonlyArray<{ filePath: string; line: number; column: number }>): void {
  const at = new Set(used.map((u) => `${u.filePath}:${u.line}:${u.column}`));
  for (const report of reports) {
    const keep = report.messages.filter((m) => !(m.ruleId === DIRECTIVES_RULE_ID && m.key?.startsWith('unused:') && m.key.endsWith(':*') && at.has(`${report.filePath}:${m.line}:${m.column}`)));
    if (keep.length === report.messages.length) continue;
    report.messages = keep;
    recount(report);
  }
}

/** Adds set findings to the reports of the files they land in and recounts those reports. */
export function attachFindings(reports: FileReport[], findings: readonly CrossFinding[]): void {
  if (findings.length === 0) return;
  const byPath = new Map(reports.map((r) => [r.filePath, r]));
  const touched = new Set<FileReport>();
  for (const finding of findings) {
    const report = byPath.get(finding.filePath);
    if (!report) continue;
    if (!touched.has(report)) {
      report.messages = [...report.messages];
      touched.add(report);
    }
    const { filePath: _filePath, ...message } = finding;
    report.messages.push(message satisfies Finding);
  }
  for (const report of touched) {
    report.messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    recount(report);
  }
}

export function recount(report: FileReport): void {
  const active = report.messages.filter((m) => !m.suppressed);
  report.errorCount = active.filter((m) => m.severity === 'error').length;
  report.warningCount = active.filter((m) => m.severity === 'warn').length;
  report.fixableCount = active.filter((m) => m.fix).length;
}

/** For --verbose: one line per set, what it is and why, with its members by role. */
export function describeSets(sets: readonly SpecSet[]): string {
  const lines: string[] = [];
  for (const set of sets) {
    const roles = new Map<string, number>();
    for (const m of set.members) roles.set(m.role, (roles.get(m.role) ?? 0) + 1);
    const members = [...roles].map(([role, n]) => `${n} ${role}`).join(', ');
    lines.push(`set ${set.id}: ${set.kind} "${set.name}" (${set.reason}): ${members}\n`);
  }
  return lines.join('');
}

/** Sets as the JSON report and summary files carry them: plain data, members by path and role. */
export function setsForReport(sets: readonly SpecSet[]): Array<Pick<SpecSet, 'id' | 'kind' | 'name' | 'root' | 'reason' | 'members'>> {
  return sets.map(({ id, kind, name, root, reason, members }) => ({ id, kind, name, root, reason, members }));
}
