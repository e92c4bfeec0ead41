import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { blockKey, reportBlockProblems, skipBlock } from '../src/validators/blocks.js';

interface Options {
  languages: string[];
  frontMatter: boolean;
}

const rule: Rule<Options> = {
  meta: {
    id: 'valid-yaml',
    description: 'YAML code blocks and front matter parse',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-yaml'),
    optionsSchema: {
      type: 'object',
      properties: {
        languages: { type: 'array', items: { type: 'string' }, description: 'Info-string languages checked as YAML.' },
        frontMatter: { type: 'boolean', description: 'Check YAML front matter too.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { languages: ['yaml', 'yml'], frontMatter: true },
    fixable: false,
    tags: ['code'],
  },
  async check(context) {
    const { doc, options } = context;
    const blocks = doc.codeBlocks.filter((b) => options.languages.includes(b.lang) && !skipBlock(b, context));
    const frontMatter = options.frontMatter ? doc.frontMatter : undefined;
    if (blocks.length === 0 && !frontMatter) return;
    const { validateYaml } = await import('../src/validators/yaml.js');
    if (frontMatter) {
      for (const problem of validateYaml(frontMatter.raw)) {
        const line = frontMatter.contentStartLine + problem.line;
        const endLine = frontMatter.contentStartLine + (problem.endLine ?? problem.line);
        context.report({ message: `Front matter: ${problem.message}`, line, column: problem.column, endLine, endColumn: problem.endColumn ?? problem.column + 1, key: blockKey(frontMatter.raw, problem.code ?? 'syntax') });
      }
    }
    for (const block of blocks) reportBlockProblems(context, block, validateYaml(block.value, { excerptHint: true }));
  },
};

export default rule;
