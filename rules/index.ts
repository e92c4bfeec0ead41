/** The one place rules are registered. Order is the order of `speclint rules` and of the docs. */
import type { Rule } from '../src/types.js';
import requiredSections from './required-sections.js';
import sectionOrder from './section-order.js';
import emptySection from './empty-section.js';
import noPlaceholders from './no-placeholders.js';
import noTemplateText from './no-template-text.js';
import checkboxes from './checkboxes.js';
import metadata from './metadata.js';
import validJson from './valid-json.js';
import validYaml from './valid-yaml.js';
import validSql from './valid-sql.js';
import versionTable from './version-table.js';
import requirementIds from './requirement-ids.js';
import validLinks from './valid-links.js';

export const rules: readonly Rule[] = [
  requiredSections,
  sectionOrder,
  emptySection,
  noPlaceholders,
  noTemplateText,
  checkboxes,
  metadata,
  validJson,
  validYaml,
  validSql,
  versionTable,
  requirementIds,
  validLinks,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.meta.id, rule]));
