/**
 * RuleTester: a rule's tests as data, in the style of ESLint's.
 *
 *   new RuleTester({ documentType: 'feature-spec' }).run(rule, {
 *     valid: ['# Spec\n\nAll filled in.\n', { code: '…', options: { allow: ['[WIP]'] } }],
 *     invalid: [{ code: '# [NAME]\n', errors: [{ line: 1, column: 3, message: 'Unfilled placeholder' }] }],
 *   });
 *
 * Each case lints its code with the pure core (`lintText`) with only the rule under test on, at error. A valid case
 * must give no finding of the rule; an invalid case exactly the listed findings, in order (line, column, and when
 * given endLine, endColumn, key; `message` is a substring of the message). `output` is the text after `--fix`
 * (`null`: the rule must not fix this case), and a second `--fix` of it must change nothing (the CLI fixes in one
 * pass). The rule's `meta.fixable` is checked against what it does: a rule
 * that fixes without declaring it fails, and a fixable rule must say `output` on every invalid case.
 *
 * Tests are declared with `RuleTester.describe` / `RuleTester.it`, which default to the test runner's globals; with
 * vitest (no globals) set them once in a setup file: `RuleTester.describe = describe; RuleTester.it = it;`.
 * This module imports no test framework, so the public API can export it.
 */
import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import { defaultConfig, lintText } from '../engine.js';
import { didYouMean } from '../errors.js';
import { builtinTypeSources } from '../templates/index.js';
import { schemaValidator } from '../schema-validators.js';
import type { Finding, LintResult, ResolvedConfig, Rule } from '../types.js';

/** What every case inherits unless it says otherwise. */
export interface RuleTesterDefaults {
  /** Rule options (merged over the rule's `defaultOptions`, as in a config). */
  options?: Record<string, unknown>;
  /** A built-in document type id (`feature-spec`, `design-doc`, …) or a template's Markdown text (an inline type). */
  documentType?: string;
  /** The document's path (absolute, `/`-separated): relative links and type detection read it. */
  filePath?: string;
  /** The config's `settings`. */
  settings?: Record<string, unknown>;
  /** Other files that exist, by absolute path → text (what `fileExists` / `readFile` see; valid-links). */
  files?: Record<string, string>;
}

export interface ValidCase extends RuleTesterDefaults {
  code: string;
  /** The test's name; defaults to the code's first line. */
  name?: string;
}

/** One expected finding: positions are 1-based (columns in UTF-16 units, as the CLI prints them). */
export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A part of the message that says what is wrong (the whole message is fine too). */
  message: string;
  /** The finding's `key` (what baselines and fingerprints follow). */
  key?: string;
}

export interface InvalidCase extends ValidCase {
  /** Every finding of the rule, in the order the CLI prints them; a number only counts them. */
  errors: ExpectedFinding[] | number;
  /** The text after `--fix`; `null`: the rule offers no fix here. Required for a fixable rule. */
  output?: string | null;
}

export interface RuleTests {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

type Describe = (name: string, body: () => void) => void;
type It = (name: string, body: () => Promise<void>) => void;

/** The id an inline template is registered under. */
export const INLINE_TYPE_ID = 'inline';

const globals = globalThis as { describe?: Describe; it?: It };

export class RuleTester {
  /** The test runner's `describe`; set it when the runner has no globals (vitest). */
  static describe: Describe | undefined;
  /** The test runner's `it`. */
  static it: It | undefined;

  constructor(private readonly defaults: RuleTesterDefaults = {}) {}

  /** Declares one test per case, under `describe(rule id)`. */
  run(rule: Rule, tests: RuleTests): void {
    const describe = RuleTester.describe ?? globals.describe;
    const it = RuleTester.it ?? globals.it;
    if (!describe || !it) throw new Error('RuleTester needs describe and it: set RuleTester.describe and RuleTester.it (vitest: in a setup file)');
    const valid = tests.valid.map((c) => (typeof c === 'string' ? { code: c } : c));
    describe(rule.meta.id, () => {
      it('has a valid and an invalid case', async () => {
        if (valid.length === 0 || tests.invalid.length === 0) fail(`${rule.meta.id}: give at least one valid and one invalid case (a rule test that cannot fail is a defect)`);
      });
      describe('valid', () => {
        for (const [index, testCase] of valid.entries()) it(caseName(testCase, index), () => this.checkValid(rule, testCase));
      });
      describe('invalid', () => {
        for (const [index, testCase] of tests.invalid.entries()) it(caseName(testCase, index), () => this.checkInvalid(rule, testCase));
      });
    });
  }

  /** A valid case: no finding of the rule. Exposed for tests that build cases themselves. */
  async checkValid(rule: Rule, testCase: ValidCase): Promise<void> {
    const { result, findings } = await this.lint(rule, testCase, false);
    if (rule.meta.requiresType && result.documentType === undefined) {
      fail(`${rule.meta.id} needs a document type and this case has none (${result.documentTypeReason ?? 'no type'}), so the rule never ran: give documentType`);
    }
    deepStrictEqual(findings.map(describeFinding), [], `${rule.meta.id}: a valid case must give no finding`);
  }

  /** An invalid case: exactly the expected findings, and the expected text after --fix. */
  async checkInvalid(rule: Rule, testCase: InvalidCase): Promise<void> {
    const { errors } = testCase;
    if (typeof errors !== 'number' && errors.length === 0) fail('an invalid case lists at least one expected finding (a case without any is a valid case)');
    if (typeof errors === 'number' && errors < 1) fail('an invalid case expects at least one finding');
    const { result, findings } = await this.lint(rule, testCase, true);
    if (typeof errors === 'number') {
      deepStrictEqual(findings.length, errors, `${rule.meta.id}: expected ${errors} finding(s), got ${findings.length}:\n${findings.map(describeFinding).join('\n')}`);
    } else {
      for (const [i, expected] of errors.entries()) {
        if (typeof expected.line !== 'number' || typeof expected.column !== 'number' || typeof expected.message !== 'string') {
          fail(`expected finding ${i + 1}: give line, column and message (a part of it)`);
        }
      }
      deepStrictEqual(findings.map((found, i) => project(found, errors[i])), errors.map((e) => ({ ...e })), `${rule.meta.id}: findings differ`);
    }

    const fixes = findings.filter((f) => f.fix);
    if (fixes.length > 0 && !rule.meta.fixable) fail(`${rule.meta.id} offers a fix but its meta.fixable is false: declare it (the CLI's --fix and fixable counts read it)`);
    if (testCase.output === undefined) {
      if (rule.meta.fixable) fail(`${rule.meta.id} is fixable: give this case's output (the text after --fix, or null when the rule offers no fix here)`);
      return;
    }
    if (testCase.output === null) {
      deepStrictEqual(result.output, undefined, `${rule.meta.id}: output is null but --fix changed the text`);
    } else {
      if (!rule.meta.fixable) fail(`${rule.meta.id}: this case expects output but the rule's meta.fixable is false`);
      if (result.output === undefined) fail(`${rule.meta.id}: expected --fix to change the text, but no fix applied`);
      deepStrictEqual(result.output, testCase.output, `${rule.meta.id}: the text after --fix differs`);
      // The CLI fixes in one pass: what it leaves must need no second --fix.
      const again = await this.lint(rule, { ...testCase, code: result.output }, true);
      if (again.result.output !== undefined) {
        fail(`${rule.meta.id}: --fix does not converge: a second --fix changes the text again (${again.findings.filter((f) => f.fix).map(describeFinding).join('; ')})`);
      }
    }
  }

  private async lint(rule: Rule, testCase: ValidCase, fix: boolean): Promise<{ result: LintResult; findings: Finding[] }> {
    const merged: ValidCase = { ...this.defaults, ...testCase, settings: { ...this.defaults.settings, ...testCase.settings }, files: { ...this.defaults.files, ...testCase.files } };
    const options = merged.options ?? {};
    checkOptions(rule, options);
    const config = configFor(rule, options, merged);
    const files = merged.files ?? {};
    const result = await lintText(merged.code, {
      filePath: merged.filePath,
      config,
      rules: [rule],
      fix,
      fileExists: (path) => Object.hasOwn(files, path),
      readFile: (path) => files[path],
    });
    const findings = result.messages.filter((m) => m.ruleId === rule.meta.id && !m.suppressed);
    const crash = findings.find((f) => f.message.startsWith(`Rule "${rule.meta.id}" failed on this file:`));
    if (crash) fail(crash.message);
    return { result, findings };
  }
}

function configFor(rule: Rule, options: Record<string, unknown>, testCase: ValidCase): ResolvedConfig {
  const base = defaultConfig();
  const config: ResolvedConfig = { rules: { [rule.meta.id]: { severity: 'error', options } }, types: base.types, settings: testCase.settings ?? {} };
  const type = testCase.documentType;
  if (type === undefined) return config;
  if (/\n/.test(type)) {
    config.types = { ...base.types, [INLINE_TYPE_ID]: { id: INLINE_TYPE_ID, template: type, source: 'RuleTester inline template' } };
    config.forcedType = { id: INLINE_TYPE_ID, reason: 'RuleTester documentType' };
    return config;
  }
  const known = Object.keys(builtinTypeSources());
  if (!known.includes(type)) {
    const hint = didYouMean(type, known);
    fail(`documentType "${type}" is no built-in type${hint ? ` (did you mean "${hint}"?)` : ''}: give one of ${known.join(', ')}, or a template's Markdown text`);
  }
  config.forcedType = { id: type, reason: 'RuleTester documentType' };
  return config;
}

/** Options are checked as a config file's would be: the rule's JSON Schema, then its own validateOptions. */
function checkOptions(rule: Rule, options: Record<string, unknown>): void {
  if (rule.meta.optionsSchema && Object.keys(options).length > 0) {
    let validate: ReturnType<typeof schemaValidator> | undefined;
    try {
      validate = schemaValidator('config', rule.meta.optionsSchema);
    } catch {
      // No validators provided (the core used without the project layer): the schema check is skipped.
    }
    if (validate && !validate(options)) {
      const error = validate.errors?.[0];
      fail(`options of ${rule.meta.id} are invalid: ${error?.instancePath || '(root)'} ${error?.message ?? ''}`.trim());
    }
  }
  const problem = rule.validateOptions?.(options);
  if (problem) fail(`options of ${rule.meta.id} are invalid: ${problem}`);
}

/** The found finding in the shape of the expected one: only the fields it states; the message when it contains the expected part. */
function project(found: Finding | undefined, expected: ExpectedFinding | undefined): Record<string, unknown> {
  if (!found) return { missing: 'no finding here' };
  if (!expected) return { unexpected: describeFinding(found) };
  const shown: Record<string, unknown> = {};
  for (const field of Object.keys(expected) as Array<keyof ExpectedFinding>) {
    if (field === 'message') shown.message = found.message.includes(expected.message) ? expected.message : found.message;
    else shown[field] = found[field];
  }
  return shown;
}

function describeFinding(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}${f.key !== undefined ? ` [key ${f.key}]` : ''}`;
}

function caseName(testCase: ValidCase, index: number): string {
  if (testCase.name) return testCase.name;
  const first = testCase.code.split('\n').find((line) => line.trim()) ?? '(empty)';
  return `#${index + 1} ${first.length > 60 ? `${first.slice(0, 57)}…` : first}`;
}

function fail(message: string): never {
  throw new AssertionError({ message });
}
