import { rules as fileRules } from '../../rules/index.js';
import { setRules } from '../sets/rules/index.js';
import type { ResolvedRuleConfig } from '../types.js';

/** File rules and set rules: both are configured under `rules`. */
const rules = [...fileRules, ...setRules];

/** `speclint:recommended`: every rule at its default severity with its default options. */
export function recommendedRules(): Record<string, ResolvedRuleConfig> {
  const out: Record<string, ResolvedRuleConfig> = {};
  for (const rule of rules) out[rule.meta.id] = { severity: rule.meta.defaultSeverity, options: { ...(rule.meta.defaultOptions ?? {}) } };
  return out;
}

/** `speclint:all`: every rule at error. */
export function allRules(): Record<string, ResolvedRuleConfig> {
  const out: Record<string, ResolvedRuleConfig> = {};
  for (const rule of rules) out[rule.meta.id] = { severity: 'error', options: { ...(rule.meta.defaultOptions ?? {}) } };
  return out;
}
