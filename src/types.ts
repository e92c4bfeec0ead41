/**
 * The contract between the parser, the rules, the engine and the reporters.
 * Positions are 1-based; columns count UTF-16 code units (as mdast does).
 */
import type { Root, Heading, Code, Table, Link, Image, Definition, Html, ListItem, Nodes } from 'mdast';

export type Severity = 'error' | 'warn';
export type SeveritySetting = 'off' | 'warn' | 'error' | 0 | 1 | 2;

export interface Point {
  line: number;
  column: number;
  /** 0-based UTF-16 offset into the (BOM-stripped) text. */
  offset: number;
}

export interface Range {
  start: Point;
  end: Point;
}

/** A text edit: replace text[start, end) with `text` (offsets into the BOM-stripped text). */
export interface Fix {
  range: [number, number];
  text: string;
  /**
   * The text comes from the document type's template (a missing section). When the type was auto-detected and the
   * fixed text would read as another type, the engine drops such fixes rather than insert a guessed template's text.
   */
  fromTemplate?: boolean;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  justification?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  /** Present when an inline directive (inSource) or a baseline (external) suppressed the finding. */
  suppressed?: Suppression;
  /** The rule's own identity for the finding (ReportDescriptor.key), when it gave one. */
  key?: string;
  /**
   * Stable identity that survives unrelated edits: a hash of the rule id, the key (or the message without numbers
   * and neighbours' names), the finding's section path (heading texts without numbers) and its occurrence index
   * among findings alike in all three (addFingerprints in src/engine.ts).
   */
  fingerprint?: string;
  /**
   * The other places a finding is about (set rules: the definition in the spec, the open tasks, the document with
   * the same number). SARIF `relatedLocations`, JSON `related`. Paths as the finding's report gives its own.
   */
  related?: Array<{ filePath: string; line: number; column: number; endLine?: number; endColumn?: number; message: string }>;
}

/* ------------------------------------------------------------------ document model */

export interface Section {
  /** Undefined only for the synthetic root section that holds content before the first heading. */
  heading?: Heading;
  /** Plain text of the heading (inline markup removed, trimmed). */
  text: string;
  /** 1..6; 0 for the synthetic root. */
  level: number;
  parent?: Section;
  children: Section[];
  /** Line of the heading (1 for the root). */
  line: number;
  /** Offset just after the heading line, and offset where the next heading of the same or higher level starts (or end of text). */
  contentStart: number;
  contentEnd: number;
  /** Offset where the next heading of any level starts (end of this section's own body, before subsections). */
  bodyEnd: number;
  /** Index in document order among all headings (-1 for root). */
  index: number;
}

export type MetadataSource = 'frontmatter' | 'line' | 'list-item' | 'table';

export interface MetadataField {
  /** Key as written, without markup: `Last Updated`. */
  key: string;
  /** Lower-cased, whitespace-collapsed key: `last updated`. */
  normalizedKey: string;
  /** Value as written (trimmed; markup such as `**` kept out of the key only). For front matter: the YAML value as a string when scalar. */
  value: string;
  /** Raw parsed value (front matter may hold non-strings). */
  data?: unknown;
  source: MetadataSource;
  keyRange: Range;
  valueRange: Range;
}

export interface CodeBlock {
  node: Code;
  /** Info string language, lower-cased; '' when none. */
  lang: string;
  meta: string;
  value: string;
  fenced: boolean;
  /** Markdown line of the first content line (the line after the opening fence). */
  contentStartLine: number;
  /**
   * For each line of `value` (0-based), the number of UTF-16 units of the Markdown source line that precede it
   * (container prefixes like `> ` or list indentation, stripped by the parser). Use `codeBlockPoint`.
   */
  lineIndents: number[];
  section: Section;
}

export interface TableCell {
  text: string;
  range: Range;
}

export interface TableModel {
  node: Table;
  header: TableCell[];
  rows: TableCell[][];
  /** Markdown line of each body row. */
  rowLines: number[];
  section: Section;
}

export interface TaskItem {
  checked: boolean;
  /** Text of the item after the box. */
  text: string;
  /** Range of the box itself, e.g. `[ ]`. For malformed items, the malformed marker. */
  range: Range;
  /** Set when the item only looks like a task item: `- []`, `-[ ]`, `- [ x]`, `* [X ]`… */
  malformed?: { found: string; expected: string };
  listItem?: ListItem;
  section: Section;
}

export interface LinkModel {
  node: Link | Image | Definition;
  kind: 'link' | 'image' | 'definition';
  url: string;
  range: Range;
  section: Section;
}

export interface HtmlComment {
  /** Text inside `<!--` and `-->`, trimmed. */
  body: string;
  node: Html;
  range: Range;
}

export interface FrontMatter {
  raw: string;
  /** Parsed YAML (undefined when it failed to parse). */
  data?: unknown;
  parseError?: { message: string; line: number; column: number };
  range: Range;
  /** Markdown line of the first YAML line (the line after `---`). */
  contentStartLine: number;
}

export interface SpecDocument {
  /** The text rules see: BOM removed, line endings kept as in the file. */
  text: string;
  hadBom: boolean;
  filePath?: string;
  root: Root;
  /** Offsets at which each line starts (index 0 = line 1). */
  lineStarts: number[];
  frontMatter?: FrontMatter;
  /** Synthetic root section; its children are the top-level headings. */
  sectionTree: Section;
  /** Every heading's section in document order. */
  sections: Section[];
  /** The first level-1 heading's section, if any. */
  title?: Section;
  metadata: MetadataField[];
  codeBlocks: CodeBlock[];
  tables: TableModel[];
  taskItems: TaskItem[];
  links: LinkModel[];
  /** Link reference definitions by normalized identifier. */
  definitions: Map<string, Definition>;
  htmlComments: HtmlComment[];
  /** The section that contains an offset (deepest). */
  sectionAt(offset: number): Section;
  pointAt(offset: number): Point;
  offsetAt(line: number, column: number): number;
  lineText(line: number): string;
}

/* ------------------------------------------------------------------ rules */

export interface RuleMeta {
  id: string;
  description: string;
  /** Severity in `speclint:recommended`; 'off' keeps the rule out of it. */
  defaultSeverity: Severity | 'off';
  docsUrl: string;
  /** JSON Schema of the options object (the second element of `[severity, options]`). */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  fixable: boolean;
  /** Needs a document type (template) to do anything. */
  requiresType?: boolean;
  tags?: string[];
}

export interface ReportDescriptor {
  message: string;
  /** Either a node with a position, a range, or explicit points. */
  node?: Nodes | { position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } };
  range?: Range;
  /** Explicit 1-based positions; end defaults to start. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
  /**
   * What identifies this finding across unrelated edits, for baselines and SARIF fingerprints: for a missing section
   * the heading it wants, for a placeholder its text (the engine adds the section path), for a code block the
   * block's content and the error class. Never a line number, a template line number or a neighbour's name.
   * Without it the engine falls back to the message with its numbers removed.
   */
  key?: string;
  /** Override the configured severity (rare; e.g. notices). */
  severity?: Severity;
}

export interface RuleContext<Options = Record<string, any>> {
  doc: SpecDocument;
  /** Defaults merged with the configured options. */
  options: Options;
  /** The document type chosen for this file, if any. */
  documentType?: DocumentType;
  /**
   * Set when the type was auto-detected and another type came close: the type is a guess, so rules report what the
   * type asks for but insert nothing from its template (a fix could then read the document as the other type).
   */
  documentTypeRival?: string;
  /** Shared settings from config (`settings` key). */
  settings: Record<string, unknown>;
  /** See LintOptions.fileExists. */
  fileExists?: (absolutePath: string) => boolean;
  /** See LintOptions.readFile. */
  readFile?: (absolutePath: string) => string | undefined;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<Options = Record<string, any>> {
  meta: RuleMeta;
  /**
   * Checks the options beyond what the JSON Schema can say (e.g. a user regex that could backtrack catastrophically).
   * Returns a one-line problem, or undefined. Called once per config, at load time.
   */
  validateOptions?(options: Record<string, unknown>): string | undefined;
  check(context: RuleContext<Options>): void | Promise<void>;
}

/* ------------------------------------------------------------------ document types */

/** A template registered as a document type, as lintText receives it (text, not a path). */
export interface DocumentTypeSource {
  id: string;
  /** Template Markdown text. */
  template: string;
  /** Where it came from, for messages: `builtin`, or a path. */
  source: string;
  /**
   * Absolute path of the template file, for user types. Detection reads it as a hint: a document that lives under
   * the template's folder needs less evidence to be of that type. Compared as a string; never read.
   */
  templatePath?: string;
  /** Optional JSON Schema replacing the one compiled from the template's metadata. */
  metadataSchema?: Record<string, unknown>;
  /** Heading texts (as in the template) that are optional in addition to template annotations. */
  optionalSections?: string[];
  /** Extra heading aliases: template heading text → accepted alternatives. */
  aliases?: Record<string, string[]>;
  /** Template heading text → ISO date: the section is required only for documents dated on or after it. */
  since?: Record<string, string>;
}

/** A status policy: when the document's Status is one of `statuses`, every task item in `sections` must be checked. */
export interface StatusPolicy {
  statuses: string[];
  /** Heading texts (matched case-insensitively, template wildcards allowed); empty means the whole document. */
  sections: string[];
  /** Why, for the message: "Definition of Done must be complete once the spec is Complete". */
  description?: string;
}

/** Compiled form of a template. Built by src/templates; rules only read it. */
export interface DocumentType {
  id: string;
  source: string;
  /** Every bracket token of the template (`[FEATURE_NAME]`, `[Date]`, …): the type's own placeholder vocabulary. */
  placeholderTokens?: string[];
  /** Checklist policies declared by the template (annotations) or config. */
  statusPolicies?: StatusPolicy[];
  /**
   * The template's fixed heading texts, normalised (numbering, markup and case removed): a document heading that is
   * one of them (`## TODO`, `## Open Questions`) is structure the template asks for, never a placeholder.
   */
  sectionHeadings?: ReadonlySet<string>;
  /** Anything else the template compiler derives; the rules of the template family know its shape. */
  [key: string]: unknown;
}

/* ------------------------------------------------------------------ config */

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** The config file format (`.specrc.json` etc.), validated by schema/specrc.schema.json. */
export interface ConfigFile {
  $schema?: string;
  root?: boolean;
  extends?: string | string[];
  ignores?: string[];
  types?: Record<string, { template: string; schema?: string; optionalSections?: string[]; aliases?: Record<string, string[]>; since?: Record<string, string> }>;
  documents?: Array<{ files: string | string[]; type: string }>;
  rules?: Record<string, RuleSetting>;
  overrides?: Array<{ files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, RuleSetting>; settings?: Record<string, unknown> }>;
  settings?: Record<string, unknown>;
}

export interface ResolvedRuleConfig {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

/** Config for one file: extends, overrides and paths resolved; templates loaded as text. What lintText takes. */
export interface ResolvedConfig {
  rules: Record<string, ResolvedRuleConfig>;
  /** Known document types (built-in plus user), by id. */
  types: Record<string, DocumentTypeSource>;
  /** Type forced for this file by `--type` or by the `documents` mapping, if any. */
  forcedType?: { id: string; reason: string };
  settings: Record<string, unknown>;
}

/* ------------------------------------------------------------------ results */

export interface LintOptions {
  filePath?: string;
  /**
   * Lets rules ask whether a local file exists (relative links). Given by the shell, which owns the file system;
   * absent in pure use, and then such checks are skipped. Paths are absolute.
   */
  fileExists?: (absolutePath: string) => boolean;
  /**
   * Lets rules read another local file's text (valid-links checks `other.md#section` against its headings). Given by
   * the shell; absent in pure use, and then such checks are skipped. Returns undefined when the file cannot be read.
   */
  readFile?: (absolutePath: string) => string | undefined;
  /** Defaults to the recommended config with built-in types. */
  config?: ResolvedConfig;
}

export interface LintResult {
  filePath?: string;
  documentType?: string;
  /** Why that type (or none) was chosen: front matter, config mapping, auto-detection score. */
  documentTypeReason?: string;
  /**
   * Set when no type was chosen although the config registers types of its own (not only the built-in ones): the
   * closest type, its score and the threshold it missed. Reporters count these ("N files matched no type").
   */
  untyped?: { closest?: { id: string; score: number; threshold: number } };
  /** The document in a few numbers and names (reports on whole trees, checks across documents). */
  summary?: DocumentSummary;
  /** Findings sorted by line, column; suppressed ones included with `suppressed` set. */
  messages: Finding[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /** Text after applying fixes, when fixes were requested and some applied. */
  output?: string;
}

/** See src/summary.ts. */
export interface DocumentSummary {
  title?: string;
  status?: string;
  /** Where the status value is written (metadata value, or the first line of a `## Status` section). */
  statusAt?: SummaryPosition;
  /** The document's date (Created, Date, Start Date, … as ISO). */
  date?: string;
  /** For a typed document: the template's required sections, and how many of them the document has. */
  sections?: { required: number; present: number };
  /** Active no-placeholders findings. */
  placeholders: number;
  /** Task items (`- [ ]` / `- [x]`, not the malformed look-alikes): counts, and each with its id and citations. */
  tasks: { total: number; checked: number; items: SummaryTask[] };
  headings: Array<{ text: string; level: number; line: number; slug: string }>;
  links: Array<{ url: string; line: number }>;
  /** Ids the document defines (`- **FR-001**: …`, `### User Story 1 - …`, `### Requirement 2`) and cites elsewhere. */
  ids: { defined: SummaryId[]; referenced: SummaryId[] };
  /** The document's number as its title and metadata give it (the file name's is read from the path). */
  numbers?: SummaryNumber[];
  /** Short scalar metadata values by normalised key (first occurrence): what collections read numbers and titles from. */
  fields?: Record<string, SummaryField>;
  /** Superseded-by / replaces relations to other documents. */
  relations?: SummaryRelation[];
  /** Set when the document links to three or more local files: each link with its table row or list item. */
  index?: SummaryIndexEntry[];
  /** Inline directives, when the document has any: set rules honour them without reading the file again. */
  directives?: SummaryDirective[];
}

export interface SummaryPosition {
  line: number;
  column: number;
  endColumn: number;
}

/** An id where it is written. See src/sets/ids.ts for the canonical keys. */
export interface SummaryId extends SummaryPosition {
  /** Canonical key: `FR-1` for FR-001, `US-2` for [US2] and User Story 2, `R3` / `R3.1` for Kiro requirements. */
  id: string;
  /** As written. */
  text: string;
  /**
   * Definitions: the text after the id (a story's title). References in a heading: the title the heading gives.
   * Story references elsewhere: a label given with `=`, `:` or in parentheses (`[US2] = Company Management`).
   */
  title?: string;
  /** Written in a heading, or in a table's first cell (a summary table restating ids). */
  in?: 'heading' | 'table';
  /** Stories in a heading: the opening prose of the heading's section (goal, independent test), markup removed, capped. */
  about?: string;
}

export interface SummaryTask {
  line: number;
  column: number;
  checked: boolean;
  /** Last line of the task's list item, when it spans several (nested notes, subtasks). */
  endLine?: number;
  /** `T001`, or Kiro's `2.1`. */
  id?: string;
  /** Canonical ids the task cites on its own lines. */
  refs?: string[];
  /** Index into `headings` of the deepest heading above the task. */
  heading?: number;
}

export interface SummaryNumber extends SummaryPosition {
  value: number;
  source: 'title' | 'metadata';
  /** The metadata key, for source metadata. */
  key?: string;
  text: string;
}

export interface SummaryField extends SummaryPosition {
  value: string;
}

export interface SummaryTarget {
  text: string;
  url?: string;
  number?: number;
  prefix?: string;
}

export interface SummaryRelation extends SummaryPosition {
  kind: 'superseded-by' | 'replaces';
  targets: SummaryTarget[];
}

export interface SummaryIndexEntry extends SummaryPosition {
  url: string;
  /** The link's text. */
  text: string;
  /** Table row: header text → cell text. */
  cells?: Record<string, string>;
  /** List item: the item's text. */
  item?: string;
}

export interface SummaryDirective {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';
  rules: string[];
  reason?: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
}
