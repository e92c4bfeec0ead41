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
  filePath?: string;
}

export interface ReportContext {
  cwd: string;
  /** speclint's version. */
  version: string;
  color: boolean;
  /** Every registered rule (reporters describe the ones that reported). */
  rules: ReadonlyMap<string, Rule>;
  notifications: Notification[];
  /** --sarif-category */
  sarifCategory?: string;
  maxWarnings?: number;
  env: Record<string, string | undefined>;
}

export interface Reporter {
  /** Returns the whole report; the CLI writes it to stdout or to the -o file. */
  format(reports: FileReport[], context: ReportContext): string;
}
