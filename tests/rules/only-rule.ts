/**
 * Running one rule alone, in process, as its tests need it: the recommended config with every other rule off, and
 * the rule's own descriptors (what it reported, keys included) from a bare document.
 */
import { defaultConfig, lintText } from '../../src/engine.js';
import { parseDocument } from '../../src/parse/document.js';
import { rules } from '../../rules/index.js';
import type { LintOptions, ReportDescriptor, ResolvedConfig, Rule } from '../../src/types.js';

/** The config with only `ruleId` on, at error, with `options`. */
export function onlyRule(ruleId: string, options: Record<string, unknown> = {}, base: ResolvedConfig = defaultConfig()): ResolvedConfig {
  const only = Object.fromEntries(rules.map((r) => [r.meta.id, { severity: r.meta.id === ruleId ? ('error' as const) : ('off' as const), options: r.meta.id === ruleId ? options : {} }]));
  return { ...base, rules: only };
}

/** What a user sees of the rule's findings: rule id, line, column, message (and severity when asked). */
export async function findingsOf(ruleId: string, text: string, options: Record<string, unknown> = {}, lint: Partial<LintOptions> = {}) {
  const result = await lintText(text, { config: lint.config ?? onlyRule(ruleId, options), ...lint });
  return result.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, message: m.message }));
}

/** The descriptors the rule reports on an untyped document with its default options. */
export async function descriptorsOf(rule: Rule, text: string): Promise<ReportDescriptor[]> {
  const reported: ReportDescriptor[] = [];
  await rule.check({ doc: parseDocument(text), options: rule.meta.defaultOptions as never, settings: {}, report: (d) => reported.push(d) });
  return reported;
}

/** A document holding one fenced block. */
export const fenced = (info: string) => (body: string, infoString = info) => `# Spec\n\n\`\`\`${infoString}\n${body}\n\`\`\`\n`;
