import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { reportBlockProblems, skipBlock } from '../src/validators/blocks.js';
import type { JsonDialect } from '../src/validators/json.js';

interface Options {
  languages: Record<string, JsonDialect>;
}

/** ```json lines / ```json jsonl: the info string says the block is JSON Lines. */
const LINES_META = /(?:^|\s)(?:lines|jsonl|ndjson|jsonlines)(?:\s|$)/i;

const rule: Rule<Options> = {
  meta: {
    id: 'valid-json',
    description: 'JSON, JSONC, JSON5 and JSON Lines code blocks parse',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-json'),
    optionsSchema: {
      type: 'object',
      properties: {
        languages: {
          type: 'object',
          description: 'Info-string language → grammar to check it with.',
          additionalProperties: { enum: ['json', 'jsonc', 'json5', 'jsonl'] },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { languages: { json: 'json', jsonc: 'jsonc', json5: 'json5', 'json-with-comments': 'jsonc', jsonl: 'jsonl', ndjson: 'jsonl', jsonlines: 'jsonl' } },
    fixable: false,
    tags: ['code'],
  },
  async check(context) {
    const blocks = context.doc.codeBlocks.filter((b) => context.options.languages[b.lang] && !skipBlock(b, context));
    if (blocks.length === 0) return;
    const { validateJson } = await import('../src/validators/json.js');
    for (const block of blocks) {
      const grammar = context.options.languages[block.lang]!;
      const dialect: JsonDialect = grammar === 'json' && LINES_META.test(block.meta) ? 'jsonl' : grammar;
      reportBlockProblems(context, block, validateJson(block.value, dialect));
    }
  },
};

export default rule;
