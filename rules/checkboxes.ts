import type { Rule, StatusPolicy, TaskItem } from '../src/types.js';
import { docsUrl, escapeRegExp } from '../src/rule-helpers.js';
import { documentStatus } from '../src/status.js';

interface Options {
  completeStatuses: string[];
  sections: string[];
  policies: StatusPolicy[];
}

/** Statuses that say the work is finished, as real projects spell them. */
const DEFAULT_COMPLETE = ['Complete', 'Completed', 'Done', 'Implemented', 'Released', 'Shipped', 'Final', 'Accepted', 'Active', 'Activated', 'Delivered', 'Closed'];
const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * `Implemented`, `implemented (Swift 5.9)`, `Final — 2024-02-01` say Implemented / Final; `Not implemented` and
 * `Final Comment Period` do not.
 */
const statusIs = (status: string, value: string) => {
  const [s, v] = [status.trim().toLowerCase(), value.trim().toLowerCase()];
  return v === s || (v.startsWith(s) && /^\s*[(,;:.–—-]/.test(v.slice(s.length)));
};

/** A section pattern matches a heading when equal ignoring case, with `[…]` in the pattern as a wildcard. */
function headingMatches(pattern: string, heading: string): boolean {
  if (!pattern.includes('[')) return sameText(pattern, heading);
  const source = pattern
    .trim()
    .split(/\[[^\]]*\]/)
    .map(escapeRegExp)
    .join('.+');
  return new RegExp(`^${source}$`, 'i').test(heading.trim());
}

/** Is the item inside a section (or one of its subsections) named by the policy? Empty list: everywhere. */
function inSections(item: TaskItem, sections: string[]): string | undefined {
  if (sections.length === 0) return '';
  for (let section: TaskItem['section'] | undefined = item.section; section && section.level > 0; section = section.parent) {
    const match = sections.find((pattern) => headingMatches(pattern, section!.text));
    if (match) return section.text;
  }
  return undefined;
}

const rule: Rule<Options> = {
  meta: {
    id: 'checkboxes',
    description: 'Task items are well formed, and closed where the status of the document requires it',
    defaultSeverity: 'error',
    docsUrl: docsUrl('checkboxes'),
    optionsSchema: {
      type: 'object',
      properties: {
        completeStatuses: { type: 'array', items: { type: 'string' }, description: 'Statuses meaning the work is finished: every box in `sections` must then be checked.' },
        sections: { type: 'array', items: { type: 'string' }, description: 'Headings (case-insensitive; `[…]` is a wildcard) whose boxes must be checked once the status is finished; a box in a subsection counts; empty means the whole document.' },
        policies: {
          type: 'array',
          description: 'More policies: when Status is one of `statuses`, every box in `sections` must be checked, e.g. `[{ "statuses": ["Approved"], "sections": ["Review Checklist"], "description": "reviews are done before approval" }]`.',
          items: {
            type: 'object',
            required: ['statuses'],
            additionalProperties: false,
            properties: {
              statuses: { type: 'array', items: { type: 'string' }, minItems: 1 },
              sections: { type: 'array', items: { type: 'string' } },
              description: { type: 'string' },
            },
          },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { completeStatuses: DEFAULT_COMPLETE, sections: [], policies: [] },
    fixable: true,
    tags: ['content', 'status'],
  },
  check({ doc, options, documentType, report }) {
    for (const item of doc.taskItems) {
      if (!item.malformed) continue;
      const { found, expected } = item.malformed;
      report({
        message: `Malformed task item "${found}": write "${expected.trimEnd()}" (--fix does it)`,
        range: item.range,
        key: `malformed-task:${found}:${item.text.slice(0, 60)}`,
        fix: { range: [item.range.start.offset, item.range.end.offset], text: expected },
      });
    }

    const status = documentStatus(doc);
    if (!status) return;
    const policies: StatusPolicy[] = [
      { statuses: options.completeStatuses, sections: options.sections },
      ...(documentType?.statusPolicies ?? []),
      ...options.policies.map((p) => ({ ...p, sections: p.sections ?? [] })),
    ];
    const reported = new Set<TaskItem>();
    for (const policy of policies) {
      if (!policy.statuses.some((s) => statusIs(s, status.value))) continue;
      for (const item of doc.taskItems) {
        if (item.checked || item.malformed || reported.has(item)) continue;
        const section = inSections(item, policy.sections);
        if (section === undefined) continue;
        reported.add(item);
        const where = section ? ` in "${section}"` : '';
        const why = policy.description ? ` (${policy.description})` : '';
        report({
          message: `Open task item${where} but Status is "${status.value}" (line ${status.line}): check it, or change the status${why}`,
          range: item.range,
          key: `open-task:${item.text.slice(0, 80)}`,
        });
      }
    }
  },
};

export default rule;
