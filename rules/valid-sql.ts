import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { metaValue, reportBlockProblems, skipBlock } from '../src/validators/blocks.js';

interface Options {
  dialect: string;
  languages: Record<string, string>;
}

// Kept in sync with src/validators/sql.ts SQL_DIALECTS (not imported: the parsers load only when a block needs them).
const DIALECTS = ['postgresql', 'mysql', 'sqlite', 'mssql', 'bigquery', 'snowflake', 'redshift', 'clickhouse', 'duckdb', 'databricks', 'hive', 'oracle', 'spark', 'teradata', 'ansi', 'generic', 'postgres', 'pg', 'tsql', 'sqlserver', 'mariadb'];

const rule: Rule<Options> = {
  meta: {
    id: 'valid-sql',
    description: 'SQL code blocks parse in the configured dialect',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-sql'),
    optionsSchema: {
      type: 'object',
      properties: {
        dialect: { enum: DIALECTS, description: 'Default dialect (PostgreSQL uses the real PostgreSQL parser).' },
        languages: {
          type: 'object',
          description: 'Info-string language → dialect, e.g. { "mysql": "mysql" } to check ```mysql blocks.',
          additionalProperties: { enum: [...DIALECTS, 'default'] },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { dialect: 'postgresql', languages: { sql: 'default', postgresql: 'postgresql', postgres: 'postgresql', pgsql: 'postgresql', plpgsql: 'postgresql', mysql: 'mysql', sqlite: 'sqlite', tsql: 'mssql', bigquery: 'bigquery', snowflake: 'snowflake' } },
    fixable: false,
    tags: ['code'],
  },
  async check(context) {
    const { options } = context;
    const blocks = context.doc.codeBlocks.filter((b) => options.languages[b.lang] && !skipBlock(b, context));
    if (blocks.length === 0) return;
    const { validateSql, normalizeDialect } = await import('../src/validators/sql.js');
    for (const block of blocks) {
      const mapped = options.languages[block.lang]!;
      const name = metaValue(block.meta, 'dialect') ?? (mapped === 'default' ? options.dialect : mapped);
      const dialect = normalizeDialect(name);
      if (!dialect) {
        context.report({ message: `Unknown SQL dialect "${name}"`, line: block.node.position!.start.line, column: block.node.position!.start.column });
        continue;
      }
      reportBlockProblems(context, block, await validateSql(block.value, dialect));
    }
  },
};

export default rule;
