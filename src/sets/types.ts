/**
 * Spec sets: documents that belong together (a spec-kit feature, a Kiro spec, a numbered collection) and the
 * findings that only make sense across them. Everything here is data: the project layer discovers sets from the
 * file list, runs the per-file pass (which yields a DocumentSummary per file), then calls `checkSets` over the
 * summaries alone — it never re-reads a file.
 */
import type { Finding, ResolvedRuleConfig, Severity } from '../types.js';

/* ------------------------------------------------------------------ sets */

/**
 * What a document is in its set. `spec` defines (spec-kit `spec.md`, Kiro `requirements.md`), `plan` designs
 * (`plan.md`, `design.md`), `tasks` lists the work; `supporting` is any other document of a feature set (research,
 * data model, quickstart, contracts, checklists). In a numbered collection every member is a `document`, and a
 * README or index that lists them is the `index`.
 */
export type SetRole = 'spec' | 'plan' | 'tasks' | 'supporting' | 'document' | 'index';

export type SetKind = 'speckit' | 'kiro' | 'custom' | 'collection';

export interface SetMember {
  /** The path as the caller gave it (the key into the summaries map). */
  path: string;
  role: SetRole;
}

export interface SpecSet {
  /** Stable id: the kind and the set's root folder (`speckit:specs/003-init`), or the custom set's name and root. */
  id: string;
  kind: SetKind;
  /** The folder the set lives in (posix, as given). */
  root: string;
  /** A name for people: the feature folder's name, the collection's folder. */
  name: string;
  /** Why these files are a set: the layout or the config entry that matched (for `--verbose` and the JSON report). */
  reason: string;
  members: SetMember[];
  /** Collections only: how numbers are read (see CollectionConfig), resolved. */
  numbering?: ResolvedNumbering;
}

/** Number patterns of a collection (regex sources, matched case-insensitively), defaults filled in. */
export interface ResolvedNumbering {
  /** Against the file name without `.md`, or the folder name when the file is README.md / index.md. */
  file: string[];
  /** Against the document title. The number is the last capture group that matched. */
  title: string[];
  /** Metadata keys (normalised: lower case) whose value carries the number. */
  fields: string[];
}

/* ------------------------------------------------------------------ config */

/** A layout of your own: every folder that matches `root` is one set, its members found by a glob per role. */
export interface CustomSetConfig {
  /** For messages and the JSON report. */
  name?: string;
  /** Glob of set folders (`docs/features/*`); `.` for one set at the project root. */
  root: string;
  /** Globs relative to the set folder, per role. At least `spec`. */
  spec: string | string[];
  plan?: string | string[];
  tasks?: string | string[];
  supporting?: string | string[];
}

/** A numbered collection of your own, or number patterns for one found on its own. */
export interface CollectionConfig {
  name?: string;
  /** Globs of the collection's documents. */
  files: string | string[];
  /** Regexes (JavaScript syntax, group 1 = the number) against the file name; default: the built-in patterns. */
  filePattern?: string | string[];
  /** Regexes against the title; default: the built-in patterns (`KEP-12`, `ADR 3:`, `RFC 0042`, `EIP-1`, `SE-0001`, `7. Title`). */
  titlePattern?: string | string[];
  /** Metadata keys that hold the number (`eip`, `kep-number`, `adr`); default: the built-in keys. */
  fields?: string[];
  /** The index file (README table or list of the documents); default: README.md or index.md in the folder. `false`: none. */
  index?: string | false;
}

/** The `sets` key of the config file (see schema.ts for its JSON Schema). */
export interface SetsConfig {
  /**
   * Zero-config discovery: spec-kit (`specs/NNN-name/`), Kiro (`.kiro/specs/<name>/`) and numbered collections
   * (folders of `NNNN-name.md`, `eip-N.md`, `NNNN-name/README.md` …). `false` turns all three off.
   */
  auto?: boolean | { speckit?: boolean; kiro?: boolean; collections?: boolean };
  /** Layouts of your own. */
  sets?: CustomSetConfig[];
  /** Numbered collections of your own (they replace auto-discovery for the files they match). */
  collections?: CollectionConfig[];
  /** Least coverage `speclint trace` accepts, in per cent; below it the command exits 1. */
  coverage?: CoverageThresholds;
}

export interface CoverageThresholds {
  /** Stories (spec-kit user stories, Kiro requirements) with at least one task. */
  stories?: number;
  /** Requirements (FR-…, NFR-…, Kiro acceptance criteria) cited by at least one task. */
  requirements?: number;
  /** Tasks checked off. */
  tasksDone?: number;
}

/* ------------------------------------------------------------------ findings */

export interface RelatedLocation {
  filePath: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** What this other place is: "defined here", "open task T012", "the successor". */
  message: string;
}

/**
 * A finding of a set rule. It is a Finding (so directives, baselines, fingerprints and reporters treat it like any
 * other) that names its file and carries the other places it is about.
 */
export interface CrossFinding extends Finding {
  filePath: string;
  /** Always set: what identifies the finding across edits (an id, a number, a pair of files). */
  key: string;
  related: RelatedLocation[];
}

/** Rule config lookup for a file: the project layer answers from the config that applies to that file. */
export type RuleConfigLookup = (ruleId: string, filePath: string) => ResolvedRuleConfig | undefined;

export interface CheckSetsOptions {
  /**
   * Severity and options per rule and file (per-file overrides apply where the finding lands). Default: each set
   * rule at its default severity and options.
   */
  ruleConfig?: RuleConfigLookup;
  /** The project's `sets` config (number patterns of collections are already in the sets). */
  config?: SetsConfig;
}

/** A set rule: meta like a file rule's, and a check over the sets and summaries. */
export interface SetRuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity | 'off';
  docsUrl: string;
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  fixable: false;
  tags: string[];
}
