// Build: type-check and emit with tsc (library + declarations), then bundle the CLI with esbuild
// (one file plus lazy chunks) because a bundled CLI starts about twice as fast as thousands of ESM imports.
// The npm package ships what this writes (dist/); the self-contained copy committed for the GitHub Action and
// the pre-commit hook (standalone/) is built by scripts/build-standalone.mjs (`npm run build:standalone`).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vendoredAliases } from './vendored.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'scripts/gen-templates.mjs')], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [join(root, 'scripts/gen-package-info.mjs')], { cwd: root, stdio: 'inherit' });
const tsc = require.resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
} catch (error) {
  process.stderr.write(String(error.stdout ?? '') + String(error.stderr ?? ''));
  process.stderr.write('speclint build: TypeScript compilation failed\n');
  process.exit(1);
}

// ajv standalone validators for the schemas every run uses (reads dist/, so after tsc).
execFileSync(process.execPath, [join(root, 'scripts/gen-validators.mjs')], { cwd: root, stdio: 'inherit' });

const esbuild = await import('esbuild');
await esbuild.build({
  entryPoints: Object.fromEntries(Object.entries({ cli: 'src/cli/bin.ts', worker: 'src/project/worker.ts' }).filter(([, file]) => existsSync(join(root, file))).map(([name, file]) => [name, join(root, file)])),
  outdir: join(root, 'dist/bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // jsonc-parser's main entry is UMD, which esbuild cannot follow: prefer ES module entries.
  mainFields: ['module', 'main'],
  alias: vendoredAliases,
  target: 'node20',
  // WASM parsers locate their .wasm files next to their own modules: keep them external.
  // typescript: cosmiconfig requires it only for .ts configs, which speclint does not search for (10 MB).
  external: ['libpg-query', '@guanmingchiu/sqlparser-ts', 'typescript'],
  // Bundled CommonJS dependencies (cosmiconfig's loaders) expect require, __filename and __dirname.
  banner: {
    js: [
      "import { createRequire as __speclintCreateRequire } from 'node:module';",
      "import { fileURLToPath as __speclintFileURLToPath } from 'node:url';",
      'const require = __speclintCreateRequire(import.meta.url);',
      'const __filename = __speclintFileURLToPath(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    ].join(' '),
  },
  logLevel: 'error',
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
});

// The shipped config schema, generated from rule meta (never edited by hand).
const { buildConfigSchema } = await import(join(root, 'dist/src/config/schema.js'));
const { writeFileSync, mkdirSync } = await import('node:fs');
mkdirSync(join(root, 'schema'), { recursive: true });
writeFileSync(join(root, 'schema/specrc.schema.json'), `${JSON.stringify(buildConfigSchema(), null, 2)}\n`);
