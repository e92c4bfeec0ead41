/**
 * Rule documentation for the terminal (`speclint rules <id>`) and for reports (SARIF `help`): the pages under
 * docs/rules/ of the installed package, and their URLs (the project home and installed version, or the config's
 * `docsUrl` mirror). The project layer reads the files; reporters get the text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';
import { DEFAULT_DOCS_URL, ruleDocsUrl } from '../rule-helpers.js';
import { DIRECTIVES_RULE_ID } from '../directives.js';

const pages = new Map<string, string | undefined>();

/** The Markdown of a rule's docs page, or undefined when the package has none. */
export function readRuleDocs(ruleId: string): string | undefined {
  if (!pages.has(ruleId)) {
    let text: string | undefined;
    try {
      text = readFileSync(join(packageRoot(), 'docs', 'rules', `${ruleId}.md`), 'utf8');
    } catch {
      text = undefined;
    }
    pages.set(ruleId, text);
  }
  return pages.get(ruleId);
}

/**
 * A function from rule id to docs URL, honouring a `docsUrl` template from config. Findings about directives
 * (unknown rule names, unused directives) link to the directives section of the configuration docs.
 */
export function docsUrlResolver(template: string | undefined): (ruleId: string) => string {
  const chosen = template ?? DEFAULT_DOCS_URL;
  return (ruleId) => {
    if (ruleId === DIRECTIVES_RULE_ID && chosen.includes('rules/{rule}.md')) return ruleDocsUrl(ruleId, chosen.replace('rules/{rule}.md', 'configuration.md#inline-directives'));
    return ruleDocsUrl(ruleId, chosen);
  };
}
