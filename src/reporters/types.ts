import type { LintResult, Rule } from '../types.js';

/** One file's result as reporters see it. */
export interface FileReport extends LintResult {
  /** Relative to the working directory, forward slashes (`docs/specs/a.md`); `<stdin>` or the --stdin-filename. */
  filePath: string;
  absolutePath: string;
}

/** Something about the run that is not a finding: a file that could not be read, a skipped binary file. */
export interface Notification {
  level: 'error' | 'warning' | 'note';
  message: string;
  /** Relative to the working directory, like FileReport.filePath. */
  filePath?: string;
}

/** Everything a reporter may know beyond the results. Reporters are pure: no file system, no process state. */
export interface ReportContext {
  cwd: string;
  /**
   * The repository's top level (git), else the working directory: SARIF URIs and GitHub annotations are relative
   * to it whatever directory speclint ran in.
   */
  repositoryRoot: string;
  /** speclint's version. */
  version: string;
  /** The project's home page (SARIF informationUri). */
  homepage: string;
  color: boolean;
  /** Every registered rule (reporters describe the ones that reported). */
  rules: ReadonlyMap<string, Rule>;
  /** A rule's documentation URL (the installed version's docs, or the config's `docsUrl` mirror). */
  docsUrl(ruleId: string): string;
  /** The documentation pages (Markdown) of the rules that reported, read by the project layer beforehand. */
  ruleDocs: ReadonlyMap<string, string>;
  notifications: Notification[];
  /** --sarif-category */
  sarifCategory?: string;
  maxWarnings?: number;
  /** --stats: findings per rule in the text summary. */
  stats?: boolean;
  /** A CI job summary is being written ($GITHUB_STEP_SUMMARY), so the github format can point to it. */
  stepSummary: boolean;
  /**
   * The text of the lines around each finding (1-based line → line text), by FileReport.absolutePath: the source
   * excerpts of the html report. The project layer reads them only for a reporter that sets `needsSourceLines`.
   */
  sourceLines?: ReadonlyMap<string, ReadonlyMap<number, string>>;
  /** --max-findings: the most findings a size-limited report (markdown) lists. */
  maxFindings?: number;
  /** Where a repository file can be read at this commit (`${blobUrl}/docs/a.md#L3`), from the CI's environment. */
  blobUrl?: string;
  /** The spec sets the run found (docs/sets.md): the JSON report lists them. */
  sets?: ReadonlyArray<{ id: string; kind: string; name: string; root: string; reason: string; members: ReadonlyArray<{ path: string; role: string }> }>;
}

export interface Reporter {
  /** Returns the whole report; the CLI writes it to stdout or to the -o file. */
  format(reports: FileReport[], context: ReportContext): string;
  /** Markdown for the GitHub Actions job summary; the CLI appends it to $GITHUB_STEP_SUMMARY. */
  stepSummary?(reports: FileReport[], context: ReportContext): string;
  /** Shows source excerpts: the CLI passes the lines around each finding as `context.sourceLines`. */
  needsSourceLines?: boolean;
}
