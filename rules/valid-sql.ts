import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { reportBlockProblems, skipBlock } from '../src/validators/blocks.js';
// The dialect list without the parsers: they load only when a file has a SQL block.
import { DEFAULT_SQL_LANGUAGES, SQL_DIALECT_NAMES, infoStringDialect, normalizeDialect } from '../src/validators/sql-dialects.js';
import type { DialectSource } from '../src/validators/sql.js';

interface Options {
  dialect: string;
  languages: Record<string, string>;
}

const rule: Rule<Options> = {
  meta: {
    id: 'valid-sql',
    description: 'SQL code blocks parse in the configured dialect',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-sql'),
    optionsSchema: {
      type: 'object',
      properties: {
        dialect: { enum: [...SQL_DIALECT_NAMES], description: 'Default dialect (PostgreSQL uses the real PostgreSQL parser).' },
        languages: {
          type: 'object',
          description: 'Info-string language → dialect, e.g. { "mysql": "mysql" } to check ```mysql blocks.',
          additionalProperties: { enum: [...SQL_DIALECT_NAMES, 'default'] },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { dialect: 'postgresql', languages: { ...DEFAULT_SQL_LANGUAGES } },
    fixable: false,
    tags: ['code'],
  },
  async check(context) {
    const { options } = context;
    const blocks = context.doc.codeBlocks.filter((b) => options.languages[b.lang] && !skipBlock(b, context));
    if (blocks.length === 0) return;
    const { validateSql } = await import('../src/validators/sql.js');
    for (const block of blocks) {
      const mapped = options.languages[block.lang]!;
      const named = infoStringDialect(block.meta);
      const source: DialectSource = named !== undefined ? 'info-string' : mapped === 'default' ? 'option' : 'language';
      const name = named ?? (mapped === 'default' ? options.dialect : mapped);
      const dialect = normalizeDialect(name);
      if (!dialect) {
        const position = block.node.position!.start;
        context.report({ message: `Unknown SQL dialect "${name}": use one of ${SQL_DIALECT_NAMES.join(', ')}`, line: position.line, column: position.column, key: `unknown-dialect:${name}` });
        continue;
      }
      reportBlockProblems(context, block, await validateSql(block.value, { dialect, source }));
    }
  },
};

export default rule;
